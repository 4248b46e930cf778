// The importer's time arithmetic and zone names, as units: DST gaps and overlaps, offsets in
// the forum zone, Windows names from CLDR (and the committed table in step with cldr-core).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { formatInZone, parseIsoDateTime, resolveZone, zonedInstant } from '../../../bin/import/time.js';
import { WINDOWS_ZONES } from '../../../bin/import/windows-zones.js';
import { windowsZonesModule } from '../../../scripts/gen-windows-zones.mjs';

const at = (y, mo, d, h, mi) => ({ y, mo, d, h, mi, s: 0 });

test('wall times become exact instants; the skipped spring hour moves forward, the repeated autumn hour is its first', () => {
  const berlin = 'Europe/Berlin';
  assert.equal(formatInZone(zonedInstant(at(2025, 3, 30, 1, 30), berlin).ms, berlin), '2025-03-30T01:30:00+01:00');
  const gap = zonedInstant(at(2025, 3, 30, 2, 30), berlin);
  assert.equal(gap.gap, true);
  assert.equal(formatInZone(gap.ms, berlin), '2025-03-30T03:30:00+02:00');
  const overlap = zonedInstant(at(2025, 10, 26, 2, 30), berlin);
  assert.equal(overlap.gap, false);
  assert.equal(new Date(overlap.ms).toISOString(), '2025-10-26T00:30:00.000Z', 'the first 02:30, still summer time');
  assert.equal(formatInZone(zonedInstant(at(2025, 5, 19, 14, 0), 'Asia/Vladivostok').ms, 'Asia/Vladivostok'), '2025-05-19T14:00:00+10:00');
  assert.equal(formatInZone(zonedInstant(at(2025, 3, 9, 2, 30), 'America/New_York').ms, 'America/New_York'), '2025-03-09T03:30:00-04:00');
  assert.equal(formatInZone(Date.parse('2025-01-01T00:00:00Z'), 'Asia/Kolkata'), '2025-01-01T05:30:00+05:30');
});

test('ISO date-times: with an offset an instant, without one a wall time', () => {
  assert.deepEqual(parseIsoDateTime('2025-05-19T14:00:00+10:00'), { ms: Date.parse('2025-05-19T04:00:00Z') });
  assert.deepEqual(parseIsoDateTime('2025-05-19T04:00:00Z'), { ms: Date.parse('2025-05-19T04:00:00Z') });
  assert.deepEqual(parseIsoDateTime('2025-05-19 14:00'), { wall: { y: 2025, mo: 5, d: 19, h: 14, mi: 0, s: 0, ms: 0 } });
  assert.equal(parseIsoDateTime('2025-02-30T10:00:00'), null);
  assert.equal(parseIsoDateTime('next Tuesday'), null);
});

test('zone names as exports write them: IANA, Windows (Outlook), vendor-prefixed; unknown ones are null', () => {
  assert.equal(resolveZone('Asia/Vladivostok'), 'Asia/Vladivostok');
  assert.equal(resolveZone('Russian Standard Time'), 'Europe/Moscow');
  assert.equal(resolveZone('Vladivostok Standard Time'), 'Asia/Vladivostok');
  assert.equal(resolveZone('China Standard Time'), 'Asia/Shanghai');
  assert.equal(resolveZone('"W. Europe Standard Time"'), 'Europe/Berlin');
  assert.equal(resolveZone('/mozilla.org/20070129_1/Europe/Berlin'), 'Europe/Berlin');
  assert.equal(resolveZone('Customized Time Zone'), null);
  assert.equal(resolveZone('+10:00'), null);
});

test('the Windows zone table is CLDR windowsZones as cldr-core has it, and every zone in it is known here', async () => {
  const committed = await readFile(new URL('../../../bin/import/windows-zones.js', import.meta.url), 'utf8');
  assert.equal(committed, windowsZonesModule(), 'bin/import/windows-zones.js is stale: run node scripts/gen-windows-zones.mjs');
  assert.ok(Object.keys(WINDOWS_ZONES).length > 130);
  for (const [win, iana] of Object.entries(WINDOWS_ZONES)) assert.equal(resolveZone(iana), iana, `${win} -> ${iana}`);
});
