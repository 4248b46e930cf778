// A small valid feed for the validator tests, and random damage to it. Built here rather than
// read from feeds/rcf-2025.json so each rule's test changes exactly one thing of a known feed.
import fc from 'fast-check';

// Feeds under test are deliberately broken, so they are plain JSON values, not typed feeds.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Doc = Record<string, any>;

/** A fresh valid feed on every call, so a test may damage it freely. */
export function baseFeed(): Doc {
  return {
    version: 1,
    defaultLanguage: 'ru',
    updated: '2025-05-10T12:00:00+10:00',
    note: 'Session times are illustrative.',
    forum: {
      id: 'rcf-2025',
      name: { ru: 'Российско-Китайский форум', en: 'Russian-Chinese Forum', 'zh-Hans': '俄中论坛' },
      motto: 'Вместе',
      timeZone: 'Asia/Vladivostok',
      startDate: '2025-05-19',
      endDate: '2025-05-20',
      location: { ru: 'Хабаровск', en: 'Khabarovsk' },
      url: 'https://forum.example/',
    },
    sessions: [
      {
        id: 'parks',
        title: { ru: 'Индустриальные парки', en: 'Industrial parks' },
        summary: 'О парках',
        start: '2025-05-19T14:00:00+10:00',
        end: '2025-05-19T15:30:00+10:00',
        venue: 'Зал 2',
        speakers: ['ivanov', 'li-wei'],
        moderators: ['petrova'],
        status: 'scheduled',
        url: 'https://forum.example/parks',
        stream: 'http://stream.example/parks',
      },
    ],
    people: [
      { id: 'ivanov', name: 'Иван Иванов', position: 'директор', organization: 'Парк', photo: 'https://img.example/i.jpg' },
      { id: 'li-wei', name: { ru: 'Ли Вэй', 'zh-Hans': '李伟' } },
      { id: 'petrova', name: 'Анна Петрова' },
      { id: 'zhang', name: 'Чжан' },
    ],
    quotes: [
      { id: 'q1', person: 'ivanov', session: 'parks', text: 'Парки растут.', date: '2025-05-19' },
      { id: 'q2', person: 'li-wei', text: { 'zh-Hans': '合作很重要。' } },
      { id: 'q3', person: 'petrova', text: 'Спасибо.' },
    ],
    organizers: [
      { id: 'agency', name: 'Агентство', role: 'organizer', url: 'https://agency.example/', logo: 'data:image/png;base64,iVBORw0KGgo=' },
      { id: 'roscongress', name: 'Фонд', role: 'operator', roleLabel: { ru: 'Оператор форума' } },
    ],
    counters: [{ id: 'platforms', value: 30, qualifier: 'more-than', label: 'площадок', unit: { en: 'platforms' } }],
  };
}

/** Sets a field as JSON.parse would: an own property, even for `__proto__`. */
export function setOwn(o: Doc, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
}

// Every place in a document that holds a value: [container, key or index].
function places(doc: unknown): [Doc, string | number][] {
  const out: [Doc, string | number][] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach((x, i) => (out.push([v, i]), walk(x)));
    else if (v && typeof v === 'object') for (const k of Object.keys(v)) out.push([v as Doc, k]), walk((v as Doc)[k]);
  };
  walk(doc);
  return out;
}

/** Values that have broken validators: wrong types, huge numbers, hostile strings and keys. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom<unknown>(
    null,
    [],
    {},
    '',
    -1,
    0,
    1e308,
    Infinity, // what JSON.parse makes of 1e400
    -0,
    'javascript:alert(1)',
    'data:image/svg+xml,<svg onload=alert(1)>',
    '2025-02-30',
    '2025-05-19T25:00:00Z',
    'zh-TW',
    'Asia/Nowhere',
    '__proto__',
    'ivanov',
    'parks',
    { __proto__: null, ru: 'x' },
    [[[[[]]]]],
  ),
);

const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'id', 'name', 'version', 'en', 'zh-Hans'), fc.string());

export type Mutation = { at: number; op: 'set' | 'delete' | 'add'; key: string; value: unknown };
export const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('set', 'delete', 'add'),
  key,
  value: nastyValue,
});

/** The base feed with each mutation applied at a place chosen by `at`. */
export function mutatedFeed(mutations: Mutation[]): Doc {
  const doc = baseFeed();
  for (const m of mutations) {
    // A copy: the constant values are shared between runs and must never be grown into cycles.
    const value = structuredClone(m.value);
    const all = places(doc);
    const [parent, k] = all[m.at % all.length]!;
    if (Array.isArray(parent)) {
      const i = k as number;
      if (m.op === 'delete') parent.splice(i, 1);
      else if (m.op === 'add') parent.splice(i, 0, value);
      else parent[i] = value;
    } else if (m.op === 'delete') delete parent[k];
    else setOwn(parent, m.op === 'add' ? m.key : (k as string), value);
  }
  return doc;
}
