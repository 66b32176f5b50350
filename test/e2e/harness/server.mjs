// Static HTTP server for the e2e tests, on 127.0.0.1 with a random port.
//   /            -> test/e2e/fixtures/
//   /corpus/...  -> ../shared/corpus/ (read in place, never copied)
// Requests may arrive in absolute form ("GET http://www.example.gov.cn:PORT/x"): Firefox sends
// them that way when this server is its HTTP proxy for *.gov.cn hosts (see firefox.mjs).
// `?csp=strict` on any URL adds a strict Content-Security-Policy header, to prove the content
// script (and its lazily imported chunks) still work on such pages. Corpus pages are served
// with their own scripts blocked (saved pages' scripts redirect to their live sites or hang);
// `?csp=off` serves them as they are.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

export const CORPUS_CSP = "script-src 'none'; object-src 'none'";
export const STRICT_CSP = "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Resolves `rel` under `base`, refusing anything that escapes it. */
function inside(base, rel) {
  const p = normalize(join(base, rel));
  return p === base || p.startsWith(base + sep) ? p : null;
}

function isServedHost(host) {
  return host === '127.0.0.1' || host === 'localhost' || host === 'gov.cn' || host.endsWith('.gov.cn');
}

export async function startServer({ fixturesDir, corpusDir }) {
  const fixtures = resolve(fixturesDir);
  const corpus = resolve(corpusDir);
  const server = createServer((req, res) => {
    let url;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      res.writeHead(400).end();
      return;
    }
    // As a proxy (absolute-form request), serve only *.gov.cn hosts; refuse the rest at once.
    if (/^https?:\/\//i.test(req.url ?? '') && !isServedHost(url.hostname)) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end('offline test proxy: ' + url.hostname);
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file;
    if (pathname.startsWith('/corpus/')) file = inside(corpus, pathname.slice('/corpus/'.length));
    else file = inside(fixtures, pathname.slice(1) || 'index.html');
    try {
      if (file && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!file || !statSync(file).isFile()) throw new Error('missing');
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: ' + pathname);
      return;
    }
    // No charset for HTML: the page's own <meta charset> decides (many corpus pages are GBK).
    const headers = { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    const csp = url.searchParams.get('csp');
    if (csp === 'strict') headers['content-security-policy'] = STRICT_CSP;
    else if (csp !== 'off' && pathname.startsWith('/corpus/')) headers['content-security-policy'] = CORPUS_CSP;
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });
  // https through the proxy (CONNECT): refused, there is no TLS here.
  server.on('connect', (req, socket) => {
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return { port, close: () => new Promise((ok) => server.close(() => ok())) };
}
