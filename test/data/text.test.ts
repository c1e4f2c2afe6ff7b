import {expect} from '@open-wc/testing';
import {parseText, tokenizeLine, tokensToText} from '../../src/data/text.js';

describe('text tokens', () => {
  it('splits paragraphs on blank lines and keeps single line breaks', () => {
    const p = parseText('First line\nsecond line\n\n\nNew paragraph\r\n');
    expect(p).to.have.length(2);
    expect(p[0].map((line) => line.map((t) => t.text).join(''))).to.deep.equal(['First line', 'second line']);
    expect(p[1][0]).to.deep.equal([{kind: 'text', text: 'New paragraph'}]);
  });

  it('turns https: URLs into links and trims trailing punctuation', () => {
    const line = tokenizeLine('See https://nhs.uk/conditions/asthma/. Or (https://example.org/a_(b)) ok');
    expect(line).to.deep.equal([
      {kind: 'text', text: 'See '},
      {kind: 'link', text: 'https://nhs.uk/conditions/asthma/', href: 'https://nhs.uk/conditions/asthma/'},
      {kind: 'text', text: '. Or ('},
      {kind: 'link', text: 'https://example.org/a_(b)', href: 'https://example.org/a_(b)'},
      {kind: 'text', text: ') ok'},
    ]);
  });

  it('never links javascript:, data:, http: or credentials', () => {
    for (const text of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'http://insecure.example',
      'https://user:pass@example.org',
      'https://',
      'JaVaScRiPt:https://x.org',
    ]) {
      const tokens = parseText(text).flat(2);
      const links = tokens.filter((t) => t.kind === 'link');
      if (text.startsWith('JaVa')) expect(links.map((l) => l.href)).to.deep.equal(['https://x.org/']);
      else expect(links, text).to.have.length(0);
      expect(tokensToText(parseText(text))).to.equal(text);
    }
  });

  it('round-trips hostile text verbatim', () => {
    const hostile = '<script>alert("x")</script> \u202Eevil\u202C zero\u200Bwidth 👩🏽‍⚕️ ' + 'a'.repeat(300);
    expect(tokensToText(parseText(hostile))).to.equal(hostile);
  });

  it('returns nothing for blank text', () => {
    expect(parseText('  \n\n ')).to.deep.equal([]);
  });
});
