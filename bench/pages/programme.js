// In-page harness for the programme figures: <forum-programme> in mode="all" or mode="day" on a
// big feed, against a hand-written DOM list of the same sessions in the same page. Each run
// starts with a freshly parsed feed in hand (so the widget's one validation per feed object is
// counted) and times: first screen = the widget's first step in the DOM and laid out (it renders a
// long day in steps of 40 sessions, one per frame, aria-busy until done); to rendered = every
// session in the DOM plus one forced style + layout; to next frame = after the following animation
// frame (painted); longest task = the longest PerformanceObserver long task (> 50 ms) from the
// start to that frame.
//
// The baseline is what a careful developer would write without a framework to show the same day
// (read src/programme/programme.ts): one host with an open shadow root and the element's own
// adopted styles, the zone line, the venue select and search box, the day tabs (mode="all"), and
// per time slot a section with its heading and one list item per session — time, status badge,
// title heading with its link, venue · track, people, add-to-calendar button — built with
// createElement/textContent, formatters cached and people in a Map. It does not validate the feed
// and wires no handlers or timers.
(() => {
  const stage = document.getElementById('stage');
  let last;
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const longest = async (t0, t1) => {
    await new Promise((r) => setTimeout(r, 60)); // PerformanceObserver delivers asynchronously
    let max = 0;
    for (const t of window.__longtasks) if (t.start + t.duration >= t0 && t.start <= t1) max = Math.max(max, t.duration);
    return max;
  };
  const count = (host) => {
    const root = host.shadowRoot;
    return { sessions: root.querySelectorAll('[part=session]').length, elements: root.querySelectorAll('*').length };
  };
  // The widget renders a long day in steps (aria-busy on the list until the last one).
  const complete = (host) =>
    new Promise((done) => {
      const root = host.shadowRoot;
      if (!root.querySelector('[aria-busy]')) return done();
      const mo = new MutationObserver(() => {
        if (root.querySelector('[aria-busy]')) return;
        mo.disconnect();
        done();
      });
      mo.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
    });
  const first = (host, t0) => {
    void host.offsetHeight;
    return performance.now() - t0;
  };
  const finish = async (host, t0, t1) => {
    void host.offsetHeight; // style + layout now
    const t2 = performance.now();
    await frame();
    const t3 = performance.now();
    last = host;
    return { scriptMs: t1 - t0, renderedMs: t2 - t0, frameMs: t3 - t0, longTask: await longest(t0, t3), ...count(host) };
  };

  const fmts = new Map();
  const fmt = (loc, tz, o) => {
    const key = loc + tz + JSON.stringify(o);
    let f = fmts.get(key);
    if (!f) fmts.set(key, (f = new Intl.DateTimeFormat(loc, { timeZone: tz, ...o })));
    return f;
  };
  const HM = { hour: 'numeric', minute: '2-digit' };
  const el = (parent, tag, attrs, text) => {
    const e = document.createElement(tag);
    if (attrs) for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    parent.append(e);
    return e;
  };

  function baseline(feed, mode, day) {
    const sheets = customElements.get('forum-programme').elementStyles.map((s) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(s.cssText);
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
    const span = (parent, t) => {
      const s = el(parent, 'span', undefined, t.text);
      if (t.lang) s.lang = t.lang;
      return s;
    };
    const tz = feed.forum.timeZone;
    const dayOf = (t) => fmt('en-CA', tz, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(t);
    const people = new Map(feed.people.map((p) => [p.id, p]));
    const now = Date.now();
    const items = feed.sessions.map((s) => ({ s, a: Date.parse(s.start), b: Date.parse(s.end) })).sort((x, y) => x.a - y.a);
    const days = [...new Set(items.map((i) => dayOf(i.a)))].sort();
    const list = items.filter((i) => dayOf(i.a) === day);

    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = sheets;
    const base = el(root, 'div', { part: 'base', class: `programme ${mode}` });
    const where = pick(feed.forum.location);
    el(base, 'p', { part: 'zone', class: 'zone' }, `Times: ${where ? where.text + ', ' : ''}UTC+10`);
    const controls = el(base, 'div', { part: 'controls', class: 'controls' });
    const venues = [...new Set(items.map((i) => pick(i.s.venue)?.text).filter(Boolean))];
    const select = el(el(controls, 'label', undefined, 'Venue'), 'select');
    el(select, 'option', { value: '' }, 'All venues');
    for (const v of venues) el(select, 'option', { value: v }, v);
    el(el(controls, 'label', undefined, 'Search titles and people'), 'input', { type: 'search' });
    let panel = base;
    if (mode === 'all') {
      const tabs = el(base, 'div', { role: 'tablist', part: 'tabs', class: 'tabs', 'aria-label': 'Forum days' });
      for (const d of days)
        el(tabs, 'button', { type: 'button', role: 'tab', part: 'tab', id: `tab-${d}`, 'aria-selected': String(d === day), tabindex: d === day ? '0' : '-1' }, fmt(loc, 'UTC', { weekday: 'short', day: 'numeric', month: 'long' }).format(Date.parse(`${d}T12:00:00Z`)));
      panel = el(base, 'div', { role: 'tabpanel', part: 'panel', id: 'panel', class: 'panel', 'aria-labelledby': `tab-${day}`, tabindex: '0' });
    } else {
      el(base, 'p', { part: 'date', class: 'date' }, fmt(loc, 'UTC', { weekday: 'long', day: 'numeric', month: 'long' }).format(Date.parse(`${day}T12:00:00Z`)));
    }
    const groups = el(panel, 'div', { class: 'groups' });
    let slot;
    let ul;
    for (const i of list) {
      const s = i.s;
      if (!slot || slot.a !== i.a) {
        const sec = el(groups, 'section', { part: 'group', class: 'group slot' });
        el(el(sec, 'h3', { part: 'heading', class: 'heading' }), 'time', { datetime: s.start }, fmt(loc, tz, HM).format(i.a));
        ul = el(sec, 'ul', { role: 'list' });
        slot = { a: i.a };
      }
      const status = s.status === 'cancelled' ? 'cancelled' : now >= i.b ? 'ended' : now >= i.a ? 'live' : 'upcoming';
      const li = el(ul, 'li', { part: 'session', class: `session ${status}` });
      const when = el(li, 'p', { class: 'when' });
      el(when, 'time', { part: 'time', datetime: s.start }, fmt(loc, tz, HM).formatRange(i.a, i.b));
      if (status !== 'upcoming') el(when, 'span', { part: 'badge', class: 'badge' }, status);
      const title = pick(s.title);
      const h = el(li, 'h4', { part: 'title', class: 'title' });
      if (title.lang) h.lang = title.lang;
      if (s.url) el(h, 'a', { part: 'link', href: s.url }, title.text);
      else h.textContent = title.text;
      const venue = pick(s.venue);
      const track = pick(s.track);
      if (venue || track) {
        const m = el(li, 'p', { part: 'meta', class: 'meta' });
        if (venue) span(m, venue);
        if (venue && track) el(m, 'span', { 'aria-hidden': 'true' }, ' · ');
        if (track) span(m, track);
      }
      const names = [...(s.speakers ?? []), ...(s.moderators ?? [])].map((id) => pick(people.get(id)?.name)).filter(Boolean);
      if (names.length) {
        const p = el(li, 'p', { part: 'people', class: 'people' });
        names.forEach((n, k) => {
          if (k) p.append(', ');
          span(p, n);
        });
      }
      if (status === 'upcoming' || status === 'live') {
        const b = el(li, 'button', { type: 'button', part: 'calendar', class: 'calendar' }, 'Add to calendar');
        el(b, 'span', { class: 'visually-hidden' }, `: ${title.text}`);
      }
    }
    return host;
  }

  window.progBench = {
    clear() {
      stage.replaceChildren();
      last = undefined;
    },
    prepare(text) {
      window.__next = JSON.parse(text);
    },
    async widget(mode, day) {
      const feed = window.__next;
      const t0 = performance.now();
      const e = document.createElement('forum-programme');
      e.setAttribute('mode', mode);
      e.setAttribute('day', day);
      e.feed = feed;
      stage.append(e);
      await e.updateComplete;
      const firstMs = first(e, t0);
      await complete(e);
      const r = await finish(e, t0, performance.now());
      return { ...r, firstMs, state: e.getAttribute('state') };
    },
    async baseline(mode, day) {
      const feed = window.__next;
      const t0 = performance.now();
      const host = baseline(feed, mode, day);
      stage.append(host);
      const t1 = performance.now();
      const r = await finish(host, t0, t1);
      return { ...r, firstMs: r.renderedMs, state: 'ready' };
    },
    /** mode="all": the reader opens the other day's tab (click); until it is rendered and laid out. */
    async switchTab(day) {
      const e = last;
      const tab = e.shadowRoot.getElementById(`tab-${day}`);
      const t0 = performance.now();
      tab.click();
      await e.updateComplete;
      const firstMs = first(e, t0);
      await complete(e);
      return { ...(await finish(e, t0, performance.now())), firstMs };
    },
  };
})();
