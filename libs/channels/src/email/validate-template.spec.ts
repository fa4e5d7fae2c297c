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

    expect(sut).toEqual(expect.objectContaining({ ok: false, field, message: expect.stringMatching(message) }));
  });

  it('should return ok when partials, a layout and helpers are used as given', () => {
    const sut = validateTemplate(
      {
        subject: '{{upper firstName}}',
        html: '{{> header}}<p>{{money total currency="EUR"}} {{date at format="long"}}</p>',
        text: null,
      },
      {
        partials: { header: '<h1>{{> logo}}</h1>', logo: 'Glow' },
        layout: { html: '<div>{{{body}}}</div>', text: '{{{body}}}' },
      },
    );

    expect(sut).toEqual({ ok: true });
  });

  it.each([
    [
      'a partial that was not given',
      { subject: 's', html: '{{> footer}}' },
      { partials: { header: 'h' } },
      /Partial "footer" is not defined/,
    ],
    [
      'a dynamic partial',
      { subject: 's', html: '{{> (lookup . "p")}}' },
      { partials: { p: 'x' } },
      /Dynamic partials are not supported/,
    ],
    [
      'an unknown helper inside a partial',
      { subject: 's', html: '{{#if x}}{{> p}}{{/if}}' },
      { partials: { p: '{{shout y}}' } },
      /partial "p".*unknown helper shout/,
    ],
    ['a broken layout', { subject: 's', html: 'x' }, { layout: { html: '{{#each}}{{{body}}}' } }, /layout: /],
    ['an unknown date format', { subject: 's', html: '{{date at format="iso"}}' }, {}, /date: unknown format "iso"/],
    ['money without a currency', { subject: 's', html: '{{money total}}' }, {}, /money: a currency is required/],
  ] as const)('should report the html field when it uses %s', (_case, template, options, message) => {
    const sut = validateTemplate(template, options);

    expect(sut).toEqual(expect.objectContaining({ ok: false, field: 'html', message: expect.stringMatching(message) }));
  });

  it.each([
    ['decorators', { subject: 's', html: '{{* deco}}' }, {}, { fault: 'decorators', where: null }],
    ['partials-off', { subject: 's', html: '{{> footer}}' }, {}, { fault: 'partials-off', where: null }],
    [
      'unknown-partial',
      { subject: 's', html: '<p>\n{{> footer}}' },
      { partials: { header: 'h' } },
      { fault: 'unknown-partial', partial: 'footer', line: 2 },
    ],
    [
      'a fault inside the layout',
      { subject: 's', html: 'x' },
      { layout: { html: '{{#each}}{{{body}}}' } },
      { fault: 'compile', where: { part: 'layout' } },
    ],
    [
      'a fault inside a partial',
      { subject: 's', html: '{{#if x}}{{> p}}{{/if}}' },
      { partials: { p: '{{shout y}}' } },
      { fault: 'compile', where: { part: 'partial', name: 'p' } },
    ],
  ] as const)(
    'should name the fault by code for %s, so the API can word it in any language',
    (_c, template, options, fault) => {
      const sut = validateTemplate(template, options);

      expect(sut.ok ? null : sut.fault).toEqual(expect.objectContaining(fault));
    },
  );
});
