// The hand-written DOM baseline: what a careful developer would write without a framework to put
// the same markup on the page as <forum-session-card> does (read src/session-card/session-card.ts):
// one host per session with an open shadow root, the same adopted styles, the same elements,
// parts, classes and texts (locale fallback, Intl dates and zones, status), built with
// createElement/textContent. Formatters are cached and people are looked up in a Map, as such
// code would do. It does not validate the feed (the widget does) and arms no status timers.
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
  const when = (loc, tz, a, b, withDay = true) => {
    const time = fmt(loc, tz, HM, 'hm').formatRange(a, b);
    if (!withDay) return time;
    return day(tz, a) === day(tz, b) ? `${fmt(loc, tz, DAY, 'D').format(a)}, ${time}` : fmt(loc, tz, { ...DAY, ...HM }, 'dhm').formatRange(a, b);
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
    const group = (root, ids, one, many) => {
      const list = (ids ?? []).map((id) => people.get(id)).filter(Boolean);
      if (!list.length) return;
      const d = el(root, 'div', { part: 'people' });
      el(d, 'p', { class: 'label' }, list.length > 1 ? many : one);
      const ul = el(d, 'ul');
      for (const p of list) {
        const li = el(ul, 'li', { part: 'person' });
        const s = el(li, 'span');
        span(s, pick(p.name), 'name');
        if (pick(p.position) || pick(p.organization)) s.append(' ');
        const pos = pick(p.position);
        const org = pick(p.organization);
        if (pos || org) {
          const m = el(s, 'span', { class: 'muted' });
          if (pos) inline(m, pos);
          if (pos && org) m.append(', ');
          if (org) inline(m, org);
        }
      }
    };
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
      const host = document.createElement('div');
      const root = host.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = sheets;
      const art = el(root, 'article', { part: 'base', class: 'card' });
      const title = pick(s.title);
      const h = el(art, 'h3', { part: 'heading', class: 'heading' }, title.text);
      if (title.lang) h.lang = title.lang;
      const time = el(art, 'p', { part: 'time', class: 'time' });
      el(time, 'time', { datetime: s.start }, when(loc, tz, a, b));
      const zone = utc(tz, a);
      const z = el(time, 'span', { class: 'zone' }, '(');
      if (where) {
        inline(z, where);
        z.append(', ');
      }
      z.append(`${zone})`);
      if (utc(rz, a) !== zone) {
        time.append(' ');
        el(time, 'span', { part: 'local-time', class: 'local' }, `Your time: ${when(loc, rz, a, b, day(rz, a) !== day(tz, a))}`);
      }
      const st = el(art, 'p', { part: 'status', class: `status ${status}` });
      el(st, 'span', { part: 'badge', class: 'badge' }, label);
      if (s.venue) own(el(art, 'p', { part: 'venue', class: 'muted' }), pick(s.venue));
      group(art, s.speakers, 'Speaker', 'Speakers');
      group(art, s.moderators, 'Moderator', 'Moderators');
      if (s.summary) own(el(art, 'p', { part: 'summary' }), pick(s.summary));
      if (s.url) el(el(art, 'p'), 'a', { part: 'link', href: s.url }, 'Session details');
      el(art, 'span', { class: 'visually-hidden', 'aria-live': 'polite' });
      box.append(host);
      hosts.push(host);
    }
    return hosts;
  };
})();
