// Localized feed text (FEED-SPEC "Localized text"): picking the string to show for a locale.
import { memo } from './memo.js';
import type { Text } from './types.js';

export interface PickedText {
  text: string;
  /** The BCP 47 tag of the language actually shown. */
  lang: string;
}

// language + script, with the script filled in by likely-subtags: zh, zh-CN, zh-Hans and
// zh-Hans-CN all become "zh-Hans"; zh-TW becomes "zh-Hant" and so does not meet them.
const langScript = memo((tag) => {
  try {
    const l = new Intl.Locale(tag).maximize();
    return `${l.language}-${l.script ?? ''}`;
  } catch {
    return tag.toLowerCase();
  }
});

function find(entries: [string, string][], want: string): [string, string] | undefined {
  const lower = want.toLowerCase();
  const key = langScript(want);
  return entries.find(([t]) => t.toLowerCase() === lower) ?? entries.find(([t]) => langScript(t) === key);
}

/**
 * The text to show in `locale`: the exact tag, then the same language and script, then
 * `defaultLanguage`, then the first entry. Undefined when there is no text at all.
 */
export function pickText(text: Text | undefined | null, locale: string, defaultLanguage: string): PickedText | undefined {
  if (typeof text === 'string') return { text, lang: defaultLanguage };
  if (!text || typeof text !== 'object') return undefined;
  const entries = Object.entries(text).filter((e): e is [string, string] => typeof e[1] === 'string');
  const hit = find(entries, locale) ?? find(entries, defaultLanguage) ?? entries[0];
  return hit && { text: hit[1], lang: hit[0] };
}

/** True when `lang` is a different language/script from `locale`, i.e. the element needs `lang`. */
export function differsFrom(lang: string, locale: string): boolean {
  return langScript(lang) !== langScript(locale);
}
