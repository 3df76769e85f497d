// A small static file server for the built calculator, bound to 127.0.0.1 only.
// Usage: node scripts/static-server.mjs [DIR] [PORT]   (PORT 0 picks a free port)
// It prints "Serving DIR at http://127.0.0.1:PORT/" once it listens. Tests use it too, so what
// is tested is what a user gets. It also sends the Content-Security-Policy as a header, as a
// production host should (docs/SECURITY.md). For the tests of what the browser downloads:
// STATIC_SERVER_VALIDATORS=on sends an ETag and answers a matching If-None-Match with 304 (a host
// that sends validators; by default it sends none), and STATIC_SERVER_LOG=on prints one line per
// request ("REQUEST 200 /path").
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? process.env.PORT ?? 8080);

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
};

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

const server = createServer(async (request, response) => {
  try {
    const path = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      response.writeHead(403).end('Forbidden');
      return;
    }
    if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    const validators = process.env.STATIC_SERVER_VALIDATORS === 'on';
    const etag = validators ? `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` : null;
    const notModified = etag !== null && request.headers['if-none-match'] === etag;
    if (process.env.STATIC_SERVER_LOG === 'on') console.log(`REQUEST ${notModified ? 304 : 200} ${path}`);
    if (notModified) {
      response.writeHead(304, { ETag: etag, 'Cache-Control': 'no-cache' }).end();
      return;
    }
    response.writeHead(200, {
      ...(etag ? { ETag: etag } : {}),
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      // STATIC_SERVER_CSP=off serves other pages (the tests' stand-in for an intranet page).
      ...(process.env.STATIC_SERVER_CSP === 'off' ? {} : { 'Content-Security-Policy': CONTENT_SECURITY_POLICY }),
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch {
    if (process.env.STATIC_SERVER_LOG === 'on') console.log(`REQUEST 404 ${new URL(request.url, 'http://127.0.0.1').pathname}`);
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`Serving ${root} at http://127.0.0.1:${server.address().port}/`);
});
