import { missingVariables } from './missing-variables';
import { TemplateSyntaxError } from './template-syntax.error';

const ROOTS = ['firstName', 'email', 'tier', 'customer', 'event', 'coupon', 'unsubscribeUrl'];

describe('missingVariables', () => {
  it('should report a misspelt variable with the field that uses it when its root is unknown', () => {
    const sut = missingVariables(
      {
        subject: 'Hi {{fristName}}',
        html: '<p>{{firstName}}, your code {{coupon.code}} ends {{date coupon.expiresAt}}</p><a href="{{unsubscribeUrl}}">x</a>{{cupon.code}}',
        text: '{{fristName}} {{money event.properties.total currency=currencyCode}}',
      },
      { roots: ROOTS },
    );

    expect(sut).toEqual([
      { field: 'subject', variable: 'fristName' },
      { field: 'html', variable: 'cupon.code' },
      { field: 'text', variable: 'currencyCode' },
      { field: 'text', variable: 'fristName' },
    ]);
  });

  it('should report nothing when every variable has a known root', () => {
    const sut = missingVariables(
      {
        subject: '{{#if tier}}{{upper tier}}{{/if}}',
        html: '{{#with customer}}{{fristName}}{{/with}}{{#each event.items}}{{name}}{{/each}}',
        text: null,
      },
      { roots: ROOTS },
    );

    expect(sut).toEqual([]);
  });

  it('should accept declared paths and their parents but not their siblings when a root is not known whole', () => {
    const sut = missingVariables(
      {
        subject: '',
        html: '{{event.properties.total}} {{#with event.properties}}{{total.value}}{{/with}} {{event.properties.totl}}',
      },
      { roots: ['firstName'], paths: ['event.properties.total'] },
    );

    expect(sut).toEqual([{ field: 'html', variable: 'event.properties.totl' }]);
  });

  it('should check @root paths when a template reads the root from inside a block', () => {
    const sut = missingVariables(
      { subject: '', html: '{{#each items}}{{@root.fristName}}{{/each}}' },
      { roots: ['items'] },
    );

    expect(sut).toEqual([{ field: 'html', variable: 'fristName' }]);
  });

  it('should check a layout like a template when body is among the roots', () => {
    const sut = missingVariables(
      { subject: '', html: '{{{body}}}<a href="{{unsubscribeUrl}}">{{shopName}}</a>' },
      { roots: [...ROOTS, 'body'] },
    );

    expect(sut).toEqual([{ field: 'html', variable: 'shopName' }]);
  });

  it('should throw TemplateSyntaxError naming the field when a field does not parse', () => {
    const act = () => missingVariables({ subject: 'ok', html: '', text: '{{#if x}}' }, { roots: [] });

    expect(act).toThrow(TemplateSyntaxError);
    expect(act).toThrow(/^Template text/);
  });
});
