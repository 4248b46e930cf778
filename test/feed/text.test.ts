// pickText follows the spec's fallback chain (exact tag, same language and script, then
// defaultLanguage, then the first entry) and says which language it actually used.
import { expect } from '@open-wc/testing';
import { pickText, differsFrom } from '../../src/feed/text.js';

const ZH = ['zh', 'zh-CN', 'zh-Hans', 'zh-Hans-CN'];

describe('pickText', () => {
  const text = { ru: 'Хабаровск', en: 'Khabarovsk', 'zh-Hans': '哈巴罗夫斯克' };

  it('takes the exact tag', () => {
    expect(pickText(text, 'en', 'ru')).to.deep.equal({ text: 'Khabarovsk', lang: 'en' });
    expect(pickText(text, 'ru', 'en')).to.deep.equal({ text: 'Хабаровск', lang: 'ru' });
    expect(pickText(text, 'zh-Hans', 'ru')).to.deep.equal({ text: '哈巴罗夫斯克', lang: 'zh-Hans' });
  });

  it('matches tags case-insensitively', () => {
    expect(pickText(text, 'ZH-hans', 'ru')).to.deep.equal({ text: '哈巴罗夫斯克', lang: 'zh-Hans' });
  });

  it('prefers the exact tag over another of the same language and script', () => {
    const both = { 'zh-Hans': 'A', 'zh-CN': 'B' };
    expect(pickText(both, 'zh-CN', 'ru')).to.deep.equal({ text: 'B', lang: 'zh-CN' });
    expect(pickText(both, 'zh-Hans', 'ru')).to.deep.equal({ text: 'A', lang: 'zh-Hans' });
  });

  for (const entry of ZH) {
    for (const locale of ZH) {
      it(`a ${entry} text meets a ${locale} reader`, () => {
        expect(pickText({ ru: 'р', [entry]: '中' }, locale, 'ru')).to.deep.equal({ text: '中', lang: entry });
      });
    }
  }

  it('zh-TW (Traditional) does not meet zh-Hans, nor zh-Hant a zh-CN reader', () => {
    expect(pickText({ ru: 'р', 'zh-Hans': '简' }, 'zh-TW', 'ru')).to.deep.equal({ text: 'р', lang: 'ru' });
    expect(pickText({ ru: 'р', 'zh-Hant': '繁' }, 'zh-CN', 'ru')).to.deep.equal({ text: 'р', lang: 'ru' });
    expect(pickText({ ru: 'р', 'zh-Hant': '繁', zh: '简' }, 'zh-TW', 'ru')).to.deep.equal({ text: '繁', lang: 'zh-Hant' });
  });

  it('meets same language and script beyond Chinese (en-GB for en-US), not another script', () => {
    expect(pickText({ ru: 'р', 'en-GB': 'colour' }, 'en-US', 'ru')).to.deep.equal({ text: 'colour', lang: 'en-GB' });
    expect(pickText({ ru: 'р', 'sr-Latn': 'Beograd' }, 'sr', 'ru')).to.deep.equal({ text: 'р', lang: 'ru' });
  });

  it('falls back to defaultLanguage', () => {
    expect(pickText(text, 'fr', 'en')).to.deep.equal({ text: 'Khabarovsk', lang: 'en' });
    expect(pickText({ en: 'E', 'ru-RU': 'Р' }, 'fr', 'ru')).to.deep.equal({ text: 'Р', lang: 'ru-RU' });
  });

  it('then to the first entry', () => {
    expect(pickText({ 'zh-Hans': '中', en: 'E' }, 'fr', 'ru')).to.deep.equal({ text: '中', lang: 'zh-Hans' });
  });

  it('a plain string is in defaultLanguage, whatever the reader wants', () => {
    expect(pickText('Хабаровск', 'en', 'ru')).to.deep.equal({ text: 'Хабаровск', lang: 'ru' });
  });

  it('no text gives undefined; odd locales and entries do not throw', () => {
    expect(pickText(undefined, 'en', 'ru')).to.equal(undefined);
    expect(pickText(null, 'en', 'ru')).to.equal(undefined);
    expect(pickText({}, 'en', 'ru')).to.equal(undefined);
    expect(pickText({ en: 5 } as unknown as Record<string, string>, 'en', 'ru')).to.equal(undefined);
    expect(pickText(text, '', 'not a tag!')).to.deep.equal({ text: 'Хабаровск', lang: 'ru' });
    expect(pickText({ 'x y': 'a', en: 'E' }, 'x y', '')).to.deep.equal({ text: 'a', lang: 'x y' });
  });
});

describe('differsFrom', () => {
  it('is false within one language and script, true across them', () => {
    for (const a of ZH) for (const b of ZH) expect(differsFrom(a, b), `${a} / ${b}`).to.equal(false);
    expect(differsFrom('en-GB', 'en')).to.equal(false);
    expect(differsFrom('zh-Hant', 'zh-Hans')).to.equal(true);
    expect(differsFrom('zh-TW', 'zh-CN')).to.equal(true);
    expect(differsFrom('ru', 'en')).to.equal(true);
  });
});
