// Shared set-up for the runtime suites: packs the package from a clean copy of the tree (no js/dist: npm pack's
// prepack step must build it), once per distinct tarball (cached by its sha256 under test-output/runtimes/),
// installs it into an empty consumer folder, and copies the harness there.
// Also: free ports, child processes that are always killed, export-map resolution, TAP diagnostics.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fixtureModuleSource, repoRoot } from '../shared/fixtures.mjs';

export { repoRoot };
export const outRoot = join(repoRoot, 'test-output/runtimes');
export const bin = (name) => join(repoRoot, 'node_modules/.bin', name);

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (r.error) throw r.error;
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  }
  return r;
}

/** What every tarball must contain: the engine, its types, and the docs and examples the README links to. */
export const REQUIRED_IN_TARBALL = [
  'package.json', 'README.md', 'LICENSE', 'CHANGELOG.md',
  'js/dist/order_preflight.mjs', 'js/dist/order_preflight.wasm', 'js/index.d.ts', 'js/order_preflight.wasm.d.ts',
  'js/src/index.js', 'js/src/workerd.js', 'js/src/browser.js', 'js/cli.js',
  'docs/api.md', 'docs/rules.md', 'examples/edge-worker/src/index.js', 'examples/edge-worker/wrangler.toml',
  'examples/orders/29next-seed000.json',
];

/**
 * A copy of the working tree as a fresh clone has it: the files git tracks (plus new, not ignored ones), so no
 * build/, no js/dist/, no test-output/. node_modules is linked (a clone runs `npm ci` first). With shareBuild,
 * build/ links to the repo's build folder, so the copy's prepack reuses the compiled objects instead of
 * compiling the core from scratch (tests/runtimes/pack.test.mjs does that once, without sharing).
 */
