// The hand-written DOM baseline: what a careful developer would write without a framework to put
// the same markup on the page as <forum-session-card> does (read src/session-card/session-card.ts):
// one host per session with an open shadow root, the same adopted styles, the same elements,
// parts, classes and texts (locale fallback, Intl dates and zones, status), built with
// createElement/textContent. Formatters are cached and people are looked up in a Map, as such
// code would do. It does not validate the feed (the widget does) and arms no status timers.
// Kept to the card's design (forum line with monogram, year when not this year, people as
// monogram + name + position rows with "and N more" past three, clamped summary, the next-step
// link and the add-to-calendar link, whose file both build only when the link is reached: here
// the listeners are attached, and the bench never fires them).
(() => {
  const MIN = 60_000;
  const HOUR = 60 * MIN;
  let sheets;
  const fmts = new Map();
  const fmt = (loc, tz, o, k) => {
    const key = `${loc}|${tz}|${k}`;
    let f = fmts.get(key);
    if (!f) fmts.set(key, (f = new Intl.DateTimeFormat(loc, { timeZone: tz, ...o })));
    return f;
  };
  const DAY = { day: 'numeric', month: 'long' };
  const HM = { hour: '2-digit', minute: '2-digit' };
  const utc = (tz, t) =>
    fmt('en', tz, { timeZoneName: 'shortOffset' }, 'z')
      .formatToParts(t)
      .find((p) => p.type === 'timeZoneName')
      .value.replace('GMT', 'UTC');
  const day = (tz, t) => fmt('en', tz, DAY, 'd').format(t);
  const DAY_Y = { ...DAY, year: 'numeric' };
  const when = (loc, tz, a, b, withDay = true, withYear = false) => {
    const time = fmt(loc, tz, HM, 'hm').formatRange(a, b);
    if (!withDay) return time;
    return day(tz, a) === day(tz, b)
      ? `${fmt(loc, tz, withYear ? DAY_Y : DAY, withYear ? 'DY' : 'D').format(a)}, ${time}`
      : fmt(loc, tz, { ...(withYear ? DAY_Y : DAY), ...HM }, withYear ? 'dyhm' : 'dhm').formatRange(a, b);
  };
  // Monograms, as src/i18n/typography.ts makes them.
  const initials = (name, max) => {
    const words = name.match(/[\p{L}\p{N}][\p{L}\p{N}'’.]*/gu) ?? [];
    const first = words[0] ?? '';
    if (words.length < 2 || /\p{Script=Han}/u.test(name)) return Array.from(first).slice(0, max === 2 ? 1 : 2).join('');
    const pick = max === 2 && words.length > 2 ? [first, words[words.length - 1]] : words.slice(0, max);
    return pick.map((w) => Array.from(w)[0]).join('').toUpperCase();
  };
  const SVG = 'http://www.w3.org/2000/svg';
  // The add-to-calendar file is built when the link is reached (as the widget does); a page that
  // wants the file sets window.baselineCalendarHref(sessionId) -> href.
  const calendarHref = (e) => {
    const a = e.currentTarget;
    if (window.baselineCalendarHref) a.href = window.baselineCalendarHref(a.dataset.session);
  };

  const el = (parent, tag, attrs, text) => {
    const e = document.createElement(tag);
    if (attrs) for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    parent.append(e);
    return e;
  };

  /** Builds one card per session id into `box`; returns the hosts. */
  window.baselineCards = (feed, ids, box) => {
    // The card's CSS text: from the defined element, or handed in by a page without the bundle.
    sheets ??= (window.__cardCss ?? customElements.get('forum-session-card').elementStyles.map((s) => s.cssText)).map((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      return sheet;
    });
    const loc = document.documentElement.lang || 'en';
    const def = feed.defaultLanguage;
    const pick = (t) => {
      if (t === undefined) return undefined;
      if (typeof t === 'string') return { text: t, lang: def === loc ? undefined : def };
      const lang = loc in t ? loc : def in t ? def : Object.keys(t)[0];
      return { text: t[lang], lang: lang === loc ? undefined : lang };
    };
    const span = (parent, t, cls) => {
      const s = el(parent, 'span', cls ? { class: cls } : undefined, t.text);
      if (t.lang) s.lang = t.lang;
      return s;
    };
    // A text in the UI language goes in as text; a fallen-back one in a <span lang> (as the widget does).
    const inline = (parent, t) => (t.lang ? span(parent, t) : parent.append(t.text));
    // An element whose whole text is one localized text carries its lang itself.
    const own = (e, t) => {
      e.textContent = t.text;
      if (t.lang) e.lang = t.lang;
      return e;
    };
    const people = new Map(feed.people.map((p) => [p.id, p]));
    const sessions = new Map(feed.sessions.map((s) => [s.id, s]));
    const tz = feed.forum.timeZone;
    const rz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const where = pick(feed.forum.location);
    const now = Date.now();
    const comma = loc === 'zh-Hans' ? '，' : ', ';
    const group = (root, key, ids, one, many) => {
      const list = (ids ?? []).map((id) => people.get(id)).filter(Boolean);
      if (!list.length) return;
      const d = el(root, 'div', { part: 'people', class: 'people' });
      el(d, 'p', { class: 'label', id: `${key}-l` }, list.length > 1 ? many : one);
      const ul = el(d, 'ul', { id: key, 'aria-labelledby': `${key}-l` });
      const shown = list.length <= 3 ? list : list.slice(0, 2);
      for (const p of shown) {
        const li = el(ul, 'li', { part: 'person' });
        const name = pick(p.name);
        el(li, 'span', { class: 'av', 'aria-hidden': 'true' }, initials(name.text, 2));
        const who = el(li, 'span', { class: 'who' });
        span(who, name, 'name');
        const pos = pick(p.position);
        const org = pick(p.organization);
        if (pos || org) {
          const m = el(who, 'span', { class: 'pos' });
          if (pos) inline(m, pos);
          if (pos && org) m.append(comma);
          if (org) inline(m, org);
        }
      }
      if (list.length > shown.length) {
        const more = el(d, 'button', { type: 'button', class: 'more', 'aria-expanded': 'false', 'aria-controls': key }, `and ${list.length - shown.length} more`);
        more.addEventListener('click', () => {});
      }
    };
    const forum = pick(feed.forum.name);
    const forumMark = initials(forum.text, 3);
    const year = fmt('en', tz, { year: 'numeric' }, 'y');
    const thisYear = year.format(now);
    const hosts = [];
    for (const id of ids) {
      const s = sessions.get(id);
      const a = Date.parse(s.start);
      const b = Date.parse(s.end);
      const status = s.status === 'cancelled' ? 'cancelled' : now >= b ? 'ended' : now >= a ? 'live' : a - now > HOUR ? 'upcoming' : 'soon';
      const label = {
        upcoming: 'Upcoming',
        soon: `Starts ${new Intl.RelativeTimeFormat(loc).format(Math.ceil((a - now) / MIN), 'minute')}`,
        live: 'Live now',
        ended: 'Ended',
        cancelled: 'Cancelled',
      }[status];
      const withYear = year.format(a) !== thisYear;
      const host = document.createElement('div');
      const root = host.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = sheets;
      const art = el(root, 'article', { part: 'base', class: 'card', lang: loc });
      const top = el(art, 'div', { class: 'top' });
      const f = el(top, 'p', { part: 'forum', class: 'forum' });
      el(f, 'span', { class: 'av mark', 'aria-hidden': 'true' }, forumMark);
      span(f, forum);
      const st = el(top, 'p', { part: 'status', class: `status ${status}` });
      el(st, 'span', { part: 'badge', class: 'badge' }, label);
      const title = pick(s.title);
      const h = el(art, 'h3', { part: 'heading', class: 'heading' }, title.text);
      if (title.lang) h.lang = title.lang;
      const time = el(art, 'p', { part: 'time', class: 'time' });
      el(time, 'time', { datetime: s.start }, when(loc, tz, a, b, true, withYear));
      time.append(' ');
      const zone = utc(tz, a);
      const z = el(time, 'span', { class: 'zone' }, '(');
      if (where) {
        inline(z, where);
        z.append(comma);
      }
      z.append(`${zone})`);
      if (utc(rz, a) !== zone) {
        time.append(' ');
        el(time, 'span', { part: 'local-time', class: 'local' }, `Your time: ${when(loc, rz, a, b, day(rz, a) !== day(tz, a), withYear)}`);
      }
      if (s.venue) own(el(art, 'p', { part: 'venue', class: 'venue' }), pick(s.venue));
      group(art, 'sp', s.speakers, 'Speaker', 'Speakers');
      group(art, 'mo', s.moderators, 'Moderator', 'Moderators');
      if (s.summary) own(el(el(art, 'div', { class: 'block' }), 'p', { part: 'summary', id: 'summary', class: 'clamp' }), pick(s.summary));
      const actions = el(art, 'p', { class: 'actions' });
      if (s.url) el(actions, 'a', { part: 'link', class: 'go', href: s.url }, 'Session page');
      if (status !== 'ended' && status !== 'cancelled') {
        const cal = el(actions, 'a', { part: 'calendar', class: 'cal', href: 'data:text/calendar;charset=utf-8,', download: `${s.id}.ics`, 'data-session': s.id });
        for (const t of ['pointerenter', 'focus', 'contextmenu', 'click']) cal.addEventListener(t, calendarHref);
        const svg = cal.appendChild(document.createElementNS(SVG, 'svg'));
        for (const [k, v] of [['aria-hidden', 'true'], ['viewBox', '0 0 16 16'], ['width', '16'], ['height', '16']]) svg.setAttribute(k, v);
        svg.appendChild(document.createElementNS(SVG, 'path')).setAttribute('d', 'M4 1v2H2v12h12V3h-2V1h-1.5v2h-5V1zM3.5 6.5h9v7h-9z');
        cal.append('Add to calendar');
      }
      el(art, 'span', { class: 'visually-hidden', 'aria-live': 'polite' });
      box.append(host);
      hosts.push(host);
    }
    return hosts;
  };
})();
