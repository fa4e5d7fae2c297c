import { renderEmail, templateEnvironment } from './email-renderer';
import { TemplateSyntaxError } from './template-syntax.error';

const LAYOUT = {
  html: '<html><head><style>.footer{color:#999} @media (max-width:600px){.footer{font-size:12px}}</style></head><body>{{{body}}}<p class="footer">{{shop.name}} · <a href="{{unsubscribeUrl}}">Unsubscribe</a></p></body></html>',
  text: '{{{body}}}\n--\n{{shop.name}}: unsubscribe at {{unsubscribeUrl}}',
};
const CONTEXT = { firstName: 'Ada', shop: { name: 'Glow & Co' }, unsubscribeUrl: 'https://rapport.test/u/abc?x=1&y=2' };

describe('renderEmail with a layout', () => {
  it('should wrap the rendered html and text in the layout when a layout is given', () => {
    const sut = renderEmail(
      { subject: 'Hi {{firstName}}', html: '<h1>Hi {{firstName}}</h1>', text: 'Hi {{firstName}}' },
      CONTEXT,
      {
        layout: LAYOUT,
      },
    );

    expect(sut.html).toContain('<body><h1>Hi Ada</h1><p class="footer" style="color: #999;">Glow &amp; Co · ');
    expect(sut.html).toContain('<a href="https://rapport.test/u/abc?x&#x3D;1&amp;y&#x3D;2">Unsubscribe</a>');
    expect(sut.text).toBe('Hi Ada\n--\nGlow & Co: unsubscribe at https://rapport.test/u/abc?x=1&y=2');
    expect(sut.subject).toBe('Hi Ada');
  });

  it('should derive the text from the whole html when neither the template nor the layout has text', () => {
    const sut = renderEmail({ subject: 's', html: '<p>Hi {{firstName}}</p>' }, CONTEXT, {
      layout: { html: LAYOUT.html },
    });

    expect(sut.text).toBe('Hi Ada\n\nGlow & Co · Unsubscribe (https://rapport.test/u/abc?x=1&y=2)');
  });

  it('should wrap text derived from the body when only the layout has text', () => {
    const sut = renderEmail({ subject: 's', html: '<p>Hi <b>{{firstName}}</b></p>' }, CONTEXT, { layout: LAYOUT });

    expect(sut.text).toBe('Hi Ada\n--\nGlow & Co: unsubscribe at https://rapport.test/u/abc?x=1&y=2');
  });

  it('should escape the body once when the body holds customer markup', () => {
    const sut = renderEmail(
      { subject: 's', html: '<p>{{firstName}}</p>' },
      { firstName: '<script>x</script>' },
      {
        layout: { html: '<div>{{{body}}}</div>' },
      },
    );

    expect(sut.html).toBe('<div><p>&lt;script&gt;x&lt;/script&gt;</p></div>');
  });

  it('should name the layout when the layout does not compile', () => {
    const act = () => renderEmail({ subject: 's', html: 'x' }, {}, { layout: { html: '<div>\n{{#if a}}{{{body}}}' } });

    expect(act).toThrow(TemplateSyntaxError);
    expect(act).toThrow(/^Template html \(line 2\): layout: Parse error/);
  });
});

describe('renderEmail with partials', () => {
  it('should render partials with the caller context and the field escaping when partials are given', () => {
    const partials = { greeting: 'Hello {{firstName}}', footer: '<small>{{> greeting}} from {{shop.name}}</small>' };

    const sut = renderEmail(
      { subject: '{{> greeting}}!', html: '<p>{{> greeting}}</p>{{> footer}}', text: '{{> footer}}' },
      { ...CONTEXT, firstName: 'A<b>' },
      { partials },
    );

    expect(sut.subject).toBe('Hello A<b>!');
    expect(sut.html).toBe('<p>Hello A&lt;b&gt;</p><small>Hello A&lt;b&gt; from Glow &amp; Co</small>');
    expect(sut.text).toBe('<small>Hello A<b> from Glow & Co</small>');
  });

  it('should let the layout call partials when the layout uses one', () => {
    const sut = renderEmail({ subject: 's', html: 'body' }, CONTEXT, {
      layout: { html: '{{{body}}}|{{> footer}}' },
      partials: { footer: '{{shop.name}}' },
    });

    expect(sut.html).toBe('body|Glow &amp; Co');
  });

  it('should throw TemplateSyntaxError when a template calls a partial that was not given', () => {
    const act = () => renderEmail({ subject: 's', html: '{{> footer}}' }, {}, { partials: { header: 'h' } });

    expect(act).toThrow(TemplateSyntaxError);
    expect(act).toThrow(/The partial footer could not be found/);
  });

  it('should never leave partials registered when a render with partials is over', () => {
    renderEmail({ subject: 's', html: '{{> footer}}' }, {}, { partials: { footer: 'f' } });

    expect(() => renderEmail({ subject: 's', html: '{{> footer}}' }, {})).toThrow(/could not be found/);
    expect(Object.keys(templateEnvironment().partials)).toEqual([]);
  });

  it.each([['__proto__'], ['constructor.name'], ['a b']])(
    'should refuse the partial name %p when it is not an identifier',
    (name) => {
      const partials = JSON.parse(`{${JSON.stringify(name)}: "x"}`) as Record<string, string>;

      expect(() => renderEmail({ subject: 's', html: '{{> x}}' }, {}, { partials })).toThrow(
        /Partial name .* is not allowed/,
      );
    },
  );

  it('should report a broken partial against the field that calls it when the partial does not compile', () => {
    const act = () =>
      renderEmail({ subject: 'plain', html: '{{> footer}}' }, {}, { partials: { footer: '{{#if x}}' } });

    expect(act).toThrow(/^Template html \(line 1\): partial "footer": Parse error/);
  });
});

describe('renderEmail css inlining', () => {
  it('should inline style blocks into style attributes and keep media queries when the html has a style block', () => {
    const sut = renderEmail(
      {
        subject: 's',
        html: '<style>h1{color:#e00;margin:0} .cta{background-color:#111}</style><h1 style="padding:4px">Hi</h1><a class="cta" href="#">Go</a>',
      },
      CONTEXT,
      { layout: LAYOUT },
    );

    expect(sut.html).toContain('<h1 style="color: #e00; margin: 0; padding: 4px;">Hi</h1>');
    expect(sut.html).toContain('<a class="cta" href="#" style="background-color: #111;">Go</a>');
    expect(sut.html).toContain('<p class="footer" style="color: #999;">');
    expect(sut.html).toMatch(
      /<style>\s*@media \(max-width:600px\) \{\s*\.footer \{\s*font-size: 12px;\s*\}\s*\}\s*<\/style>/,
    );
    expect(sut.html).not.toContain('h1{color');
  });

  it('should keep escaped entities and non-ASCII text intact when css is inlined', () => {
    const sut = renderEmail(
      { subject: 's', html: '<style>p{color:red}</style><p title="{{t}}">{{t}} é 😀</p>' },
      { t: `it's <b> "q" & =` },
    );

    expect(sut.html).toBe(
      '<p title="it&#x27;s &lt;b&gt; &quot;q&quot; &amp; &#x3D;" style="color: red;">it&#x27;s &lt;b&gt; &quot;q&quot; &amp; &#x3D; é 😀</p>',
    );
  });

  it('should leave html untouched when it has no style block', () => {
    const html = '<table><tr><td>{{x}}</td></tr></table>';

    expect(renderEmail({ subject: 's', html }, { x: 1 }).html).toBe('<table><tr><td>1</td></tr></table>');
  });
});
