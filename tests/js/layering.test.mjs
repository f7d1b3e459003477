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

test('wasm/ is registration, the guard and the two libc replacements only', () => {
  const names = readdirSync(join(repo, 'wasm')).sort();
  assert.deepEqual(names, ['CMakeLists.txt', 'bindings.cpp', 'guard.hpp', 'libc_slim.cpp']);
  const slim = readFileSync(join(repo, 'wasm/libc_slim.cpp'), 'utf8');
  const defined = [...slim.matchAll(/^(?:double|float|long double|int) (\w+)\(/gm)].map((m) => m[1]).sort();
  assert.deepEqual(defined, ['snprintf', 'strtod', 'strtod_l', 'strtof', 'strtof_l', 'strtold', 'strtold_l']);
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

// Folders of core/ from the top down: a file may include its own folder and the folders below it, never one
// above (docs/architecture.md). json, money and diag form the bottom layer together.
const layers = [['api'], ['status'], ['ops'], ['platforms'], ['order'], ['json', 'money', 'diag']];
const layerOf = (folder) => layers.findIndex((names) => names.includes(folder));

test('every core/ folder belongs to a layer', () => {
  const folders = readdirSync(join(repo, 'core')).filter((n) => statSync(join(repo, 'core', n)).isDirectory());
  assert.deepEqual(folders.filter((f) => layerOf(f) < 0), []);
});

// The includes of one file (path under core/, text) that reach a layer above its own.
function upwardIncludes(path, text) {
  const from = path.split('/')[0];
  const out = [];
  text.split('\n').forEach((line, i) => {
    const m = line.match(/^#\s*include\s*"([^"]+)"/);
    if (!m) return;
    const target = join('/', path, '..', m[1]).slice(1);
    if (target.startsWith('..')) return;
    const to = target.split('/')[0];
    if (layers.some((names) => names.includes(to)) && layerOf(to) < layerOf(from)) out.push(`core/${path}:${i + 1}: ${from} includes ${to}`);
  });
  return out;
}

test('core/ folders include only their own layer and the layers below', () => {
  const offenders = coreFiles.flatMap((f) => upwardIncludes(f.slice(join(repo, 'core').length + 1), readFileSync(f, 'utf8')));
  assert.deepEqual(offenders, []);
});

test('the layering check reports an upward include', () => {
  assert.deepEqual(upwardIncludes('platforms/29next/edit.cpp', '#include "../../ops/ops.hpp"\n#include "../plan.hpp"'), [
    'core/platforms/29next/edit.cpp:1: platforms includes ops',
  ]);
  assert.deepEqual(upwardIncludes('ops/cancel.cpp', '#include "../platforms/platform.hpp"\n#include "call.hpp"'), []);
});

test('no platform is named outside core/platforms: operations ask the platform table', () => {
  const names = /Platform::|Dialect::|"(29next|v1|elasticpath|shopware)"/;
  const offenders = [];
  for (const f of coreFiles) {
    if (f.includes('/core/platforms/') || f.includes('/core/status/presets/')) continue;
    readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
      if (names.test(line)) offenders.push(`${f}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(offenders, []);
});

test('every wasm export runs inside a catch-all guard', () => {
  const src = readFileSync(join(repo, 'wasm/bindings.cpp'), 'utf8');
  const exports = [...src.matchAll(/function\("(\w+)", &([\w<>:]+)\)/g)];
  assert.ok(exports.length >= 24, `exports found: ${exports.length}`);
  const unguarded = exports.filter(([, , fn]) => {
    if (fn.startsWith('exported<')) return !/publish\(op::wasm::guarded\(/.test(src.slice(src.indexOf('std::size_t exported(')));
    const body = src.match(new RegExp(`^[\\w:<> ]+\\b${fn}\\([^)]*\\)[^{]*\\{([\\s\\S]*?)\\n\\}`, 'm'));
    return !body || !/op::wasm::guarded(_value)?\(/.test(body[1]);
  }).map(([, name]) => name);
  assert.deepEqual(unguarded, []);
});