export function cleanTree(name, { shareBuild = false } = {}) {
  const dir = join(outRoot, `${name}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const listed = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot }).stdout;
  for (const file of listed.split('\0').filter(Boolean)) {
    const from = join(repoRoot, file);
    if (!existsSync(from) || lstatSync(from).isSymbolicLink() || statSync(from).isDirectory()) continue;
    cpSync(from, join(dir, file), { preserveTimestamps: true });
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  // Shared only when the repo's wasm build is configured: a configure from the copy would repoint it.
  if (shareBuild && existsSync(join(repoRoot, 'build/wasm-release/CMakeCache.txt'))) {
    symlinkSync(join(repoRoot, 'build'), join(dir, 'build'));
  }
  return dir;
}

/** `npm pack` in a folder: the tarball's path and the files npm reports in it. */
export function npmPack(cwd, destination, env = process.env) {
  const packed = run('npm', ['pack', '--json', '--pack-destination', destination], { cwd, env });
  const [{ filename, files }] = JSON.parse(packed.stdout);
  return { tarball: join(destination, filename), files: files.map((f) => f.path) };
}

let prepared;

/**
 * Packs a clean copy of the tree with `npm pack` (its prepack builds js/dist), installs the tarball into
 * test-output/runtimes/consumer-<hash>/ (reused while the tarball is byte-identical; npm pack output is
 * deterministic), and refreshes the harness files.
 * @returns {{dir: string, pkgDir: string, tarball: string, hash: string, reused: boolean, files: string[]}}
 */
export function prepareConsumer() {
  if (prepared) return prepared;
  const packDir = join(outRoot, `pack-${process.pid}`); // per process: never shared mid-write
  rmSync(packDir, { recursive: true, force: true });
  mkdirSync(packDir, { recursive: true });
  const tree = cleanTree('clean-tree', { shareBuild: true });
  for (const f of ['js/dist/order_preflight.mjs', 'js/dist/order_preflight.wasm']) {
    if (existsSync(join(tree, f))) throw new Error(`the clean tree already has ${f}`);
  }
  const { tarball: packedFile, files } = npmPack(tree, packDir);
  const missing = REQUIRED_IN_TARBALL.filter((f) => !files.includes(f));
  if (missing.length) throw new Error(`npm pack from a clean tree left out ${missing.join(', ')}`);
  const filename = packedFile.slice(packDir.length + 1);
  const hash = createHash('sha256').update(readFileSync(packedFile)).digest('hex').slice(0, 16);
  const dir = join(outRoot, `consumer-${hash}`);
  let reused = existsSync(join(dir, '.installed'));
  if (!reused) {
    for (const old of readdirSync(outRoot).filter((d) => d.startsWith('consumer-'))) {
      rmSync(join(outRoot, old), { recursive: true, force: true });
    }
    const tmp = `${dir}.tmp-${process.pid}`;
    mkdirSync(tmp, { recursive: true });
    cpSync(packedFile, join(tmp, 'order-preflight.tgz'));
    writeFileSync(
      join(tmp, 'package.json'),
      `${JSON.stringify({ name: 'order-preflight-consumer', private: true, type: 'module' }, null, 2)}\n`,
    );
    // No dependencies in the package, so this never needs the network.
    run('npm', ['install', './order-preflight.tgz', '--no-audit', '--no-fund', '--offline'], { cwd: tmp });
    writeFileSync(join(tmp, '.installed'), `${filename} ${hash}\n`);
    try {
      renameSync(tmp, dir);
    } catch (e) {
      rmSync(tmp, { recursive: true, force: true }); // another process won the race
      if (!existsSync(join(dir, '.installed'))) throw e;
      reused = true;
    }
  }
  rmSync(packDir, { recursive: true, force: true });
  rmSync(tree, { recursive: true, force: true });
  syncHarness(dir);
  // The consumer keeps its own copy of the tarball it was installed from (byte-identical when reused).
  prepared = { dir, pkgDir: join(dir, 'node_modules/order-preflight'), tarball: join(dir, 'order-preflight.tgz'), hash, reused, files };
  return prepared;
}

/** Harness files are refreshed on every run: the install is cached, the fixtures and scripts are not. */
function syncHarness(dir) {
  const copy = (from, to, filter) => {
    rmSync(join(dir, to), { recursive: true, force: true });
    cpSync(join(repoRoot, from), join(dir, to), { recursive: true, filter });
  };
  const skipBuilt = (src) => !/[/\\](node_modules|dist|\.wrangler)([/\\]|$)/.test(src);
  copy('tests/fixtures/operations.mjs', 'tests/fixtures/operations.mjs');
  copy('tests/runtimes/shared', 'tests/runtimes/shared');
  copy('tests/runtimes/vite-app', 'tests/runtimes/vite-app', skipBuilt);
  copy('examples/edge-worker', 'edge-worker', skipBuilt);
  writeFileSync(join(dir, 'tests/runtimes/shared/fixture-data.mjs'), fixtureModuleSource());
}

/**
 * Resolves a package's "exports" the way a bundler does for the given conditions (first matching key in
 * the map's own order wins), e.g. ['workerd', 'worker', 'import', 'default'].
 * @returns {string} the target path relative to the package folder, without "./"
 */
export function resolveExport(pkgDir, subpath, conditions) {
  const { exports } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const pick = (target) => {
    if (typeof target === 'string') return target;
    if (target && typeof target === 'object') {
      for (const [key, value] of Object.entries(target)) {
        if (conditions.includes(key) || key === 'default') {
          const hit = pick(value);
          if (hit) return hit;
        }
      }
    }
    return null;
  };
  const hit = pick(exports[subpath]);
  if (!hit) throw new Error(`exports["${subpath}"] has no target for ${conditions.join(', ')}`);
  return hit.replace(/^\.\//, '');
}

/** Every file of a folder, relative paths, sorted. */
export function listFiles(dir, base = dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full, base));
    else out.push(full.slice(base.length + 1));
  }
  return out;
}

/** A port that was free on 127.0.0.1 a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const children = new Set();
const killGroup = (child) => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL'); // its own process group: takes helpers (esbuild, workerd) along
  } catch {
    try { child.kill('SIGKILL'); } catch { /* gone */ }
  }
};
process.on('exit', () => { for (const c of children) killGroup(c); });
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => { for (const c of children) killGroup(c); process.exit(130); });
}

/**
 * Starts a child in its own process group, keeps its output, and kills it (and its group) on stop(),
 * on test failure (register stop with t.after) and when this process exits.
 */
export function startProcess(cmd, args, options = {}) {
  const started = performance.now();
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...options });
  children.add(child);
  let out = '';
  let err = '';
  const lineWaiters = [];
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => { children.delete(child); resolve({ code, signal }); });
    child.on('error', (e) => { children.delete(child); err += `\nspawn error: ${e.message}`; resolve({ code: -1, signal: null }); });
  });
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (d) => {
    out += d;
    for (const w of [...lineWaiters]) {
      const m = out.match(w.re);
      if (m) { lineWaiters.splice(lineWaiters.indexOf(w), 1); w.resolve({ match: m, at: performance.now() }); }
    }
  });
  child.stderr.on('data', (d) => { err += d; });
  return {
    child,
    started,
    exited,
    get stdout() { return out; },
    get stderr() { return err; },
    /** Resolves {match, at} when stdout matches re; rejects on exit or timeout. */
    waitFor(re, timeoutMs = 30_000) {
      const m = out.match(re);
      if (m) return Promise.resolve({ match: m, at: performance.now() });
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${re}\nstdout: ${out}\nstderr: ${err}`)), timeoutMs);
        const w = { re, resolve: (v) => { clearTimeout(timer); resolve(v); } };
        lineWaiters.push(w);
        exited.then(({ code, signal }) => {
          setTimeout(() => {
            if (!lineWaiters.includes(w)) return;
            clearTimeout(timer);
            reject(new Error(`${cmd} exited (${code ?? signal}) before ${re}\nstdout: ${out}\nstderr: ${err}`));
          }, 50);
        });
      });
    },
    async stop() {
      killGroup(child);
      await exited;
    },
  };
}

