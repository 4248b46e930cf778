// Feed ids from the source's own ids: partners' snippets name sessions and people by id, so an
// id must come out the same on every import of the same programme, whatever else changed.
import { createHash } from 'node:crypto';

const MAX = 64;
const hash = (s, n = 8) => createHash('sha256').update(s).digest('hex').slice(0, n);

// Russian letters spelled in Latin (a simplified ISO 9 / passport style), so a name-only
// person "Руслан Заливацкий" gets the readable id "ruslan-zalivatskiy".
const CYR = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g',
};

/** Lower-case letters, digits and hyphens; "" when nothing usable is left. */
export function slug(text) {
  return String(text)
    .toLowerCase()
    .replace(/[\u0400-\u04ff]/g, (c) => CYR[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A valid feed id for a source id (or a name). Too long: cut, with a hash of the whole so two
 * long ids that share a beginning stay apart. Nothing Latin left (a Chinese name): the prefix
 * and a hash. Always the same for the same input.
 */
export function feedId(raw, prefix = 'x') {
  const s = slug(raw);
  if (!s) return `${prefix}-${hash(String(raw))}`;
  if (s.length <= MAX) return s;
  return `${s.slice(0, MAX - 9).replace(/-+$/, '')}-${hash(String(raw))}`;
}

/**
 * Gives each key its feed id; ids that two different keys would share get a hash of their key,
 * for all holders alike, so the outcome does not depend on the order of the programme.
 * @param {Map<string, string>} wanted key -> id
 * @returns {Map<string, string>}
 */
export function uniqueIds(wanted) {
  const holders = new Map();
  for (const [key, id] of wanted) holders.set(id, (holders.get(id) ?? 0) + 1);
  const out = new Map();
  for (const [key, id] of wanted) {
    out.set(key, holders.get(id) > 1 ? `${id.slice(0, MAX - 7).replace(/-+$/, '')}-${hash(key, 6)}` : id);
  }
  return out;
}
