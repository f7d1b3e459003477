// Headless Chromium (Debian's /usr/bin/chromium via playwright-core): a page served from the consumer folder
// on 127.0.0.1 imports the installed package's "browser" entry by relative path and runs the conformance
// under CSP script-src 'self' 'wasm-unsafe-eval'. Any console error or CSP violation fails the test; a
// control run under script-src 'self' must be refused.
import assert from 'node:assert/strict';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { assertSameEnvelopes, describeFailures, prepareConsumer, repoRoot, reportTime, resolveExport } from '../runtimes/support/setup.mjs';
import { launch, runPage } from './support/chromium.mjs';
import { CSP, startStaticServer } from './support/static-server.mjs';

const BROWSER_CONDITIONS = ['browser', 'import', 'default'];

function preparePage() {
  const c = prepareConsumer();
  const pageDir = join(c.dir, 'browser-page');
  rmSync(pageDir, { recursive: true, force: true });
  cpSync(join(repoRoot, 'tests/browser/support/runtime-page'), pageDir, { recursive: true });
  const entry = resolveExport(c.pkgDir, '.', BROWSER_CONDITIONS);
  writeFileSync(join(pageDir, 'entry.mjs'), `export * from '../node_modules/order-preflight/${entry}';\n`);
  return { c, entry };
}

test('Chromium: conformance of the packed package under a strict CSP', async (t) => {
  const { c, entry } = preparePage();
  t.diagnostic(`browser entry: ${entry}`);
  const server = await startStaticServer(c.dir, { csp: CSP.wasm });
  t.after(() => server.close());
  const { browser, launchedAt } = await launch(t);

  const run = await runPage(browser, `${server.url}/browser-page/`);
  assert.equal(run.state.error, undefined, run.state.error);
  assert.ok(run.firstResultAt, 'the page reported its first result');
  reportTime(t, 'chromium', run.firstResultAt - launchedAt);
  t.diagnostic(`chromium page-load-to-first-result ${Math.round(run.firstResultAt - run.navigatedAt)} ms (launch ${Math.round(run.navigatedAt - launchedAt)} ms; in page: modules ${Math.round(run.state.modulesLoadedMs)} ms, first result ${Math.round(run.state.firstResultMs)} ms)`);
  assert.deepEqual(run.problems, [], 'no console errors, page errors or failed requests');
  assert.deepEqual(run.csp, [], 'no CSP violations');
  const { report } = run.state;
  t.diagnostic(`conformance chromium ${report.passed} passed, ${report.failed} failed`);
  assert.equal(report.failed, 0, `chromium conformance failures:\n${describeFailures(report)}`);
  await assertSameEnvelopes(t, 'chromium', report);
  assert.ok(report.passed >= 5, `only ${report.passed} checks ran`);
  assert.match(run.text, /passed, 0 failed/);

  const wasm = server.requests.filter((r) => r.path.endsWith('.wasm'));
  assert.deepEqual(wasm.map((r) => [r.path, r.status, r.type]), [
    [`/node_modules/order-preflight/js/dist/order_preflight.wasm`, 200, 'application/wasm'],
  ], 'the wasm next to the module was fetched once, as application/wasm');
  // The warm path: a second page in the same browser.
  const again = await runPage(browser, `${server.url}/browser-page/`);
  t.diagnostic(`chromium second page load-to-first-result ${Math.round(again.firstResultAt - again.navigatedAt)} ms`);
  assert.equal(again.state.report?.failed, 0);
});

test("Chromium control: without 'wasm-unsafe-eval' the CSP refuses the wasm and the loader says so", async (t) => {
  const { c } = preparePage();
  const server = await startStaticServer(c.dir, { csp: CSP.strict });
  t.after(() => server.close());
  const { browser } = await launch(t);
  const run = await runPage(browser, `${server.url}/browser-page/`);
  // loadEngine rejects with an order-preflight error that carries the browser's CSP reason.
  assert.match(run.state.error ?? '', /^Error: order-preflight: .*Content[- ]Security[- ]Policy/i, 'loadEngine rejects, naming the CSP');
  assert.ok(run.csp.some((v) => /script-src/.test(v.directive) && v.blocked === 'wasm-eval'), `violations: ${JSON.stringify(run.csp)}`);
  t.diagnostic(`control error: ${run.state.error.split('\n')[0]}`);
});