/** Polls fn until it resolves (not throws) or the time is up; returns its value and when it succeeded. */
export async function until(fn, timeoutMs = 30_000, everyMs = 5) {
  const deadline = performance.now() + timeoutMs;
  let last;
  while (performance.now() < deadline) {
    try {
      const value = await fn();
      return { value, at: performance.now() };
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms: ${last && last.message}`);
}

/** Parses the "conformance {...}" line of a runner and fails the test with every failure listed. */
export function parseConformance(text) {
  const m = text.match(/^conformance (.*)$/m);
  if (!m) throw new Error(`no conformance line in output:\n${text}`);
  return JSON.parse(m[1]);
}

export function describeFailures(report) {
  return report.failures.map((f) => `- ${f.name}: ${f.problem}`).join('\n');
}

/** "# time-to-first-result <runtime> <ms>" in the TAP output. */
export function reportTime(t, runtime, ms) {
  t.diagnostic(`time-to-first-result ${runtime} ${Math.round(ms)}`);
}

let referenceDigest;
/**
 * The envelope digest of the in-tree engine (wasm in this Node process) over the same corpus: every runtime
 * must produce byte-identical envelopes, so every runtime's digest must equal it.
 */
export async function assertSameEnvelopes(t, runtime, report) {
  if (!referenceDigest) {
    const { loadEngine } = await import('../../../js/src/index.js');
    const { runConformance } = await import('../shared/conformance.mjs');
    const { loadFixtures, loadSamples } = await import('../shared/fixtures.mjs');
    referenceDigest = (await runConformance(await loadEngine(), loadFixtures(), loadSamples())).digest;
  }
  t.diagnostic(`envelope digest ${runtime} ${report.digest} (in-tree ${referenceDigest})`);
  if (report.digest !== referenceDigest) {
    throw new Error(`${runtime} envelopes differ from the in-tree engine's: digest ${report.digest} vs ${referenceDigest}`);
  }
}
