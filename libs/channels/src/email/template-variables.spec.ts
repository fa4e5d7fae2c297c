import { templateVariables } from './template-variables';

describe('templateVariables', () => {
  it('should list nested paths from every field when a template uses them', () => {
    const sut = templateVariables({
      subject: 'Hi {{firstName}}',
      html: '<p>{{customer.email}} {{{event.properties.total}}}</p>',
      text: '{{coupon.code}}',
    });

    expect(sut).toEqual(['coupon.code', 'customer.email', 'event.properties.total', 'firstName']);
  });

  it('should include helper params but not helper names when if/unless/each are used', () => {
    const sut = templateVariables({
      subject: '{{#if customer.vip}}VIP{{else if customer.gold}}Gold{{else}}{{fallback}}{{/if}}',
      html: '{{#unless optedOut}}x{{/unless}}{{#each order.items}}{{name}} {{@index}} {{../currency}}{{else}}{{emptyNote}}{{/each}}',
    });

    expect(sut).toEqual([
      'currency',
      'customer.gold',
      'customer.vip',
      'emptyNote',
      'fallback',
      'optedOut',
      'order.items',
    ]);
  });

  it('should prefix paths with the with-target when a with block changes the context', () => {
    const sut = templateVariables({
      subject: '{{#with customer}}{{firstName}} {{address.city}} {{../shop.name}}{{/with}}',
      html: '{{#each items as |item|}}{{item.name}}{{/each}}{{lookup labels locale}}',
    });

    expect(sut).toEqual([
      'customer',
      'customer.address.city',
      'customer.firstName',
      'items',
      'labels',
      'locale',
      'shop.name',
    ]);
  });

  it('should list nothing when the template has only literals, data and this', () => {
    expect(templateVariables({ subject: 'Plain', html: '{{this}} {{@root}} {{!-- comment --}}' })).toEqual([]);
  });

  it('should list root paths and helper arguments when a template uses @root and the email helpers', () => {
    const sut = templateVariables({
      subject: '{{upper firstName}}',
      html: '{{#each items}}{{@root.shop.name}}{{/each}}{{date coupon.expiresAt format="date"}}{{money total currency=currency}}',
    });

    expect(sut).toEqual(['coupon.expiresAt', 'currency', 'firstName', 'items', 'shop.name', 'total']);
  });
});
