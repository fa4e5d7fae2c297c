import type { IncomingMessage } from 'node:http';

// HTTP plumbing for FakeTwilio: Twilio-shaped error bodies and a bounded body reader.

export type TwilioJson = Record<string, unknown>;

const MAX_BODY_BYTES = 64 * 1024;
const DEFAULT_ERRORS: Record<number, { code: number; message: string }> = {
  400: { code: 21211, message: "The 'To' number is not a valid phone number." },
  401: { code: 20003, message: 'Authenticate' },
  404: { code: 20404, message: 'The requested resource was not found' },
  429: { code: 20429, message: 'Too Many Requests' },
  500: { code: 20500, message: 'Internal Server Error' },
  503: { code: 20503, message: 'Service Unavailable' },
};

export class HttpReply {
  constructor(
    readonly status: number,
    readonly body: TwilioJson,
  ) {}
}

export const twilioError = (status: number, code?: number, message?: string): HttpReply => {
  const known = DEFAULT_ERRORS[status];
  return new HttpReply(status, {
    code: code ?? known?.code ?? 20000 + status,
    message: message ?? known?.message ?? 'Injected failure',
    more_info: `https://www.twilio.com/docs/errors/${code ?? known?.code ?? 20000 + status}`,
    status,
  });
};

/** Reads the whole request body, or null beyond 64 KB. */
export const readBody = (req: IncomingMessage): Promise<string | null> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
