// A synthetic programme for the render and memory figures: N sessions over two days in 12 halls,
// 3 speakers and 1 moderator each from a pool of people, every text in ru/en/zh-Hans like the
// sample feed (test/helpers/feed-builder.mjs, shared with the tests and stories). Dates are fixed
// (May 2030) so every card is "upcoming" (and arms its one timer) and runs compare like with
// like. No photos: images would be network, not rendering.
import { buildFeed, syntheticProgramme } from '../../test/helpers/feed-builder.mjs';

export function bigFeed(sessions = 500, people = 300) {
  return buildFeed({
    note: 'Synthetic programme for bench/run.mjs',
    forum: {
      id: 'bench-forum',
      name: { ru: 'Форум', en: 'Forum', 'zh-Hans': '论坛' },
      startDate: '2030-05-19',
      endDate: '2030-05-20',
    },
    ...syntheticProgramme({ sessions, people, year: 2030 }),
  });
}
