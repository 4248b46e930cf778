// Small readers the format modules share.
import { parseIsoDateTime } from '../time.js';
import { plainText, oneLine } from '../text.js';

export const str = (v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
export const nonEmpty = (v) => {
  const s = str(v);
  return s && s.trim() ? s : undefined;
};

/** An absolute http(s) URL, or undefined (relative ones against `base` when given). */
export function httpUrl(v, base) {
  const s = nonEmpty(v)?.trim();
  if (!s) return undefined;
  try {
    const u = base ? new URL(s, base) : new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** A time as the builder takes it: { ms } for an instant, { wall, zone? } for a wall time. */
export function isoTime(v, zone) {
  const t = parseIsoDateTime(str(v));
  if (!t) return null;
  return 'ms' in t ? t : { wall: t.wall, zone };
}

/** Summary text from abstract and description: plain text, and whether HTML was stripped. */
export function summaryOf(...parts) {
  let html = false;
  const texts = [];
  for (const p of parts) {
    const { text, wasHtml } = plainText(p);
    html ||= wasHtml;
    if (text && !texts.includes(text)) texts.push(text);
  }
  return { summary: texts.join('\n\n') || undefined, htmlStripped: html };
}

/** 'event "Title" (guid …)' for warnings. */
export function describe(kind, title, id) {
  const t = oneLine(typeof title === 'string' ? title : title && typeof title === 'object' ? Object.values(title)[0] ?? '' : '');
  const short = t.length > 60 ? t.slice(0, 57) + '…' : t;
  return `${kind}${short ? ` "${short}"` : ''}${id ? ` (${id})` : ''}`;
}

/** A link that is a live stream, by its type or title. */
export const isStreamLink = (l) => /stream|live|трансляц|直播/i.test(`${l?.type ?? ''} ${l?.title ?? ''}`);

/** A title and its subtitle as one line: "Opening: Welcome", "Speed: Most Wanted". */
export function joinTitle(title, subtitle) {
  const t = title?.trim();
  const sub = subtitle?.trim();
  if (!t || !sub || t === sub) return t ?? sub ?? '';
  return /[:.!?…—–-]$/.test(t) ? `${t} ${sub}` : `${t}: ${sub}`;
}
