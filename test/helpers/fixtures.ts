// A small, complete, valid feed for element tests (independent of feeds/rcf-2025.json, which
// has its own test). Times are relative to a pinned instant so status tests need no waiting.
// Built with the shared builder (feed-builder.mjs), like every other test feed.
import type { FeedDocument } from '../../src/feed/types.js';
import { buildFeed, isoUtc as iso } from './feed-builder.mjs';

/** 2025-05-19T09:00:00+10:00, the morning of the forum's first day. */
export const T0 = Date.parse('2025-05-19T09:00:00+10:00');
export const MIN = 60_000;

export function testFeed(): FeedDocument {
  return buildFeed({
    sessions: [
      {
        id: 'opening',
        title: { ru: 'Открытие', en: 'Opening', 'zh-Hans': '开幕式' },
        start: iso(T0 + 60 * MIN),
        end: iso(T0 + 120 * MIN),
        venue: { ru: 'Зал 1', en: 'Hall 1', 'zh-Hans': '1号厅' },
        speakers: ['zalivatsky'],
        stream: 'https://stream.example.org/opening',
        url: 'https://forum.example.org/opening',
      },
      {
        id: 'industrial-parks',
        title: {
          ru: 'Индустриальные парки: площадка сотрудничества России и Китая',
          en: 'Industrial parks: a platform for Russian-Chinese cooperation',
          'zh-Hans': '工业园区：俄中合作平台',
        },
        summary: { ru: 'Обсуждение совместных парков.', en: 'Joint industrial parks.', 'zh-Hans': '讨论合作园区。' },
        start: iso(T0 + 180 * MIN),
        end: iso(T0 + 270 * MIN),
        speakers: ['zalivatsky', 'shan'],
        moderators: ['cherkashin'],
        url: 'https://forum.example.org/industrial-parks',
      },
      {
        id: 'cancelled-one',
        title: 'Отменённая сессия',
        start: iso(T0 + 300 * MIN),
        end: iso(T0 + 360 * MIN),
        status: 'cancelled',
      },
    ],
    people: [
      {
        id: 'zalivatsky',
        name: { ru: 'Руслан Заливацкий', en: 'Ruslan Zalivatsky', 'zh-Hans': '鲁斯兰·扎利瓦茨基' },
        position: { ru: 'Советник губернатора', en: "Governor's adviser", 'zh-Hans': '州长顾问' },
        organization: { ru: 'Правительство Хабаровского края', en: 'Government of Khabarovsk Krai' },
      },
      { id: 'shan', name: { ru: 'Шан Шивэй', en: 'Shang Shiwei', 'zh-Hans': '尚世伟' } },
      { id: 'cherkashin', name: { ru: 'Дмитрий Черкашин', en: 'Dmitry Cherkashin' }, photo: 'data:image/png;base64,iVBORw0KGgo=' },
    ],
    quotes: [
      { id: 'q-zalivatsky', person: 'zalivatsky', session: 'industrial-parks', text: { ru: 'Это новая модель.', en: 'This is a new model.' }, date: '2025-05-19' },
      { id: 'q-shan', person: 'shan', text: { 'zh-Hans': '我们愿意参与。', ru: 'Мы хотели бы принять участие.' }, date: '2025-05-19' },
      { id: 'q-shan-old', person: 'shan', text: 'Старая цитата.', date: '2024-05-01' },
    ],
    organizers: [
      { id: 'khabkrai', role: 'organizer', name: { ru: 'Правительство Хабаровского края', en: 'Government of Khabarovsk Krai' }, url: 'https://www.khabkrai.ru/' },
      { id: 'mid', role: 'support', name: { ru: 'МИД России', en: 'Russian Foreign Ministry' }, url: 'https://www.mid.ru/', logo: 'data:image/png;base64,iVBORw0KGgo=' },
      { id: 'roscongress', role: 'operator', name: { ru: 'Фонд Росконгресс', en: 'Roscongress Foundation' }, url: 'https://roscongress.org/' },
    ],
    counters: [
      { id: 'platforms', value: 30, qualifier: 'more-than', label: { ru: 'тематических площадок', en: 'thematic platforms', 'zh-Hans': '个主题平台' } },
      { id: 'applications', value: 3000, qualifier: 'more-than', label: { ru: 'заявок на участие', en: 'applications to take part', 'zh-Hans': '份参会申请' } },
      { id: 'countries', value: 209, label: { ru: 'стран и территорий', en: 'countries and territories' } },
    ],
  });
}
