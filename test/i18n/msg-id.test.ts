// The locale runtime computes @lit/localize's message ids itself (for msg() calls without an
// explicit id, as sources run unbundled): they must be exactly @lit/localize's, or translations
// keyed by its extractor are not found.
import { expect } from '@open-wc/testing';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';
import { msgId } from '../../src/i18n/msg-id.js';

describe('msgId()', () => {
  it('equals @lit/localize’s id for plain, str`` and html`` messages in any script', () => {
    const texts = ['', 'Forum content is unavailable right now.', 'Организаторы', '主办单位', 'emoji 😀 and \u{10FFFF}', '\0\x1e\uffff'];
    // Random UTF-16, lone surrogates included.
    for (let i = 1; i < 200; i++) texts.push(String.fromCharCode(...Array.from({ length: i % 40 }, (_, j) => (i * 7919 + j * 104729) % 65536)));
    for (const t of texts) {
      expect(msgId(t), t).to.equal(generateMsgId(t, false));
      const parts = [t, ' in figures', ''];
      expect(msgId(parts), t).to.equal(generateMsgId(parts, false));
      expect(msgId(parts, true), t).to.equal(generateMsgId(parts, true));
    }
  });
});
