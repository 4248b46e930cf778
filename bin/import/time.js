// Time for the importer: turning a zone's wall-clock time into an exact instant and back,
// with the runtime's IANA database (Intl), so DST changes inside a programme come out right.
// Feeds carry instants as ISO 8601 with the forum zone's offset at that instant.
import { WINDOWS_ZONES } from './windows-zones.js';

const formatters = new Map();
function formatter(zone) {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a zone: { y, mo, d, h, mi, s } (month 1-12). */
export function wallTime(ms, zone) {
  const p = {};
  for (const { type, value } of formatter(zone).formatToParts(new Date(ms))) p[type] = Number(value);
  return { y: p.year, mo: p.month, d: p.day, h: p.hour, mi: p.minute, s: p.second };
}

const wallMs = (w) => Date.UTC(w.y, w.mo - 1, w.d, w.h ?? 0, w.mi ?? 0, w.s ?? 0);

/** The zone's offset from UTC at an instant, in ms (whole seconds). */
export function offsetAt(ms, zone) {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallMs(wallTime(whole, zone)) - whole;
}

const HOUR = 3600_000;

/**
 * The instant a zone's clock shows a wall time. In a DST overlap (the hour that happens twice)
 * it is the first; in a gap (the hour that never happens) it is read with the offset before
 * the change, so 02:30 on a spring-forward night is 03:30, and `gap` says so.
 * @returns {{ ms: number, gap: boolean }}
 */
export function zonedInstant(w, zone) {
  const wall = wallMs(w) + (w.ms ?? 0);
  // Offsets change at most once within a day either side in every real zone.
  const before = offsetAt(wall - 12 * HOUR, zone);
  const after = offsetAt(wall + 12 * HOUR, zone);
  const wholeWall = wallMs(w);
  const candidates = [wall - before, wall - after].filter((t) => wallMs(wallTime(t, zone)) === wholeWall);
  if (candidates.length) return { ms: Math.min(...candidates), gap: false };
  return { ms: wall - before, gap: true };
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** ISO 8601 with the zone's offset at that instant: 2025-05-19T14:00:00+10:00. */
export function formatInZone(ms, zone) {
  const w = wallTime(ms, zone);
  const off = Math.round(offsetAt(ms, zone) / 60000);
  const sign = off < 0 ? '-' : '+';
  const frac = ((ms % 1000) + 1000) % 1000;
  return (
    `${w.y}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}:${pad(w.s)}${frac ? '.' + pad(frac, 3) : ''}` +
    `${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`
  );
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function dateInZone(ms, zone) {
  const w = wallTime(ms, zone);
  return `${w.y}-${pad(w.mo)}-${pad(w.d)}`;
}

export function isIanaZone(name) {
  if (typeof name !== 'string' || name.length > 64 || !/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * An IANA zone for a zone name as exports write it: IANA itself, a Windows name (Outlook),
 * or a vendor-prefixed IANA name ("/mozilla.org/20070129_1/Europe/Berlin"). Null if none.
 */
export function resolveZone(name) {
  if (typeof name !== 'string') return null;
  const n = name.trim().replace(/^"|"$/g, '');
  if (!n) return null;
  if (isIanaZone(n)) return n;
  const win = WINDOWS_ZONES[n] ?? WINDOWS_ZONES[n.replace(/ Daylight Time$/, ' Standard Time')];
  if (win) return win;
  // The longest tail that is a zone: "/citadel.org/20190914_1/Europe/Moscow" -> Europe/Moscow.
  const parts = n.split('/').filter(Boolean);
  for (let i = 0; i < parts.length - 1; i++) {
    const tail = parts.slice(i).join('/');
    if (isIanaZone(tail) && tail.includes('/')) return tail;
  }
  return null;
}

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Reads an ISO 8601 date-time. With an offset (or Z) it is an instant; without one it is a
 * wall time to be placed in a zone later. Null if it is not one.
 * @returns {{ ms: number } | { wall: object } | null}
 */
export function parseIsoDateTime(text) {
  if (typeof text !== 'string') return null;
  const m = ISO_LOCAL.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '0', frac = '', off] = m;
  const w = { y: +y, mo: +mo, d: +d, h: +h, mi: +mi, s: +s, ms: frac ? Math.round(Number('0.' + frac) * 1000) : 0 };
  if (!validWall(w)) return null;
  if (!off) return { wall: w };
  let offMin = 0;
  if (off.toUpperCase() !== 'Z') {
    const digits = off.slice(1).replace(':', '');
    offMin = (off[0] === '-' ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
  }
  return { ms: wallMs(w) + w.ms - offMin * 60000 };
}

export function validWall(w) {
  if (w.mo < 1 || w.mo > 12 || w.d < 1 || w.h > 23 || w.mi > 59 || w.s > 60) return false;
  const probe = new Date(Date.UTC(w.y, w.mo - 1, w.d));
  return probe.getUTCDate() === w.d && probe.getUTCMonth() === w.mo - 1;
}

/** Adds days to a wall date (calendar arithmetic, no zone). */
export function addDays(w, days) {
  const t = new Date(Date.UTC(w.y, w.mo - 1, w.d + days));
  return { ...w, y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** "01:30" or "1:30:00" (hours:minutes[:seconds]) to ms; null if not that. */
export function parseClockDuration(text) {
  const m = /^\s*(\d+):(\d{2})(?::(\d{2}))?\s*$/.exec(String(text ?? ''));
  if (!m) return null;
  return ((+m[1] * 60 + +m[2]) * 60 + +(m[3] ?? 0)) * 1000;
}
