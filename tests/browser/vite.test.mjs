// A Vite build of a tiny consumer app (tests/runtimes/vite-app, copied next to the installed tarball):
// Vite must pick the "browser" export, emit order_preflight.wasm as an asset, and the built app must pass
// the conformance in headless Chromium under CSP script-src 'self' 'wasm-unsafe-eval'.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { describeFailures, prepareConsumer, repoRoot, reportTime } from '../runtimes/support/setup.mjs';
import { launch, runPage } from './support/chromium.mjs';
import { CSP, startStaticServer } from './support/static-server.mjs';

const sha = (buf) => createHash('sha256').update(buf).digest('hex');

test('Vite: the build emits the wasm asset and the app runs in Chromium', async (t) => {
  const c = prepareConsumer();
  const appDir = join(c.dir, 'tests/runtimes/vite-app');
  const outDir = join(c.dir, 'vite-dist');
  const started = performance.now();
  const r = spawnSync(process.execPath, [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: appDir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  assert.equal(r.status, 0, `vite build failed:\n${r.stdout}\n${r.stderr}`);
  t.diagnostic(`vite build ${Math.round(performance.now() - started)} ms ${r.stderr.trim() ? `(warnings: ${r.stderr.trim().slice(0, 300)})` : ''}`);

  const assets = readdirSync(join(outDir, 'assets'));
  const wasm = assets.filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `one wasm asset in ${assets}`);
  assert.equal(sha(readFileSync(join(outDir, 'assets', wasm[0]))), sha(readFileSync(join(c.pkgDir, 'js/dist/order_preflight.wasm'))));
  const js = assets.filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(outDir, 'assets', f), 'utf8')).join('\n');
  assert.ok(js.includes(wasm[0]), 'the bundle refers to the emitted wasm asset');
  assert.doesNotMatch(js, /node:fs|Deno\.readFile/, 'the browser export was bundled, not the Node one');
  t.diagnostic(`vite assets: ${assets.join(' ')}`);

  const server = await startStaticServer(outDir, { csp: CSP.wasm });
  t.after(() => server.close());
  const { browser, launchedAt } = await launch(t);
  const run = await runPage(browser, `${server.url}/`);
  assert.equal(run.state.error, undefined, run.state.error);
  reportTime(t, 'chromium-vite', run.firstResultAt - launchedAt);
  t.diagnostic(`chromium-vite page-load-to-first-result ${Math.round(run.firstResultAt - run.navigatedAt)} ms`);
  assert.deepEqual(run.problems, [], 'no console errors, page errors or failed requests');
  assert.deepEqual(run.csp, [], 'no CSP violations');
  const { report } = run.state;
  t.diagnostic(`conformance chromium-vite ${report.passed} passed, ${report.failed} failed`);
  assert.equal(report.failed, 0, `vite app conformance failures:\n${describeFailures(report)}`);
  assert.ok(report.passed >= 5, `only ${report.passed} checks ran`);
  assert.ok(server.requests.some((q) => q.path === `/assets/${wasm[0]}` && q.type === 'application/wasm' && q.status === 200));
});
