import { EmailSendError } from './email-send.error';

describe('EmailSendError.fromNodemailer', () => {
  it.each([
    [{ code: 'ECONNECTION', message: 'connect ECONNREFUSED' }, 'retryable'],
    [{ code: 'ETIMEDOUT', message: 'Greeting never received' }, 'retryable'],
    [{ code: 'EENVELOPE', responseCode: 550, message: 'No such user' }, 'permanent'],
    [{ code: 'EENVELOPE', responseCode: 450, message: 'Mailbox busy' }, 'retryable'],
    [{ code: 'EMESSAGE', responseCode: 554, message: 'Rejected as spam' }, 'permanent'],
    [{ code: 'EMESSAGE', responseCode: 421, message: 'Service not available' }, 'retryable'],
    [{ code: 'EENVELOPE', message: 'No recipients defined' }, 'permanent'],
    [{ code: 'EAUTH', responseCode: 535, message: 'Bad credentials' }, 'retryable'],
    [new Error('socket hang up'), 'retryable'],
  ])('should classify %j as %s', (raw, kind) => {
    const sut = EmailSendError.fromNodemailer(raw);

    expect(sut).toBeInstanceOf(EmailSendError);
    expect(sut.kind).toBe(kind);
  });
});
