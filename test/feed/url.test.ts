// safeUrl lets through only what FEED-SPEC "URLs" allows: absolute http(s) everywhere, raster
// data: images for photos and logos; never script, HTML, SVG or a URL relative to the host page.
import { expect } from '@open-wc/testing';
import { safeUrl, MAX_URL_LENGTH } from '../../src/feed/url.js';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

describe('safeUrl', () => {
  it('passes absolute https: and http: URLs, normalised', () => {
    expect(safeUrl('https://roscongress.org/events/')).to.equal('https://roscongress.org/events/');
    expect(safeUrl('http://example.org')).to.equal('http://example.org/');
    expect(safeUrl('HTTPS://Example.ORG/a b')).to.equal('https://example.org/a%20b');
    expect(safeUrl('  https://example.org/x  ')).to.equal('https://example.org/x');
    expect(safeUrl('https://example.org/img.jpg', 'image')).to.equal('https://example.org/img.jpg');
  });

  for (const kind of ['link', 'image'] as const) {
    it(`rejects script, HTML and SVG schemes (${kind})`, () => {
      for (const bad of [
        'javascript:alert(1)',
        ' JaVaScRiPt:alert(1)',
        'java\tscript:alert(1)',
        'java\nscript:alert(1)',
        '\u0000javascript:alert(1)',
        'vbscript:msgbox(1)',
        'VBScript:msgbox(1)',
        'data:text/html,<script>alert(1)</script>',
        'data:text/html;base64,PHNjcmlwdD4=',
        'data:image/svg+xml,<svg onload=alert(1)>',
        ' DATA:image/svg+xml;base64,PHN2Zz4=',
        'data:image/png+xml,x',
        'file:///etc/passwd',
        'ftp://example.org/',
        'blob:https://example.org/1',
        'mailto:a@example.org',
        // The URL parser would drop these and read https: — the text itself must start with it.
        '\u0001https://example.org/',
        'ht\ttps://example.org/',
      ]) {
        expect(safeUrl(bad, kind), JSON.stringify(bad)).to.equal(undefined);
      }
    });

    it(`rejects relative URLs, which would resolve against the partner's page (${kind})`, () => {
      for (const bad of ['/feed.json', 'img/logo.png', '//evil.example/x', '?q=1', '#top', '', ' ', 'http://', 'https:']) {
        expect(safeUrl(bad, kind), JSON.stringify(bad)).to.equal(undefined);
      }
    });
  }

  it('passes raster data:image URLs for images only', () => {
    for (const ok of [PNG, 'data:image/jpeg;base64,/9j/', 'data:image/webp;base64,UklGRg==', 'data:image/gif,GIF89a', 'DATA:IMAGE/PNG;base64,iVBO']) {
      expect(safeUrl(ok, 'image'), ok).to.equal(ok);
      expect(safeUrl(ok, 'link'), ok).to.equal(undefined);
      expect(safeUrl(ok), ok).to.equal(undefined);
    }
  });

  it('rejects values that are not strings, and absurdly long ones', () => {
    for (const v of [undefined, null, 42, {}, ['https://example.org/'], { href: 'https://example.org/' }]) {
      expect(safeUrl(v)).to.equal(undefined);
    }
    const long = 'https://example.org/' + 'a'.repeat(MAX_URL_LENGTH);
    expect(safeUrl(long)).to.equal(undefined);
    expect(safeUrl(long.slice(0, MAX_URL_LENGTH))).to.equal(long.slice(0, MAX_URL_LENGTH));
  });
});
