import type { TemplateSyntaxError } from '@rapport/channels';
import type { ApiIssue, Words } from '../common/api-error';

/** A template fault in the marketer's words: which part and field, the line, and why (Handlebars' own detail kept). */
export const templateFaultWords = (fault: TemplateSyntaxError): Words => ({
  key: 'api.template.syntax',
  params: {
    part: fault.where?.part ?? 'template',
    name: fault.where?.part === 'partial' ? fault.where.name : '',
    field: fault.field,
    line: fault.line ?? '',
    reason: fault.fault,
    partial: fault.partial ?? '',
    detail: fault.detail,
  },
});

/** The same fault as the issue of the field it is in. */
export const templateFaultIssue = (fault: TemplateSyntaxError): ApiIssue => ({
  path: [fault.field],
  words: templateFaultWords(fault),
});
