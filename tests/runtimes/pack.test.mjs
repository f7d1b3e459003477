// npm pack from a fresh clone: no build/, no js/dist/. The prepack step must build the engine from scratch
// and the tarball must carry it with the docs and examples — or, without the toolchain, npm pack must fail
// with a message naming what is missing and write no tarball.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { REQUIRED_IN_TARBALL, cleanTree, npmPack, outRoot, repoRoot } from './support/setup.mjs';

const sha = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

test('npm pack in a fresh clone builds the wasm from scratch and ships it with docs and examples', { timeout: 20 * 60_000 }, (t) => {
  const tree = cleanTree('fresh-clone'); // no shared build: prepack configures and compiles everything
  t.after(() => rmSync(tree, { recursive: true, force: true }));
  assert.ok(!existsSync(join(tree, 'build')) && !existsSync(join(tree, 'js/dist')), 'the copy starts clean');
  const dest = join(tree, 'packed');
  mkdirSync(dest);
  const started = Date.now();
  const { tarball, files } = npmPack(tree, dest);
  t.diagnostic(`npm pack from scratch: ${((Date.now() - started) / 1000).toFixed(1)} s, ${files.length} files`);
  assert.deepEqual(REQUIRED_IN_TARBALL.filter((f) => !files.includes(f)), [], 'every required file is in the tarball');
  // What tar sees, not only what npm reports.
  const listed = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.split('\n').map((l) => l.replace(/^package\//, ''));
  for (const f of REQUIRED_IN_TARBALL) assert.ok(listed.includes(f), `${f} in ${tarball}`);
  assert.ok(!listed.some((f) => /^(core|wasm|tests|build|bench|demo)\//.test(f)), 'sources and tests stay out');
  // The build is deterministic: the same bytes as the repo's js/dist, which the other runtime suites test.
  for (const f of ['js/dist/order_preflight.mjs', 'js/dist/order_preflight.wasm']) {
    if (existsSync(join(repoRoot, f))) assert.equal(sha(join(tree, f)), sha(join(repoRoot, f)), `${f} differs from the repo's build`);
  }
});

test('npm pack without the toolchain fails, names what is missing and writes no tarball', (t) => {
  const tree = cleanTree('no-toolchain');
  t.after(() => rmSync(tree, { recursive: true, force: true }));
  // A PATH with node, npm and a shell only: no cmake, no emcc.
  const binDir = join(outRoot, `bin-${process.pid}`);
  rmSync(binDir, { recursive: true, force: true });
  mkdirSync(binDir, { recursive: true });
  t.after(() => rmSync(binDir, { recursive: true, force: true }));
  for (const tool of ['node', 'npm', 'sh']) {
    const where = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    symlinkSync(where, join(binDir, tool));
  }
  const dest = join(tree, 'packed');
  mkdirSync(dest);
  const r = spawnSync('npm', ['pack', '--pack-destination', dest], {
    cwd: tree, encoding: 'utf8', env: { ...process.env, PATH: binDir },
  });
  const output = `${r.stdout}${r.stderr}`;
  assert.notEqual(r.status, 0, output);
  assert.match(output, /order-preflight prepack: cannot build the WebAssembly engine/);
  assert.match(output, /cmake/);
  assert.match(output, /emcc/);
  assert.deepEqual(readdirSync(dest), [], 'no tarball written');
});
