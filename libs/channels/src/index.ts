export { renderEmail, templateCacheSize, TEMPLATE_CACHE_SIZE } from './email/email-renderer';
export type { EmailLayout, EmailTemplate, RenderEmailOptions, RenderedEmail } from './email/email-renderer';
export {
  createEmailHelpers,
  DATE_FORMATS,
  EMAIL_HELPER_NAMES,
  resolveLocale,
  resolveTimeZone,
} from './email/email-helpers';
export type { DateFormat, EmailHelperName, RenderPlace } from './email/email-helpers';
export { inlineCss } from './email/inline-css';
export { missingVariables } from './email/missing-variables';
export type { KnownVariables, MissingVariable } from './email/missing-variables';
export {
  createUnsubscribeToken,
  unsubscribeHeaders,
  UNSUBSCRIBE_TOKEN_VERSION,
  verifyUnsubscribeToken,
} from './email/unsubscribe-token';
export type { UnsubscribeChannel, UnsubscribeHeaders, UnsubscribePayload } from './email/unsubscribe-token';
export { htmlToText } from './email/html-to-text';
export { sourceVariables, templateVariables } from './email/template-variables';
export { validateTemplate } from './email/validate-template';
export type { TemplateValidation, ValidateTemplateOptions } from './email/validate-template';
export { TemplateSyntaxError } from './email/template-syntax.error';
export type { TemplateField } from './email/template-syntax.error';
export { SmtpEmailTransport } from './email/smtp-email.transport';
export type { EmailSendResult, OutgoingEmail, SmtpEmailTransportOptions } from './email/smtp-email.transport';
export { EmailSendError } from './email/email-send.error';
export type { EmailSendErrorKind } from './email/email-send.error';
export { MailSink } from './mail-sink/mail-sink';
export type { MailSinkOptions, MailSinkStartOptions, MailSinkUrls, WaitOptions } from './mail-sink/mail-sink';
export type { CapturedMail } from './mail-sink/captured-mail';
export {
  DEFAULT_TOLERANCE_SECONDS,
  WEBHOOK_SECRET_PREFIX,
  generateWebhookSecret,
  isWebhookSecret,
  signWebhook,
  verifyWebhook,
  webhookSecretBytes,
} from './webhook/standard-webhooks';
export type {
  IncomingHeaders,
  SignWebhookInput,
  VerifyWebhookInput,
  WebhookHeaders,
  WebhookVerification,
  WebhookVerifyFailure,
} from './webhook/standard-webhooks';
export { classifyAddress, guardUrl } from './webhook/address-guard';
export type {
  AddressClass,
  GuardOptions,
  GuardRefusal,
  GuardResult,
  HostLookup,
  ResolvedAddress,
} from './webhook/address-guard';
export {
  MAX_BACKOFF_MS,
  MAX_RETRY_AFTER_MS,
  WEBHOOK_USER_AGENT,
  backoffDelay,
  parseRetryAfter,
  sendWebhook,
} from './webhook/webhook-sender';
export type { SendWebhookInput, WebhookSendResult } from './webhook/webhook-sender';
export { WebhookSendError } from './webhook/webhook-send.error';
export type { WebhookSendErrorDetails, WebhookSendErrorKind } from './webhook/webhook-send.error';
export { WebhookReceiver } from './webhook/webhook-receiver';
export type {
  ReceivedWebhook,
  ScriptedResponse,
  WebhookReceiverOptions,
  WebhookReceiverStartOptions,
  WebhookWaitOptions,
} from './webhook/webhook-receiver';
// SMS length is pure text math, so it lives in the journey core (the editor shows it too).
export { measureSms } from '@rapport/journey';
export type { SmsEncoding, SmsMeasure } from '@rapport/journey';
export type { OutgoingSms, SmsProvider, SmsSendResult } from './sms/sms-provider';
export { SmsSendError } from './sms/sms-send.error';
export type { SmsSendErrorDetails, SmsSendErrorKind } from './sms/sms-send.error';
export { TwilioSmsProvider } from './sms/twilio-sms.provider';
export type { TwilioSmsProviderOptions } from './sms/twilio-sms.provider';
export { signTwilioRequest, verifyTwilioSignature } from './sms/twilio-signature';
export type { SignTwilioRequestInput, TwilioParams, VerifyTwilioSignatureInput } from './sms/twilio-signature';
export { FakeTwilio } from './sms/fake-twilio.server';
export type {
  FakeFailure,
  FakeSms,
  FakeTwilioOptions,
  FakeTwilioStartOptions,
  FakeTwilioUrls,
  FakeWaitOptions,
} from './sms/fake-twilio.server';
export * from './exports/shop-webhooks';
export * from './exports/insights';
export * from './exports/audiences';
export * from './exports/profiles';
export * from './exports/accounts';
