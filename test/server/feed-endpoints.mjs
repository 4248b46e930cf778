// Feed endpoints whose behaviour each browser test sets, for the loader's tests against real HTTP:
//   GET  /__feed/<name>          answers as configured (status, body, ETag, Last-Modified with real
//                                304s, a delay, never answering, a body that never ends, a reset)
//   POST /__feed-control/<name>  sets the configuration (JSON, see DEFAULTS); `{"clear": true}` also
//                                forgets the requests seen
//   GET  /__feed-control/<name>  the requests seen so far: method, headers, what was answered,
//                                and whether the client went away first
// Responses are written to the socket directly (`respond = false`): the dev server's ETag and
// Last-Modified middleware must not touch them. Anything left open is destroyed when the server stops.

const DEFAULTS = {
  status: 200,
  body: '',
  etag: undefined, // e.g. '"v1"'
  lastModified: undefined, // an HTTP date
  cacheControl: undefined, // absent by default, as on many static hosts
  delay: 0, // ms before answering
  hang: false, // never answer at all
  stall: false, // send the headers and half the body, then nothing
  reset: false, // destroy the connection without answering
};

const endpoints = new Map(); // name -> { config, requests }
const open = new Set(); // responses not finished yet, and delay timers
const NAME = /^\/__feed(-control)?\/([A-Za-z0-9_-]+)$/;

const endpoint = (name) => {
  let ep = endpoints.get(name);
  if (!ep) endpoints.set(name, (ep = { config: { ...DEFAULTS, status: 404, body: 'no such feed endpoint' }, requests: [] }));
  return ep;
};

function write(res, status, headers, body) {
  // Headers other middleware may have set on this response meanwhile are not ours.
  for (const h of res.getHeaderNames()) res.removeHeader(h);
  if (body !== undefined) headers['content-length'] = Buffer.byteLength(body);
  res.writeHead(status, headers);
  res.end(body);
}

const readBody = (req) =>
  new Promise((resolve, reject) => {
    let s = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (s += c));
    req.on('end', () => resolve(s));
    req.on('error', reject);
  });

async function control(name, req, res) {
  const ep = endpoint(name);
  if (req.method === 'POST') {
    const { clear, ...config } = JSON.parse((await readBody(req)) || '{}');
    ep.config = { ...DEFAULTS, ...config };
    if (clear) ep.requests = [];
  }
  write(res, 200, { 'content-type': 'application/json', 'cache-control': 'no-store' }, JSON.stringify({ requests: ep.requests }));
}

function feed(name, req, res) {
  const ep = endpoint(name);
  const c = { ...ep.config }; // as configured when the request arrived
  const seen = { method: req.method, headers: { ...req.headers }, answered: null, aborted: false };
  ep.requests.push(seen);
  open.add(res);
  res.on('close', () => {
    open.delete(res);
    if (!res.writableFinished) seen.aborted = true;
  });
  if (c.reset) {
    seen.answered = 'reset';
    req.socket.destroy();
    return;
  }
  if (c.hang) {
    seen.answered = 'hang';
    return;
  }
  const answer = () => {
    if (res.destroyed) return;
    const headers = { 'access-control-allow-origin': '*', 'content-type': 'application/json; charset=utf-8' };
    if (c.etag) headers.etag = c.etag;
    if (c.lastModified) headers['last-modified'] = c.lastModified;
    if (c.cacheControl) headers['cache-control'] = c.cacheControl;
    if (c.status === 200 && notModified(req.headers, c)) {
      delete headers['content-type'];
      seen.answered = 304;
      write(res, 304, headers);
    } else if (c.stall) {
      seen.answered = 'stall';
      for (const h of res.getHeaderNames()) res.removeHeader(h);
      res.writeHead(c.status, headers);
      res.write(c.body.slice(0, c.body.length >> 1));
    } else {
      seen.answered = c.status;
      write(res, c.status, headers, c.body);
    }
  };
  if (c.delay > 0) {
    const t = setTimeout(() => {
      open.delete(t);
      answer();
    }, c.delay);
    open.add(t);
  } else answer();
}

// What a static server does: If-None-Match wins over If-Modified-Since.
function notModified(h, c) {
  const inm = h['if-none-match'];
  if (inm !== undefined) return !!c.etag && inm.split(',').some((t) => t.trim() === c.etag || t.trim() === '*');
  const ims = Date.parse(h['if-modified-since'] ?? '');
  return !!c.lastModified && ims >= Date.parse(c.lastModified);
}

export const feedEndpoints = {
  name: 'feed-endpoints',
  async serve(context) {
    const m = NAME.exec(context.path);
    if (!m) return undefined;
    context.respond = false;
    if (m[1]) await control(m[2], context.req, context.res);
    else feed(m[2], context.req, context.res);
    // A body so that no later middleware looks for a file; koa sends nothing (respond = false).
    return { body: ' ', type: 'text' };
  },
  serverStop() {
    for (const x of open) {
      if (typeof x === 'object' && 'socket' in x) x.socket?.destroy();
      else clearTimeout(x);
    }
    open.clear();
  },
};
