// A synthetic programme for the render and memory figures: N sessions over two days in 12 halls,
// 3 speakers and 1 moderator each from a pool of people, every text in ru/en/zh-Hans like the
// sample feed. Dates are fixed (May 2030) so every card is "upcoming" (and arms its one timer)
// and runs compare like with like. No photos: images would be network, not rendering.
const pad = (n, w = 3) => String(n).padStart(w, '0');

export function bigFeed(sessions = 500, people = 300) {
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
    const at = (hh, mm) => `2030-05-${day}T${String(hh).padStart(2, '0')}:${mm}:00+10:00`;
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
  return {
    version: 1,
    defaultLanguage: 'ru',
    note: 'Synthetic programme for bench/run.mjs',
    forum: {
      id: 'bench-forum',
      name: { ru: 'Форум', en: 'Forum', 'zh-Hans': '论坛' },
      timeZone: 'Asia/Vladivostok',
      startDate: '2030-05-19',
      endDate: '2030-05-20',
      location: { ru: 'Хабаровск', en: 'Khabarovsk', 'zh-Hans': '哈巴罗夫斯克' },
    },
    sessions: list,
    people: persons,
  };
}
