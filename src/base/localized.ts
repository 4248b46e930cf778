// Feed text resolved for the UI locale, and the one way widgets put it in a span: with `lang`
// only when the text fell back to another language than the UI's (screen readers and fonts
// then switch; Chinese gets Chinese glyphs on a Russian page).
import { html, nothing } from 'lit';
import { pickText, differsFrom } from '../feed/text.js';
import type { Text } from '../feed/types.js';

/** A feed text resolved for the UI locale; `lang` is set only when it differs from the UI's. */
export interface LocalText {
  text: string;
  lang: string | undefined;
}

/** Resolves `text` for `locale`, following the spec's fallback chain (see feed/text.ts). */
export function localText(text: Text | undefined, locale: string, defaultLanguage: string): LocalText | undefined {
  const p = pickText(text, locale, defaultLanguage);
  return p && { text: p.text, lang: differsFrom(p.lang, locale) ? p.lang : undefined };
}

/** `<span lang>` around a localized text (with a part and/or class), or nothing when absent. */
export const span = (t: LocalText | undefined, part?: string, cls?: string) =>
  t ? html`<span part=${part ?? nothing} class=${cls ?? nothing} lang=${t.lang ?? nothing}>${t.text}</span>` : nothing;

/**
 * A localized text inline: the bare text when it is in the UI language, a `<span lang>` only
 * when it fell back to another (no element, no nested template in the common case).
 */
export const inline = (t: LocalText | undefined) => (t?.lang ? html`<span lang=${t.lang}>${t.text}</span>` : (t?.text ?? nothing));
