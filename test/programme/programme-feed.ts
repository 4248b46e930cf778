// A two-day programme in three halls for <forum-programme>'s tests, at fixed Khabarovsk times
// (UTC+10). Day 1, 19 May: halls A and B both start at 10:00 and change over together at 11:00,
// where hall C's first session also starts (its 10:00 one is cancelled); hall A then has a gap
// from 12:00 to 14:00. Day 2, 20 May: halls A and B only; hall B's 10:00-12:00 is the last.
import type { FeedDocument } from '../../src/feed/types.js';
import { testFeed } from '../helpers/fixtures.js';

export const at = (day: 19 | 20, hhmm: string) => Date.parse(`2025-05-${day}T${hhmm}:00+10:00`);
const iso = (day: 19 | 20, hhmm: string) => `2025-05-${day}T${hhmm}:00+10:00`;

const hall = (x: string) => ({ ru: `Зал ${x}`, en: `Hall ${x}`, 'zh-Hans': `${x}厅` });
const INDUSTRY = { ru: 'Промышленность', en: 'Industry' };
const ENERGY = { ru: 'Энергетика', en: 'Energy' };

export function programmeFeed(): FeedDocument {
  const f = testFeed();
  f.forum.url = 'https://forum.example.org/';
  const s = (id: string, day: 19 | 20, from: string, to: string, venue: string, extra: object = {}) => ({
    id,
    title: { ru: `Сессия ${id}`, en: `Session ${id}` },
    start: iso(day, from),
    end: iso(day, to),
    venue: hall(venue),
    ...extra,
  });
  f.sessions = [
    s('a1', 19, '10:00', '11:00', 'A', { track: INDUSTRY, speakers: ['zalivatsky'], url: 'https://forum.example.org/a1' }),
    s('b1', 19, '10:00', '11:00', 'B', { track: ENERGY, speakers: ['shan'], moderators: ['cherkashin'] }),
    s('c1', 19, '10:00', '10:30', 'C', { status: 'cancelled' }),
    s('a2', 19, '11:00', '12:00', 'A', { track: ENERGY, stream: 'https://stream.example.org/a2' }),
    s('b2', 19, '11:00', '12:30', 'B', { track: INDUSTRY }),
    s('c2', 19, '11:00', '12:00', 'C', { title: { ru: 'Логистика Дальнего Востока', en: 'Far East logistics' } }),
    s('a3', 19, '14:00', '15:00', 'A'),
    s('d1', 20, '10:00', '11:00', 'A'),
    s('d2', 20, '10:00', '12:00', 'B'),
  ];
  f.quotes = [];
  return f;
}
