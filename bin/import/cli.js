// `forum-feed import [options] [LANG=]FILE|URL… -o feed.json`: a programme exported from a
// conference system, a calendar or a spreadsheet, in one or more languages, becomes a forum
// feed, checked by the very validator the widgets run before anything is written.
// Exit status as `validate`: 0 written, 1 the inputs cannot make a valid feed (nothing
// written), 2 an input is unreadable, or the command is misused.
import { rename, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildFeed, ImportError } from './build.js';
import { FORMATS, NotAProgramme, parseProgramme } from './formats/index.js';
import { decode, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_S, readBytes, Unreadable } from './read.js';
// Warnings quote titles, ids and zone names from the exports: control characters (an ANSI escape
// in a title would restyle or rewrite the organiser's terminal) and bidi marks are shown escaped.
import { escapeControls as printable } from '../read-input.js';
import { resolveZone } from './time.js';

export const USAGE = `Usage: forum-feed import [options] [LANG=]FILE|URL|-... -o feed.json

Makes a forum feed from the programme your conference system already has:
c3voc schedule.json (frab, pretalx, CCC hub), frab schedule.xml, pretalx widget data,
Sessionize "All" JSON, iCalendar (.ics: Google, Outlook), or a CSV spreadsheet.
Give one export per language to merge them: ru=prog-ru.json en=prog-en.json zh-Hans=prog-zh.json
(events are matched by their ids: guid, code, uid). "-" reads one export from standard input.

  -o, --output FILE        where to write the feed ("-" for standard output)
  --from FORMAT            read every input as FORMAT (${Object.keys(FORMATS).join(', ')}); default: from the content
  --lang TAG               the language of an input without LANG= (default: what the export says)
  --time-zone ZONE         the forum's zone when the export has none, and the zone of floating
                           times (IANA, e.g. Asia/Vladivostok; Windows names work too)
  --base FEED              keep this feed's forum, quotes, organizers and counters (a file or URL)
  --forum-id ID, --forum-name NAME
                           the forum's id and name when neither the export nor --base has them
  --forum-url URL          the forum's site (absolute https:// or http://): partners' fallback
                           links point there; wins over the export's and --base's
  --default-duration MIN   length of events without an end (default 60)
  --max-size MB            largest input read (default ${DEFAULT_MAX_BYTES / 1024 / 1024})
  --timeout S              give up on a URL or standard input after S seconds (default ${DEFAULT_TIMEOUT_S})

Prints a summary and one warning for each event dropped or changed, with why.
Exit status: 0 written, 1 the inputs cannot make a valid feed (nothing written),
             2 an input is unreadable, or misuse.
`;

export class Misuse extends Error {}

/** Widgets refuse a feed over 5 MB (FEED-SPEC "Limits"): one that large is not written. */
export const FEED_MAX_BYTES = 5 * 1024 * 1024;

/** The command line as options; throws Misuse (exported for the guide's command check). */
export function options(args) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        from: { type: 'string' },
        lang: { type: 'string' },
        'time-zone': { type: 'string' },
        base: { type: 'string' },
        'forum-id': { type: 'string' },
        'forum-name': { type: 'string' },
        'forum-url': { type: 'string' },
        'default-duration': { type: 'string' },
        'max-size': { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new Misuse(e.message);
  }
  const v = parsed.values;
  if (v.help) return { help: true };
  if (!parsed.positionals.length) throw new Misuse('give at least one export to import');
  if (!v.output) throw new Misuse('give the output file with -o feed.json (or -o - for standard output)');
  if (v.from && !FORMATS[v.from]) throw new Misuse(`--from ${v.from}: not a format the importer reads (${Object.keys(FORMATS).join(', ')})`);
  const number = (name, fallback, min) => {
    if (v[name] === undefined) return fallback;
    const n = Number(v[name]);
    if (!Number.isFinite(n) || n < min) throw new Misuse(`--${name} ${v[name]}: must be a number of at least ${min}`);
    return n;
  };
  let timeZone;
  if (v['time-zone']) {
    timeZone = resolveZone(v['time-zone']);
    if (!timeZone) throw new Misuse(`--time-zone ${v['time-zone']}: not a time zone (use an IANA name like Asia/Vladivostok)`);
  }
  if (v.lang !== undefined && !isTag(v.lang)) throw new Misuse(`--lang ${v.lang}: not a language tag like ru, en or zh-Hans`);
  if (v['forum-id'] !== undefined && !/^[a-z0-9][a-z0-9-]{0,63}$/.test(v['forum-id'])) {
    throw new Misuse(`--forum-id ${v['forum-id']}: must be lower-case letters, digits and hyphens`);
  }
  // The feed's own rule for forum.url (FEED-SPEC "URLs"): absolute, https: or http: only.
  if (v['forum-url'] !== undefined && !isWebUrl(v['forum-url'])) {
    throw new Misuse(`--forum-url ${v['forum-url']}: must be an absolute https: or http: URL, like https://forum.example/`);
  }
  const inputs = parsed.positionals.map((arg) => {
    const m = /^([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)=(.+)$/.exec(arg);
    if (m && !/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) {
      if (!isTag(m[1])) throw new Misuse(`${arg}: ${m[1]} is not a language tag like ru, en or zh-Hans`);
      return { lang: Intl.getCanonicalLocales(m[1])[0], source: m[2], label: arg };
    }
    return { lang: undefined, source: arg, label: arg };
  });
  // Standard input ends after one read: a second `-` would read nothing and look like an empty export.
  if ([...inputs.map((i) => i.source), v.base].filter((s) => s === '-').length > 1) {
    throw new Misuse('- (standard input) can be given once: save the other export to a file');
  }
  return {
    inputs,
    output: v.output,
    from: v.from,
    lang: v.lang && Intl.getCanonicalLocales(v.lang)[0],
    timeZone,
    base: v.base,
    forumId: v['forum-id'],
    forumName: v['forum-name'],
    forumUrl: v['forum-url']?.trim(),
    defaultDuration: number('default-duration', 60, 1),
    maxBytes: Math.round(number('max-size', DEFAULT_MAX_BYTES / 1024 / 1024, 0.001) * 1024 * 1024),
    timeoutS: number('timeout', DEFAULT_TIMEOUT_S, 0.1),
  };
}

