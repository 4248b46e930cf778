// Space reservation, measured: the configurator renders the chosen widget with the real bundle in
// a hidden frame, at the partner's phone and wide column widths, in a sans-serif and a serif
// font (the widget takes the page's font) and in every language the page may show. A widget
// whose content changes while the page is open is measured in each state it can show: the
// session card at pinned instants (upcoming, starting soon, live, ended: the badge, the buttons
// and the year change) and in far reader time zones (the "your time" line), and for
// session="current" once per session. The tallest of each width is what the snippet reserves, so
// the widget never needs more than its box on first paint, whenever the page is read.

const LANGS = ['ru', 'en', 'zh-Hans'];
const FONTS = ['system-ui, sans-serif', 'Georgia, serif'];

/**
 * Heights in px { phone, desktop } the widget needs. `variants`: { attrs: [name, value][], at?:
 * ms since epoch (the widget's "now"; the real clock when absent) }, one element each. `feed`:
 * the checked feed object, given to each element as its `feed` property. `createHTML`: the page's
 * Trusted Types policy for the frame's srcdoc.
 */
export async function measureHeights({ bundle, stylesheet, feed, locale, font, variants, widths, tag, createHTML }) {
  const langs = locale ? [locale] : LANGS;
  const fonts = font ? [font] : FONTS;
  const out = { phone: 0, desktop: 0 };
  // The languages side by side: each frame is its own page (the UI language is page-wide).
  const all = await Promise.all(langs.map((lang) => measureIn(lang, { bundle, stylesheet, feed, fonts, variants, widths, tag, createHTML })));
  for (const h of all) {
    out.phone = Math.max(out.phone, h.phone);
    out.desktop = Math.max(out.desktop, h.desktop);
  }
  return out;
}

function measureIn(lang, { bundle, stylesheet, feed, fonts, variants, widths, tag, createHTML }) {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.className = 'measure';
    const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    const doc =
      `<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8">` +
      `<link rel="stylesheet" href="${esc(stylesheet)}">` +
      // data-widgets: the bundle loads a widget's code once the page holds it, and this frame's
      // elements come only after whenDefined() below, so the tag is named up front.
      `<script src="${esc(bundle)}" data-locale="${esc(lang)}" data-widgets="${esc(tag)}" defer></script></head><body></body></html>`;
    const timer = setTimeout(() => finish(new Error('measuring took over 60 s')), 60_000);
    const finish = (err, value) => {
      clearTimeout(timer);
      frame.remove();
      if (err) reject(err);
      else resolve(value);
    };
    frame.addEventListener('load', async () => {
      try {
        const d = frame.contentDocument;
        const w = frame.contentWindow;
        await w.customElements.whenDefined(tag);
        const realNow = w.Date.now;
        const out = { phone: 0, desktop: 0 };
        // One round per instant: the widgets read "now" (Date.now, through the bundle's clock)
        // when they render, so each round pins it, renders fresh elements, measures, clears.
        const rounds = new Map();
        for (const v of variants) rounds.set(v.at, [...(rounds.get(v.at) ?? []), v.attrs]);
        for (const [at, lists] of rounds) {
          w.Date.now = at === undefined ? realNow : () => at;
          const els = { phone: [], desktop: [] };
          const boxes = [];
          for (const [slot, width] of Object.entries(widths))
            for (const f of fonts) {
              const box = d.createElement('div');
              box.style.inlineSize = `${width}px`;
              box.style.fontFamily = f;
              for (const attrs of lists) {
                const el = d.createElement(tag);
                for (const [k, v] of attrs) el.setAttribute(k, v);
                el.feed = w.JSON.parse(JSON.stringify(feed));
                box.append(el);
                els[slot].push(el);
              }
              d.body.append(box);
              boxes.push(box);
            }
          const all = [...els.phone, ...els.desktop];
          // Until every element has left `loading`. Not until images load: photos and logos have
          // sizes set by the widgets' CSS, and a slow or unreachable image host must not stall this.
          for (let i = 0; i < 400; i++) {
            const done = all.every((e) => e.getAttribute('state') && e.getAttribute('state') !== 'loading');
            if (done) break;
            await new Promise((r) => setTimeout(r, 50));
          }
          await new Promise((r) => w.requestAnimationFrame(() => w.requestAnimationFrame(r)));
          const tallest = (list) => Math.ceil(Math.max(0, ...list.map((e) => e.getBoundingClientRect().height)));
          out.phone = Math.max(out.phone, tallest(els.phone));
          out.desktop = Math.max(out.desktop, tallest(els.desktop));
          for (const b of boxes) b.remove();
        }
        w.Date.now = realNow;
        finish(undefined, out);
      } catch (e) {
        finish(e);
      }
    });
    frame.srcdoc = createHTML(doc);
    document.body.append(frame);
  });
}
