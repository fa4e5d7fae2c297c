import type { ParsedMail } from 'mailparser';

export type CapturedMail = {
  id: string;
  messageId: string;
  from: string;
  /** Envelope recipients: who the message was actually delivered to (includes Bcc). */
  to: string[];
  subject: string;
  html: string;
  text: string;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** ISO time the sink received it (wall clock: the sink is a dev/test tool, not the engine). */
  receivedAt: string;
};

const headerRecord = (parsed: ParsedMail): Record<string, string> => {
  const headers: Record<string, string> = {};
  for (const { key, line } of parsed.headerLines) {
    const value = line
      .slice(line.indexOf(':') + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
    headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
  }
  return headers;
};

export const toCapturedMail = (input: {
  id: string;
  parsed: ParsedMail;
  envelopeFrom: string;
  envelopeTo: string[];
  receivedAt: Date;
}): CapturedMail => {
  const { parsed } = input;
  return {
    id: input.id,
    messageId: parsed.messageId ?? '',
    from: parsed.from?.text || input.envelopeFrom,
    to: input.envelopeTo,
    subject: parsed.subject ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : '',
    text: parsed.text ?? '',
    headers: headerRecord(parsed),
    receivedAt: input.receivedAt.toISOString(),
  };
};
