// Serves a worker with the npm `workerd` binary from a generated capnp config on a free 127.0.0.1 port.
// Modules are listed explicitly (workerd has no resolver): moduleGraph() follows relative static imports
// from an entry, so exactly the files a bundler would ship are embedded, .wasm files as wasm modules.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { bin, freePort, startProcess, until } from './setup.mjs';

export const WORKERD = bin('workerd');
// Pinned; the npm workerd 1.20261023.1 accepts dates up to 2026-10-23, wrangler 4.86.0's workerd up to 2026-04-26.
export const COMPATIBILITY_DATE = '2026-04-01';

const IMPORT_RE = /(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]+\s*from\s*)?['"](\.{1,2}\/[^'"]+)['"]/g;

/** Files reachable by relative static imports from entry (paths relative to root), entry first. */
export function moduleGraph(root, entry) {
  const seen = new Set();
  const visit = (rel) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    if (!/\.(m?js)$/.test(rel)) return;
    const source = readFileSync(join(root, rel), 'utf8');
    for (const [, spec] of source.matchAll(IMPORT_RE)) visit(normalize(join(dirname(rel), spec)));
  };
  visit(normalize(entry));
  return [...seen];
}

const moduleType = (name) => (name.endsWith('.wasm') ? 'wasm' : 'esModule');

/**
 * Starts workerd serving the modules (first = main) found under root; returns {url, process, startedAt}.
 * The process is stopped when the test ends, pass or fail.
 */
export async function serveWorker(t, { root, modules, name = 'worker' }) {
  const port = await freePort();
  const configPath = join(root, `${name}.capnp`);
  const list = modules
    .map((m) => `    (name = ${JSON.stringify(m)}, ${moduleType(m)} = embed ${JSON.stringify(relative(root, join(root, m)))})`)
    .join(',\n');
  writeFileSync(configPath, `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);

const worker :Workerd.Worker = (
  modules = [
${list}
  ],
  compatibilityDate = "${COMPATIBILITY_DATE}",
);
`);
  const p = startProcess(WORKERD, ['serve', configPath, '--verbose'], { cwd: root });
  t.after(() => p.stop());
  return { url: `http://127.0.0.1:${port}`, process: p, configPath };
}

/** POSTs until the worker answers 2xx (it is still starting before); returns {response, body, at}. */
export async function firstAnswer(server, path, body = '', timeoutMs = 30_000) {
  const { value, at } = await until(async () => {
    if (server.process.child.exitCode !== null) {
      throw Object.assign(new Error(`workerd exited ${server.process.child.exitCode}: ${server.process.stderr}`), { fatal: true });
    }
    const response = await fetch(`${server.url}${path}`, { method: 'POST', body });
    const text = await response.text();
    if (!response.ok) throw new Error(`HTTP ${response.status}: ${text}`);
    return { response, text };
  }, timeoutMs, 5);
  return { ...value, at };
}
