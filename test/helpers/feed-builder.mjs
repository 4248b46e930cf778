// The one place test feeds are built: unit tests (test/helpers/fixtures.ts, the validator's
// base feed), stories (stories/support/story-kit.ts), e2e fixtures (test/e2e/fixtures.mjs) and the
// bench's synthetic programme all start here, so a contract change (a new required field) is
// made once. Plain JavaScript with a .d.mts beside it: Node's e2e tests, the browser tests and
// Storybook all import it as is. Every call returns fresh objects a test may change freely.

/** The forum of the sample feed (Khabarovsk, 19–20 May 2025), the default of buildFeed(). */
export const FORUM = Object.freeze({
  id: 'rcf-2025',
  name: { ru: 'Российско-Китайский форум', en: 'Russian-Chinese Forum', 'zh-Hans': '俄中论坛' },
  timeZone: 'Asia/Vladivostok',
  startDate: '2025-05-19',
  endDate: '2025-05-20',
  location: { ru: 'Хабаровск', en: 'Khabarovsk', 'zh-Hans': '哈巴罗夫斯克' },
});

/**
 * A feed document: version 1, Russian default language, FORUM (fields in `forum` replace its
 * fields), empty lists unless given; any other top-level field (updated, note…) is passed through.
 */
export function buildFeed({ forum, sessions = [], people = [], quotes = [], organizers = [], counters = [], ...rest } = {}) {
  return structuredClone({
    version: 1,
    defaultLanguage: 'ru',
    ...rest,
    forum: { ...FORUM, ...forum },
    sessions,
    people,
    quotes,
    organizers,
    counters,
  });
}

/** An instant as the feed writes it, in UTC without milliseconds: 2025-05-18T23:00:00Z. */
export const isoUtc = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');

const pad = (n, w = 3) => String(n).padStart(w, '0');

/**
 * A synthetic programme: `sessions` sessions over two days (19 and 20 May of `year`) in 12
 * halls, ten hourly slots a day from 9:00 (+10:00), each with 3 speakers and 1 moderator from
 * `people` generated people and every text in ru/en/zh-Hans like the sample feed. No photos.
 * Returns the feed's `sessions` and `people`.
 */
export function syntheticProgramme({ sessions = 500, people = 300, year = 2030 } = {}) {
  const persons = Array.from({ length: people }, (_, i) => ({
    id: `p-${pad(i)}`,
    name: { ru: `Участник Номер ${i}`, en: `Participant Number ${i}`, 'zh-Hans': `参会者${i}号` },
    position: { ru: `Директор департамента ${i % 40}`, en: `Director of Department ${i % 40}`, 'zh-Hans': `第${i % 40}司司长` },
    organization: {
      ru: `Организация развития региона № ${i % 60}`,
      en: `Regional Development Organisation No. ${i % 60}`,
      'zh-Hans': `地区发展组织第${i % 60}号`,
    },
  }));
  const list = Array.from({ length: sessions }, (_, i) => {
    const day = 19 + (i % 2);
    const slot = Math.floor(i / 24) % 10; // 10 slots a day, 12 halls
    const hall = i % 12;
    const h = 9 + slot;
    const at = (hh, mm) => `${year}-05-${day}T${String(hh).padStart(2, '0')}:${mm}:00+10:00`;
    const sp = [0, 1, 2].map((k) => persons[(i * 3 + k) % people].id);
    return {
      id: `s-${pad(i)}`,
      title: {
        ru: `Сессия ${i}: сотрудничество регионов в промышленности и логистике`,
        en: `Session ${i}: regional cooperation in industry and logistics`,
        'zh-Hans': `第${i}场：地区工业与物流合作`,
      },
      summary: {
        ru: `Участники сессии ${i} обсудят совместные проекты, инфраструктуру и меры поддержки инвесторов на федеральном и региональном уровнях, а также опыт уже работающих площадок.`,
        en: `Participants of session ${i} will discuss joint projects, infrastructure and support for investors at the federal and regional levels, and the experience of sites already working.`,
        'zh-Hans': `第${i}场会议的与会者将讨论联合项目、基础设施以及联邦和地区两级的投资者支持措施，并交流已运营园区的经验。`,
      },
      start: at(h, '00'),
      end: at(h, '50'),
      venue: { ru: `Зал ${hall + 1}`, en: `Hall ${hall + 1}`, 'zh-Hans': `${hall + 1}号厅` },
      speakers: sp,
      moderators: [persons[(i * 7 + 5) % people].id],
      url: `https://forum.example.org/programme/s-${pad(i)}`,
    };
  });
  return { sessions: list, people: persons };
}