/** src/feed/url.ts's safeUrl for links (that module is in dist/, which options() must not need). */
function isWebUrl(s) {
  if (!/^https?:/i.test(s.trim())) return false;
  try {
    const u = new URL(s.trim());
    return (u.protocol === 'https:' || u.protocol === 'http:') && Boolean(u.hostname);
  } catch {
    return false;
  }
}

function isTag(t) {
  try {
    return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(t) && Intl.getCanonicalLocales(t).length === 1;
  } catch {
    return false;
  }
}

async function loadValidator() {
  const where = new URL('../../dist/lib/feed/validate.js', import.meta.url);
  try {
    return await import(where.href);
  } catch (e) {
    if (e?.code !== 'ERR_MODULE_NOT_FOUND') throw e;
    throw new Unreadable(`the validator is not built (${fileURLToPath(where)} is missing): run \`npm run build\` first`);
  }
}


const plural = (n, one, many = one + 's') => `${n} ${n === 1 ? one : many}`;

/**
 * Runs the import. `io` is { stdout, stderr } writers (tests pass their own).
 * @returns {Promise<number>} exit status
 */
export async function runImport(args, io = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) }) {
  let opts;
  try {
    opts = options(args);
  } catch (e) {
    if (!(e instanceof Misuse)) throw e;
    io.stderr(`forum-feed import: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (opts.help) {
    io.stdout(USAGE);
    return 0;
  }
  try {
    const { parseFeed } = await loadValidator();
    const readText = async (source) => decode(await readBytes(source, opts));
    let base;
    if (opts.base) {
      const { text } = await readText(opts.base);
      try {
        base = JSON.parse(text);
      } catch (e) {
        throw new ImportError(`--base ${opts.base}: is not valid JSON (${e.message})`);
      }
      if (!base || typeof base !== 'object' || base.version !== 1 || !base.forum || typeof base.forum !== 'object') {
        throw new ImportError(`--base ${opts.base}: is not a forum feed (version 1 with a forum)`);
      }
    }
    const inputs = [];
    for (const input of opts.inputs) {
      const { text, encoding } = await readText(input.source);
      let programme;
      try {
        programme = parseProgramme(text, { forced: opts.from, ctx: { timeZone: opts.timeZone } });
      } catch (e) {
        if (e instanceof NotAProgramme) throw new ImportError(`${input.label}: ${e.message}`);
        throw e;
      }
      if (encoding !== 'utf-8') programme.warnings.unshift(`is not UTF-8: read as ${encoding}`);
      const lang = input.lang ?? opts.lang ?? programme.lang;
      if (!lang) {
        throw new ImportError(`${input.label}: the export does not say its language: give --lang ru (or name it ru=${input.source})`);
      }
      inputs.push({ programme, lang: Intl.getCanonicalLocales(lang)[0], label: input.label });
    }
    const langs = inputs.map((i) => i.lang);
    const twice = langs.find((l, i) => langs.indexOf(l) !== i);
    if (twice) throw new ImportError(`two inputs are in ${twice}: give each language once (ru=a.json en=b.json)`);

    const { feed, warnings, stats } = buildFeed(inputs, {
      timeZone: opts.timeZone,
      base,
      defaultDuration: opts.defaultDuration,
      forumId: opts.forumId,
      forumName: opts.forumName,
      forumUrl: opts.forumUrl,
    });
    for (const w of warnings) io.stderr(`warning: ${printable(w)}\n`);
    const text = JSON.stringify(feed, null, 2) + '\n';
    const bytes = Buffer.byteLength(text);
    if (bytes > FEED_MAX_BYTES) {
      io.stderr(
        `forum-feed import: the feed would be ${bytes} bytes, over the ${FEED_MAX_BYTES} (5 MB) that widgets accept (FEED-SPEC "Limits"); nothing written. ` +
          'Shorten the abstracts in the export, or import fewer events.\n',
      );
      return 1;
    }
    const result = parseFeed(text);
    if (!result.ok) {
      io.stderr(result.errors.map(printable).join('\n') + `\nforum-feed import: the imported feed is not valid (above); nothing written\n`);
      return 1;
    }
    if (opts.output === '-') io.stdout(text);
    else {
      // Replace in one step, so a web server never serves half a feed.
      const tmp = `${opts.output}.${process.pid}.tmp`;
      await writeFile(tmp, text);
      await rename(tmp, opts.output);
    }
    const formats = [...new Set(inputs.map((i) => i.programme.format))].join(', ');
    io.stderr(
      `${opts.output === '-' ? 'feed' : opts.output}: ${plural(stats.sessions, 'session')}, ${plural(stats.people, 'person', 'people')}, ` +
        `${plural(stats.languages.length, 'language')} (${stats.languages.join(', ')}), zone ${stats.zone}, from ${formats}` +
        `${warnings.length ? `; ${plural(warnings.length, 'warning')}` : ''}\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof Unreadable) {
      io.stderr(`forum-feed import: ${printable(e.message)}\n`);
      return 2;
    }
    if (e instanceof ImportError) {
      io.stderr(`forum-feed import: ${printable(e.message)}\n`);
      return 1;
    }
    throw e;
  }
}
