import { renderEmail, templateCacheSize, TEMPLATE_CACHE_SIZE } from './email-renderer';
import { TemplateSyntaxError } from './template-syntax.error';

describe('renderEmail', () => {
  it('should escape variables in html but not in subject or text when a value contains markup', () => {
    const sut = renderEmail(
      { subject: 'Hi {{name}}', html: '<p>Hi {{name}}</p>', text: 'Hi {{name}}' },
      { name: '<script>alert(1)</script> & co' },
    );

    expect(sut.html).toBe('<p>Hi &lt;script&gt;alert(1)&lt;/script&gt; &amp; co</p>');
    expect(sut.subject).toBe('Hi <script>alert(1)</script> & co');
    expect(sut.text).toBe('Hi <script>alert(1)</script> & co');
  });

  it('should derive the text part from html when the template has no text', () => {
    const sut = renderEmail(
      {
        subject: 'Your code',
        html: '<style>p{color:red}</style><h1>Hello {{firstName}}</h1><p>Use <b>{{code}}</b>.<br>Thanks</p><a href="https://shop.test/x?a=1&amp;b=2">Shop now</a>',
        text: null,
      },
      { firstName: 'Ada', code: 'BDAY-42' },
    );

    expect(sut.text).toBe('Hello Ada\n\nUse BDAY-42.\nThanks\nShop now (https://shop.test/x?a=1&b=2)');
  });

  it('should render an empty string when a variable is missing', () => {
    const sut = renderEmail({ subject: 'Hi {{firstName}}!', html: '<p>{{customer.address.city}}</p>' }, {});

    expect(sut).toEqual({ subject: 'Hi !', html: '<p></p>', text: '' });
  });

  it.each([
    ['{{constructor.constructor}}'],
    ['{{__proto__}}'],
    ['{{customer.__proto__.polluted}}'],
    ['{{#with customer}}{{constructor.name}}{{/with}}'],
  ])('should render nothing when the template reaches the prototype via %s', (html) => {
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);

    const sut = renderEmail({ subject: 's', html }, { customer: { email: 'a@b.test' } });

    expect(sut.html).toBe('');
    log.mockRestore();
  });

  it('should render helpers and nested paths when the context has them', () => {
    const sut = renderEmail(
      {
        subject: '{{#if vip}}VIP: {{/if}}Order {{event.properties.orderId}}',
        html: '<ul>{{#each items}}<li>{{name}} x{{qty}}</li>{{/each}}</ul>',
      },
      { vip: true, event: { properties: { orderId: 'A1' } }, items: [{ name: 'Mascara', qty: 2 }] },
    );

    expect(sut.subject).toBe('VIP: Order A1');
    expect(sut.text).toBe('- Mascara x2');
  });

  it('should throw TemplateSyntaxError naming the field and line when a template does not compile', () => {
    const act = () => renderEmail({ subject: 'ok', html: '<p>\n{{#if x}}\nunclosed' }, {});

    expect(act).toThrow(TemplateSyntaxError);
    expect(act).toThrow(/^Template html \(line 3\): Parse error on line 3/);
  });

  it('should keep the compiled-template cache bounded when many distinct templates render', () => {
    for (let i = 0; i < TEMPLATE_CACHE_SIZE + 20; i++) renderEmail({ subject: `s${i}`, html: `h${i}`, text: 't' }, {});

    expect(templateCacheSize()).toBeLessThanOrEqual(TEMPLATE_CACHE_SIZE);
  });
});
