// Shared by the stories: the sample feed and variants of it for every state a reader can meet,
// the pinned instants, and a feed request that never answers (the loading state).
import sample from '../../feeds/rcf-2025.json';
import type { Feed } from '../../src/feed/types.js';

/** The five elements; the toolbar's theme is applied to each of them in a story. */
export const FORUM_TAGS = ['forum-session-card', 'speaker-quote', 'organizer-strip', 'partner-counter', 'forum-programme'];

/** Default "now" of every story: the morning of the forum's first day, Khabarovsk time. */
export const STORY_NOW = '2025-05-19T09:00:00+10:00';

/** Reader's zone pinned in stories (the card also shows the reader's own time). */
export const READER_ZONE = 'Europe/Moscow';

/** A fresh copy of feeds/rcf-2025.json (stories may change their copy). */
export const sampleFeed = (): Feed => structuredClone(sample) as unknown as Feed;

/** The sample feed as a file on the Storybook server (staticDirs), for stories that load through `src`. */
export const SAMPLE_FEED_URL = 'sample-feeds/rcf-2025.json';

// Small real images as data: URLs, so no story fetches anything from outside the machine.
export const PHOTO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAIAAADYYG7QAAAAa0lEQVR42u3WsQ2AQAwDwMxPS89MNFQswwSAlCciiJM8wFW2Y932VgkgICAgoAdB07yc5QXQhWbEFEWatCnqNDlTlGoSJiAgIKDPgdo1dcct67j2Hf+QCwt0D0p04Hg/AQEBAQEBAQH9HXQAuiIsBXZZmKQAAAAASUVORK5CYII=';
export const LOGO_A = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAGAAAAAgCAIAAABiouoDAAAAVUlEQVR42u3XwQkAIAwEwfQh6EfsHyxQqxASmWMrmN/FXv1pp/gCECBAgAABAgQIECBAGYHamKUDBAgQIECAAAECBAhQSiBfDBAgQIAAAQIECNCXQBc9A4/ticDlCgAAAABJRU5ErkJggg==';
export const LOGO_B = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAGAAAAAgCAIAAABiouoDAAAAg0lEQVR42u3ZsQ2AQAzFUE/CSgzLaCBqNnCK6w5LqV28Lvoc5zXe/bzj7dohHe+QjndIxzuk4x3S8Q7peId0vEM63iEd75COF0hnAEpnFejn3yzpeId0vEM63iEd75COd0jHO6TjHdLxDukMq0Y6q7NPu1g67WLtYu1i7WLtYu1ie3Y+OXPvWqAsdLEAAAAASUVORK5CYII=';
/** A PNG signature and nothing else: a data: URL the validator accepts and the browser cannot decode. */
export const BROKEN_IMAGE = 'data:image/png;base64,iVBORw0KGgo=';

/** A feed the validator rejects as a whole: another contract version. */
export const invalidFeed = (): unknown => ({ ...sampleFeed(), version: 2 });

/**
 * The sample feed with more sessions on the same day, for `current` mode and the status stories:
 * the sample's 14:00-15:30 session, an opening at 10:00-11:30 with a live stream, and a cancelled
 * evening session.
 */
export function programmeFeed(): Feed {
  const f = sampleFeed();
  const parks = f.sessions[0]!;
  parks.stream = 'https://stream.example.org/rcf-2025/industrial-parks';
  f.sessions.unshift({
    id: 'opening',
    title: { ru: 'Открытие форума', en: 'Opening of the forum', 'zh-Hans': '论坛开幕式' },
    start: '2025-05-19T10:00:00+10:00',
    end: '2025-05-19T11:30:00+10:00',
    venue: { ru: 'Большой зал', en: 'Main Hall', 'zh-Hans': '大厅' },
    speakers: ['ruslan-zalivatsky'],
    url: 'https://forum.example.org/rcf-2025/opening',
    stream: 'https://stream.example.org/rcf-2025/opening',
  });
  f.sessions.push({
    id: 'evening-cancelled',
    title: { ru: 'Вечерняя дискуссия', en: 'Evening discussion', 'zh-Hans': '晚间讨论' },
    start: '2025-05-19T18:00:00+10:00',
    end: '2025-05-19T19:00:00+10:00',
    status: 'cancelled',
  });
  return f;
}

/** Photos for the sample's three speakers (the sample has none: the release had none). */
export function withPhotos(f: Feed): Feed {
  for (const p of f.people ?? []) p.photo = PHOTO;
  return f;
}

/** A session with a very long title in every language and many speakers and moderators. */
export function crowdedFeed(): Feed {
  const f = withPhotos(sampleFeed());
  const extra = [
    ['anna-petrova', 'Анна Петрова', 'Anna Petrova', '安娜·彼得罗娃'],
    ['wang-lei', 'Ван Лэй', 'Wang Lei', '王磊'],
    ['ivan-sokolov', 'Иван Соколов', 'Ivan Sokolov', '伊万·索科洛夫'],
    ['liu-yang', 'Лю Ян', 'Liu Yang', '刘洋'],
    ['maria-kuznetsova', 'Мария Кузнецова-Старобельская', 'Maria Kuznetsova-Starobelskaya', '玛丽亚·库兹涅佐娃-斯塔罗别利斯卡娅'],
    ['zhang-wei', 'Чжан Вэй', 'Zhang Wei', '张伟'],
  ] as const;
  for (const [id, ru, en, zh] of extra) {
    f.people.push({
      id,
      name: { ru, en, 'zh-Hans': zh },
      position: { ru: 'Руководитель направления промышленной кооперации', en: 'Head of industrial cooperation', 'zh-Hans': '工业合作部门负责人' },
      organization: { ru: 'Иллюстративная организация', en: 'Illustrative organisation', 'zh-Hans': '示例机构' },
    });
  }
  const s = f.sessions[0]!;
  s.title = {
    ru: 'Индустриальные парки как площадка долгосрочного сотрудничества России и Китая: совместное освоение острова Большой Уссурийский, преференциальные режимы федерального и регионального уровней, экологические требования и механизмы управления',
    en: 'Industrial parks as a platform for long-term cooperation between Russia and China: the joint development of Bolshoi Ussuriysky Island, federal and regional preferential regimes, environmental requirements and management mechanisms',
    'zh-Hans': '工业园区作为俄中长期合作平台：共同开发大乌苏里岛、联邦和地区两级优惠制度、环境要求与管理机制',
  };
  s.speakers = [...(s.speakers ?? []), ...extra.slice(0, 5).map((e) => e[0])];
  s.moderators = [extra[5][0]];
  return f;
}

export { PENDING_FEED_URL } from './pending-feed.js';

/**
 * The page's low-vision switch for contrast stories: `<html data-forum-theme>` wins over every
 * widget's own theme (so the toolbar's theme stays on the elements, and the story check agrees).
 */
export const pageTheme = (theme: string) => () => {
  document.documentElement.setAttribute('data-forum-theme', theme);
  return () => document.documentElement.removeAttribute('data-forum-theme');
};
