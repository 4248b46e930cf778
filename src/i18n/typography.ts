// Punctuation that joins feed texts in the UI's script: Chinese joins with full-width marks
// (position，organisation; names、names; label：value), the others with ASCII ones.
const zh = (locale: string) => /^zh\b/i.test(locale);

/** Between two phrases: "Director, Agency" / "主任，投资署". */
export const comma = (locale: string) => (zh(locale) ? '，' : ', ');
/** Between items of a list of names: "A, B" / "A、B". */
export const enumComma = (locale: string) => (zh(locale) ? '、' : ', ');
/** After a label: "Speakers: " / "发言人：". */
export const colon = (locale: string) => (zh(locale) ? '：' : ': ');

/**
 * Initials for a monogram: two for a person ("Руслан Заливацкий" → "РЗ"), up to three for an
 * organisation or forum ("Российско-Китайский форум" → "РКФ"); text without spaces (Chinese,
 * 俄中论坛) gives its first characters. Letters only, so "АНО «Агентство…»" starts with А.
 */
export function initials(name: string, max: number): string {
  const words: string[] = name.match(/[\p{L}\p{N}][\p{L}\p{N}'’.]*/gu) ?? [];
  const first = words[0] ?? '';
  if (words.length < 2 || /\p{Script=Han}/u.test(name)) return Array.from(first).slice(0, max === 2 ? 1 : 2).join('');
  const pick = max === 2 && words.length > 2 ? [first, words[words.length - 1]] : words.slice(0, max);
  return pick.map((w) => Array.from(w)[0]).join('').toUpperCase();
}
