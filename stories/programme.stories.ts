// <forum-programme>: now and next across the venues (before, during, between and after the
// forum), a day by time slot, every day as tabs, attribute filters, the hall-screen kiosk, and
// the loading / fallback / error / no-match states. The programme is the sample feed's session
// plus an illustrative two-day programme in four halls (times in Khabarovsk, UTC+10).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { PENDING_FEED_URL, READER_ZONE, invalidFeed, sampleFeed } from './support/story-kit.js';
import type { Feed } from '../src/feed/types.js';
import { syntheticProgramme } from '../test/helpers/feed-builder.mjs';

interface Args {
  feed?: unknown;
  src?: string;
  mode?: 'now' | 'day' | 'all';
  day?: string;
  venue?: string;
  track?: string;
  limit?: number;
  kiosk?: boolean;
  headingLevel?: number;
  readerTimeZone?: string;
  fallback?: string;
}

const HALLS = {
  main: { ru: 'Большой зал', en: 'Main Hall', 'zh-Hans': '大厅' },
  two: { ru: 'Конференц-зал 2', en: 'Conference Hall 2', 'zh-Hans': '第二会议厅' },
  three: { ru: 'Зал 3', en: 'Hall 3', 'zh-Hans': '3号厅' },
  press: { ru: 'Пресс-центр', en: 'Press Centre', 'zh-Hans': '新闻中心' },
};
const TRACKS = {
  industry: { ru: 'Промышленность', en: 'Industry', 'zh-Hans': '工业' },
  logistics: { ru: 'Логистика', en: 'Logistics', 'zh-Hans': '物流' },
  culture: { ru: 'Культура', en: 'Culture', 'zh-Hans': '文化' },
};

/** The sample feed with a two-day programme around its session (illustrative titles and times). */
function forumProgramme(): Feed {
  const f = sampleFeed();
  const at = (day: number, hm: string) => `2025-05-${day}T${hm}:00+10:00`;
  const add = (id: string, day: number, from: string, to: string, venue: keyof typeof HALLS, track: keyof typeof TRACKS | undefined, ru: string, en: string, zh: string, extra: object = {}) =>
    f.sessions.push({ id, title: { ru, en, 'zh-Hans': zh }, start: at(day, from), end: at(day, to), venue: HALLS[venue], ...(track ? { track: TRACKS[track] } : {}), ...extra });
  const parks = f.sessions[0]!;
  parks.track = TRACKS.industry;
  add('opening', 19, '10:00', '11:30', 'main', undefined, 'Открытие форума', 'Opening of the forum', '论坛开幕式', {
    speakers: ['ruslan-zalivatsky'],
    url: 'https://forum.example.org/rcf-2025/opening',
    stream: 'https://stream.example.org/rcf-2025/opening',
  });
  add('press-opening', 19, '10:00', '10:45', 'press', undefined, 'Брифинг для прессы', 'Press briefing', '新闻发布会');
  add('border-logistics', 19, '12:00', '13:30', 'two', 'logistics', 'Пограничная логистика: новые переходы', 'Border logistics: new crossings', '边境物流：新口岸', {
    speakers: ['shang-shiwei'],
    moderators: ['dmitry-cherkashin'],
    url: 'https://forum.example.org/rcf-2025/border-logistics',
  });
  add('youth', 19, '12:00', '13:00', 'three', 'culture', 'Молодёжный диалог', 'Youth dialogue', '青年对话');
  add('river-ports', 19, '14:00', '15:30', 'three', 'logistics', 'Речные порты Амура', 'River ports of the Amur', '阿穆尔河港口');
  add('evening-cancelled', 19, '18:00', '19:00', 'main', 'culture', 'Вечерняя дискуссия', 'Evening discussion', '晚间讨论', { status: 'cancelled' });
  add('island', 20, '10:00', '12:00', 'main', 'industry', 'Большой Уссурийский: совместное освоение острова', 'Bolshoi Ussuriysky: developing the island together', '大乌苏里岛：共同开发', {
    speakers: ['ruslan-zalivatsky', 'shang-shiwei'],
    url: 'https://forum.example.org/rcf-2025/island',
  });
  add('trade', 20, '10:00', '11:00', 'two', 'logistics', 'Торговля через Хабаровск', 'Trade through Khabarovsk', '经哈巴罗夫斯克的贸易');
  add('closing', 20, '15:00', '16:00', 'main', undefined, 'Закрытие форума', 'Closing of the forum', '论坛闭幕式', { speakers: ['dmitry-cherkashin'] });
  return f;
}

/** `n` sessions over the forum's two days in 12 halls, for the big-programme story. */
function bigProgramme(n: number): Feed {
  const f = sampleFeed();
  f.quotes = []; // the sample's quotes point at its session, which this programme replaces
  // The shared synthetic programme (test/helpers/feed-builder.mjs, also the bench's), in 2025.
  Object.assign(f, syntheticProgramme({ sessions: n, people: 60, year: 2025 }));
  return f;
}

