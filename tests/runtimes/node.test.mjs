// Node 20: the packed tarball, installed into an empty folder, under --disallow-code-generation-from-strings.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import test from 'node:test';
import { conformanceIn, RUNNER } from './support/cli-runtime.mjs';
import { REQUIRED_IN_TARBALL, prepareConsumer, repoRoot } from './support/setup.mjs';

const sha = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

test('npm pack from a clean tree: the tarball installs into an empty folder with the built glue, wasm, docs and examples', (t) => {
  const c = prepareConsumer(); // packs a copy of the tree without js/dist: prepack builds it
  assert.deepEqual(REQUIRED_IN_TARBALL.filter((f) => !c.files.includes(f)), []);
  for (const f of REQUIRED_IN_TARBALL) assert.ok(existsSync(join(c.pkgDir, f)), `${f} installed`);
  t.diagnostic(`tarball ${c.tarball} sha256:${c.hash} ${c.reused ? '(cached install)' : '(fresh install)'}`);
  const installed = JSON.parse(readFileSync(join(c.pkgDir, 'package.json'), 'utf8'));
  const repo = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  assert.equal(installed.version, repo.version);
  assert.deepEqual(installed.exports, repo.exports);
  for (const f of ['js/dist/order_preflight.mjs', 'js/dist/order_preflight.wasm']) {
    assert.equal(sha(join(c.pkgDir, f)), sha(join(repoRoot, f)), `${f} in the tarball differs from the build`);
  }
  assert.equal(installed.devDependencies?.wrangler, repo.devDependencies?.wrangler); // same manifest
});

test('the flag really forbids code generation from strings', () => {
  const r = spawnSync(process.execPath, ['--disallow-code-generation-from-strings', '--input-type=module', '-e',
    "try { new Function('return 1'); console.log('allowed'); } catch (e) { console.log(e.name); }"], { encoding: 'utf8' });
  assert.equal(r.stdout.trim(), 'EvalError');
});

test('Node: conformance of the packed package, no code generation from strings', async (t) => {
  await conformanceIn(t, {
    runtime: 'node',
    cmd: process.execPath,
    args: ['--disallow-code-generation-from-strings', RUNNER],
    conditions: ['node', 'import', 'default'],
  });
});

test('Node: the packed CLI prints the envelope and exits 0 / 2', (t) => {
  const c = prepareConsumer();
  const cli = join(c.dir, 'node_modules/.bin/order-preflight');
  const ok = spawnSync(cli, ['inspect', join(repoRoot, 'examples/orders/29next-seed000.json')], { encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout).ok, true);
  const badFile = join(c.dir, 'not-json.json');
  writeFileSync(badFile, '{"lines": [');
  const bad = spawnSync(cli, ['inspect', badFile], { encoding: 'utf8' });
  assert.equal(bad.status, 2, bad.stderr);
  const env = JSON.parse(bad.stdout);
  assert.equal(env.ok, false);
  assert.equal(env.errors[0].code, 'INVALID_JSON');
  t.diagnostic(`cli inspect exit ${ok.status}, malformed input exit ${bad.status}`);
});

test('control: the conformance run reports a fixture whose expectation is wrong', async () => {
  const c = prepareConsumer();
  const { loadEngine } = await import(pathToFileURL(join(c.pkgDir, 'js/src/index.js')).href);
  const { runConformance } = await import('./shared/conformance.mjs');
  const { loadFixtures, loadSamples } = await import('./shared/fixtures.mjs');
  const engine = await loadEngine();
  const [fx] = loadFixtures().filter((f) => f.expected && f.expected.ok === true);
  assert.ok(fx, 'an ok fixture exists');
  const tampered = { ...fx, name: `${fx.name} (tampered)`, expected: { ...fx.expected, warnings: [...fx.expected.warnings, { code: 'X', path: '', message: '' }] } };
  const report = await runConformance(engine, [tampered], loadSamples());
  const names = report.failures.map((f) => f.name);
  assert.ok(names.includes(`fixture ${fx.op}/${tampered.name}`), `reported: ${names}`);
});
