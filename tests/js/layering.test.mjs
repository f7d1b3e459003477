// Structural rules: core/ is plain C++ with no Emscripten and no floating point; the glue has no eval.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const repo = new URL('../../', import.meta.url).pathname;

function files(dir, exts) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p, exts));
    else if (exts.some((e) => name.endsWith(e))) out.push(p);
  }
  return out;
}

const coreFiles = files(join(repo, 'core'), ['.cpp', '.hpp', '.h', '.inc', '.def']);

test('core/ includes no Emscripten header', () => {
  const offenders = coreFiles.filter((f) => /#\s*include\s*[<"]emscripten/.test(readFileSync(f, 'utf8')));
  assert.deepEqual(offenders, []);
});

test('core/ never names a floating-point type', () => {
  const offenders = [];
  for (const f of coreFiles) {
    readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
      if (/\b(double|float|long double)\b/.test(line)) offenders.push(`${f}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(offenders, []);
});

test('wasm/ is registration and the guard only', () => {
  const names = readdirSync(join(repo, 'wasm')).sort();
  assert.deepEqual(names, ['CMakeLists.txt', 'bindings.cpp', 'guard.hpp']);
  assert.ok(readFileSync(join(repo, 'wasm/bindings.cpp'), 'utf8').split('\n').length < 150);
});

test('js/ reaches the engine only through the exported names', () => {
  for (const f of files(join(repo, 'js/src'), ['.js'])) {
    const text = readFileSync(f, 'utf8');
    assert.doesNotMatch(text, /from ['"][^'"]*\/(core|wasm)\//, f);
  }
});

test('the built glue has no eval, new Function, require or __dirname', () => {
  const glue = readFileSync(join(repo, 'js/dist/order_preflight.mjs'), 'utf8');
  for (const banned of ['eval(', 'new Function', 'require(', '__dirname']) assert.ok(!glue.includes(banned), banned);
});
