// `npm start`'s last step: serves the interactive demo (demo/) on http://127.0.0.1:8080 and prints the URL.
// The demo imports the package the way a user's page would: an import map points "order-preflight" at the
// package's browser entry, served here under /pkg/ (js/src/ and js/dist/ only, as the npm tarball ships them).
// Every response carries a strict CSP; .wasm is sent as application/wasm so the browser compiles it streaming.
//
// Usage: node scripts/start.mjs [--port N] [--host H] [--check]
//   --port N   port to listen on (default 8080, or $DEMO_PORT); 0 picks a free port (tests use this)
//   --check    start on a free port (unless --port), fetch the page, the package entry and the wasm, check
//              status, Content-Type and CSP, print the result and exit (0 ok, 1 not)
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** URL prefix → folder of the repository. Nothing else is reachable. */
const MOUNTS = [
  ['/pkg/js/src/', join(root, 'js/src')],
  ['/pkg/js/dist/', join(root, 'js/dist')],
  ['/samples/', join(root, 'examples/orders')],
  ['/', join(root, 'demo')],
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.md': 'text/plain; charset=utf-8',
};

/**
 * The policy of the issue: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'.
 * Chromium treats an inline <script type="importmap"> as an inline script and supports no external import
 * maps, so the one import map of demo/index.html is allowed by its sha256 hash (computed here from the file,
 * so it cannot drift). No other inline script or style can run.
 */
export function demoCsp(html = readFileSync(join(root, 'demo/index.html'), 'utf8')) {
  const maps = [...html.matchAll(/<script type="importmap">([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`,
  );
  return ["default-src 'self'", `script-src 'self' 'wasm-unsafe-eval'${maps.map((h) => ` ${h}`).join('')}`, "style-src 'self'"].join('; ');
}

function resolvePath(pathname) {
  for (const [prefix, dir] of MOUNTS) {
    if (!pathname.startsWith(prefix)) continue;
    let rest = pathname.slice(prefix.length);
    if (rest === '' || rest.endsWith('/')) rest += 'index.html';
    const file = normalize(join(dir, rest));
    if (!file.startsWith(dir + sep)) return null;
    return file;
  }
  return null;
}

/** Starts the demo server. @returns {Promise<{url: string, csp: string, close(): Promise<void>}>} */
export function startDemoServer({ port = 8080, host = '127.0.0.1', log = () => {} } = {}) {
  const csp = demoCsp();
  const server = createServer((req, res) => {
    const send = (status, type, body) => {
      res.writeHead(status, {
        'content-type': type,
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      return send(400, 'text/plain; charset=utf-8', 'bad request');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain; charset=utf-8', 'GET only');
    const file = resolvePath(pathname);
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      log(`404 ${pathname}`);
      return send(404, 'text/plain; charset=utf-8', 'not found');
    }
    return send(200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(port, host, () => {
      const url = `http://${host}:${server.address().port}/`;
      resolve({
        url,
        csp,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
      });
    });
  });
}

async function check(url, csp) {
  const problems = [];
  const expect = async (path, type) => {
    const r = await fetch(new URL(path, url));
    await r.arrayBuffer();
    if (r.status !== 200) problems.push(`${path}: HTTP ${r.status}`);
    if (!r.headers.get('content-type')?.startsWith(type)) problems.push(`${path}: Content-Type ${r.headers.get('content-type')}`);
    if (r.headers.get('content-security-policy') !== csp) problems.push(`${path}: CSP header missing`);
  };
  await expect('/', 'text/html');
  await expect('/app.js', 'text/javascript');
  await expect('/pkg/js/src/browser.js', 'text/javascript');
  await expect('/pkg/js/dist/order_preflight.mjs', 'text/javascript');
  await expect('/pkg/js/dist/order_preflight.wasm', 'application/wasm');
  await expect('/samples/29next-sample.json', 'application/json');
  return problems;
}

function arg(name) {
  const i = process.argv.indexOf(name);
  if (i < 0) return undefined;
  return process.argv[i + 1];
}

async function main() {
  const wasm = join(root, 'js/dist/order_preflight.wasm');
  if (!existsSync(wasm)) {
    console.error('order-preflight demo: js/dist/order_preflight.wasm is missing; run `bash scripts/build.sh wasm` (npm start does).');
    process.exit(1);
  }
  const checking = process.argv.includes('--check');
  const portText = arg('--port') ?? process.env.DEMO_PORT ?? (checking ? '0' : '8080');
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`order-preflight demo: --port must be 0…65535, not ${portText}`);
    process.exit(2);
  }
  const host = arg('--host') ?? '127.0.0.1';
  let server;
  try {
    server = await startDemoServer({ port, host, log: (line) => console.error(line) });
  } catch (e) {
    console.error(`order-preflight demo: cannot listen on ${host}:${port}: ${e.message}`);
    process.exit(1);
  }
  if (checking) {
    const problems = await check(server.url, server.csp);
    await server.close();
    if (problems.length) {
      console.error(`order-preflight demo check failed:\n  ${problems.join('\n  ')}`);
      process.exit(1);
    }
    console.log(`order-preflight demo check ok (${server.url})`);
    return;
  }
  console.log(`order-preflight demo: ${server.url}`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) main();
