import { htmlToText } from './html-to-text';

describe('htmlToText', () => {
  it.each([
    ['<p>a</p><p>b</p>', 'a\n\nb'],
    ['line<br/>next<br>last', 'line\nnext\nlast'],
    ['<div>x</div><div>y</div>', 'x\ny'],
    ['<ul><li>one</li><li>two</li></ul>', '- one\n- two'],
    ['<a href="https://x.test">https://x.test</a>', 'https://x.test'],
    ["<a href='https://x.test/u?id=1'>Unsubscribe</a>", 'Unsubscribe (https://x.test/u?id=1)'],
    ['<script>var a = "<p>";</script><p>kept</p>', 'kept'],
    ['Caf&eacute; &amp; &lt;tea&gt; &#8364;5 &#x2014; ok&nbsp;now', 'Caf&eacute; & <tea> €5 — ok now'],
    ['  lots   of\n\n\n\n  space  ', 'lots of\n\nspace'],
  ])('should turn %j into %j when converting', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});
