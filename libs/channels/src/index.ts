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
