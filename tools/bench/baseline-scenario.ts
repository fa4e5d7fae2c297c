import { MailSink, SmtpEmailTransport } from '@rapport/channels';
import { baselineMail } from './bench-journey';

export type ScenarioResult = { seconds: number; mails: number; distinctMessageIds: number };

/** The ceiling: the same transport and pool size the engine uses, fed as fast as it will take mail. */
export const runBaselineScenario = async (count: number, maxConnections: number): Promise<ScenarioResult> => {
  const sink = new MailSink({ maxStoredMessages: count + 100 });
  const { smtpUrl } = await sink.start({ smtpPort: 0, httpPort: null });
  const transport = new SmtpEmailTransport({ url: smtpUrl, maxConnections });
  try {
    const started = performance.now();
    await Promise.all(Array.from({ length: count }, (_, n) => transport.send(baselineMail(n))));
    await sink.waitForCount(count, { timeoutMs: 30_000 });
    const seconds = (performance.now() - started) / 1000;
    const mails = sink.messages();
    return { seconds, mails: mails.length, distinctMessageIds: new Set(mails.map((mail) => mail.messageId)).size };
  } finally {
    transport.close();
    await sink.stop();
  }
};