const FALLBACK = 'Programme of the Russian-Chinese Forum, 19–20 May 2025, Khabarovsk.';

const programme = ({ feed, src, mode, day, venue, track, limit, kiosk, headingLevel, readerTimeZone, fallback }: Args) =>
  html`<forum-programme
    .feed=${feed}
    src=${src ?? nothing}
    mode=${mode ?? nothing}
    day=${day || nothing}
    venue=${venue || nothing}
    track=${track || nothing}
    limit=${limit || nothing}
    ?kiosk=${kiosk}
    heading-level=${headingLevel ?? nothing}
    reader-time-zone=${readerTimeZone ?? nothing}
    >${fallback ? html`<p>${fallback}</p>` : nothing}</forum-programme
  >`;

const meta: Meta<Args> = {
  title: 'Widgets/Programme',
  component: 'forum-programme',
  args: { feed: forumProgramme(), mode: 'now', kiosk: false, headingLevel: 3, readerTimeZone: READER_ZONE },
  argTypes: {
    mode: { control: 'inline-radio', options: ['now', 'day', 'all'] },
    headingLevel: { control: { type: 'number', min: 2, max: 6 } },
    fallback: { control: 'text', description: 'Fallback children (shown until the feed can be used)' },
  },
  parameters: { now: '2025-05-19T12:15:00+10:00' },
  render: programme,
};
export default meta;
type Story = StoryObj<Args>;

/** `mode="now"` at 12:15 on the first day: what is live in each hall and what comes next there. */
export const NowDuringTheForum: Story = {};

/** At 10:15: the opening is live with its stream; the press briefing runs beside it. */
export const NowOpening: Story = { parameters: { now: '2025-05-19T10:15:00+10:00' } };

/** Between the days (the evening of the first): each hall's next session, with its date. */
export const NowBetweenDays: Story = { parameters: { now: '2025-05-19T21:00:00+10:00' } };

/** A week before: the first day's opening session in every hall. */
export const NowBeforeTheForum: Story = { parameters: { now: '2025-05-12T09:00:00+10:00' } };

/** After the last session: a line that the forum has ended, and a link to it. */
export const NowAfterTheForum: Story = { parameters: { now: '2025-05-21T09:00:00+10:00' } };

/** `mode="day"`: the first day by time slot, with live, ended and cancelled sessions; venue filter and search. */
export const Day: Story = { args: { mode: 'day', day: '2025-05-19' } };

/** `mode="all"`: both days as tabs (arrow keys, Home and End move between them). */
export const AllDays: Story = { args: { mode: 'all' } };

/** `track="Logistics"` (matched in any language of the feed) on the whole programme. */
export const FilteredByTrack: Story = { args: { mode: 'all', track: 'Logistics' } };

/** `venue="Большой зал|Hall 3"`: two halls, named in different languages. */
export const FilteredByVenue: Story = { args: { venue: 'Большой зал|Hall 3' } };

/** `kiosk` on a hall screen: large type, no links or controls, refreshing by itself. */
export const Kiosk: Story = { args: { kiosk: true }, parameters: { now: '2025-05-19T10:15:00+10:00' } };

/** `kiosk` with `mode="day"`: the day's timetable for a lobby screen. */
export const KioskDay: Story = { args: { kiosk: true, mode: 'day', day: '2025-05-19' } };

/** In a narrow column (a portal's sidebar). */
export const Narrow: Story = {
  args: { mode: 'day', day: '2025-05-19' },
  render: (args) => html`<div class="story-narrow">${programme(args)}</div>`,
};

/** 200 sessions in 12 halls, `mode="all"`: only the open day is rendered, off-screen slots are not laid out. */
export const BigProgramme: Story = { args: { mode: 'all', feed: bigProgramme(200) } };

/** The feed request has not answered yet: a skeleton that reserves the programme's space. */
export const Loading: Story = {
  tags: ['expect-loading'],
  args: { feed: undefined, src: PENDING_FEED_URL },
};

/** The page's own fallback link stays visible while the feed loads. */
export const FallbackWhileLoading: Story = {
  tags: ['expect-loading'],
  args: { feed: undefined, src: PENDING_FEED_URL, fallback: FALLBACK },
};

/** The feed is unusable (another version): the fallback link stays. */
export const FallbackOnError: Story = { tags: ['expect-error'], args: { feed: invalidFeed(), fallback: FALLBACK } };

/** The feed is unusable and there is no fallback: a short localized notice. */
export const FeedError: Story = { tags: ['expect-error'], args: { feed: invalidFeed() } };

/** `venue` names a hall the programme does not have: the element says so. */
export const NoMatchingVenue: Story = { tags: ['expect-missing'], args: { venue: 'Hall 99' } };
