import { validateTemplate } from './validate-template';

describe('validateTemplate', () => {
  it('should return ok when every field compiles', () => {
    expect(validateTemplate({ subject: 'Hi {{name}}', html: '{{#if a}}x{{/if}}', text: null })).toEqual({ ok: true });
  });

  it.each([
    ['subject', { subject: 'Hi {{name', html: '' }, /line 1/],
    ['html', { subject: 'ok', html: '<p>\n{{#each items}}\n{{/if}}' }, /each doesn't match if/],
    ['text', { subject: 'ok', html: '', text: '{{> footer}}' }, /Partials/],
    ['html', { subject: 'ok', html: '{{shout name}}' }, /unknown helper shout/],
  ] as const)('should report the %s field when it is broken', (field, template, message) => {
    const sut = validateTemplate(template);

    expect(sut).toEqual({ ok: false, field, message: expect.stringMatching(message) });
  });
});
