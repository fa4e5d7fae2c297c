import { templateVariables } from './template-variables';

const attributes = new Set(['firstName', 'loyalty_points', 'email']);

describe('templateVariables', () => {
  it('should flag a variable no profile has and accept declared ones, wherever they are used', () => {
    const sut = templateVariables(
      {
        subject: 'Hi {{firstName}}',
        html: '<p>{{firstName}} has {{loyalty_points}} points, {{favourite_colour}}</p>',
        text: null,
      },
      attributes,
    );

    expect(sut).toEqual([
      { path: 'favourite_colour', fields: ['html'], status: 'unknown' },
      { path: 'firstName', fields: ['subject', 'html'], status: 'known' },
      { path: 'loyalty_points', fields: ['html'], status: 'known' },
    ]);
  });

  it('should read helper arguments, skip literals, partials, comments and names inside each blocks', () => {
    const sut = templateVariables(
      {
        subject: '{{upper firstName}}',
        html: '{{> footer}}{{!-- note --}}{{date birthday format="date"}}{{#each products}}{{name}}{{/each}}{{#if vip}}VIP{{else}}-{{/if}}',
        text: '{{money event.properties.total "EUR"}} {{{unsubscribeUrl}}} {{customer.email}} {{customer.shoe_size}}',
      },
      attributes,
    );

    expect(sut.map((variable) => [variable.path, variable.status])).toEqual([
      ['birthday', 'unknown'],
      ['customer.email', 'known'],
      ['customer.shoe_size', 'unknown'],
      ['event.properties.total', 'context'],
      ['firstName', 'known'],
      ['products', 'unknown'],
      ['unsubscribeUrl', 'context'],
      ['vip', 'unknown'],
    ]);
  });
});
