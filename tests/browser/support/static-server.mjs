// A tiny static file server on 127.0.0.1 (free port) for the browser suites: serves a folder with the
// right Content-Type (application/wasm for .wasm, so streaming compilation is used) and a CSP header on
// every response. The CSP can be swapped per request with ?csp=<name> to run negative controls.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

export const CSP = {
  // The policy users are told to set: no eval, only wasm compilation allowed.
  wasm: "script-src 'self' 'wasm-unsafe-eval'",
  // Control: without 'wasm-unsafe-eval' the wasm must be refused (proves the CSP is enforced).
  strict: "script-src 'self'",
};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** @returns {Promise<{url: string, requests: {path: string, status: number, type: string}[], close(): Promise<void>}>} */
export function startStaticServer(root, { csp = CSP.wasm } = {}) {
  const requests = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const policy = CSP[url.searchParams.get('csp')] ?? csp;
    let path = decodeURIComponent(url.pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    const send = (status, type, body) => {
      requests.push({ path, status, type });
      res.writeHead(status, { 'content-type': type, 'content-security-policy': policy, 'cache-control': 'no-store' });
      if (body === undefined) return res.end();
      if (typeof body === 'string') return res.end(body);
      return body.pipe(res);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'GET only');
    if (!file.startsWith(normalize(root) + sep) || !existsSync(file) || !statSync(file).isFile()) {
      return send(404, 'text/plain', 'not found');
    }
    return send(200, TYPES[extname(file)] ?? 'application/octet-stream', req.method === 'HEAD' ? undefined : createReadStream(file));
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        requests,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
      });
    });
  });
}
