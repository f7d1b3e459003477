// Static checks on the built glue and the packed files (no eval, no new Function, no require, no
// __dirname), and the sizes: wasm and glue raw/gzip, reported in the TAP output.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { gzipSync } from 'node:zlib';
import { prepareConsumer, repoRoot } from './support/setup.mjs';

const FORBIDDEN = [
  ['eval(', /(?<![\w$.])eval\s*\(/],
  ['new Function', /\bnew\s+Function\b/],
  ['require(', /(?<![\w$.])require\s*\(/],
  ['__dirname', /\b__dirname\b/],
];

/** Every forbidden construct in a text, with its line number. */
function forbiddenIn(text) {
  const hits = [];
  text.split('\n').forEach((line, i) => {
    for (const [name, re] of FORBIDDEN) if (re.test(line)) hits.push(`${name} at line ${i + 1}: ${line.trim().slice(0, 100)}`);
  });
  return hits;
}

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

test('the checker finds each forbidden construct (control)', () => {
  const sample = 'x = eval("1");\nf = new Function("a", "b");\nm = require("fs");\np = __dirname;\nretrieval(1); obj.eval(2);';
  assert.deepEqual(forbiddenIn(sample).map((h) => h.split(' at ')[0]), ['eval(', 'new Function', 'require(', '__dirname']);
});

test('built glue js/dist/order_preflight.mjs: no eval(, new Function, require(, __dirname', () => {
  const glue = readFileSync(join(repoRoot, 'js/dist/order_preflight.mjs'), 'utf8');
  assert.deepEqual(forbiddenIn(glue), []);
  assert.match(glue, /export default/, 'an ES module (EXPORT_ES6)');
});

test('every packed JS module (js/src, glue, CLI) is free of them too', (t) => {
  const c = prepareConsumer();
  const dir = join(c.pkgDir, 'js');
  const files = [];
  const walk = (d) => readdirSync(d).forEach((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : files.push(join(d, f))));
  walk(dir);
  const modules = files.filter((f) => /\.(m?js)$/.test(f));
  assert.ok(modules.length >= 5, `${modules.length} modules packed`);
  for (const f of modules) assert.deepEqual(forbiddenIn(readFileSync(f, 'utf8')), [], f);
  t.diagnostic(`checked ${modules.length} packed modules`);
});

// The budgets (wasm ≤ 100 KB gzip, glue ≤ 10 KB gzip) belong to `npm run bench` (SPEC §7); here they are
// reported next to the sizes so a change shows up in every test run.
test('sizes: wasm and glue raw/gzip and the tarball, reported against the SPEC §7 budgets', (t) => {
  const c = prepareConsumer();
  const wasm = readFileSync(join(repoRoot, 'js/dist/order_preflight.wasm'));
  const glue = readFileSync(join(repoRoot, 'js/dist/order_preflight.mjs'));
  const sizes = { wasm: [wasm.length, gz(wasm)], glue: [glue.length, gz(glue)] };
  for (const [name, [raw, gzip]] of Object.entries(sizes)) {
    t.diagnostic(`size ${name} raw ${raw} gzip ${gzip} (${kb(raw)} / ${kb(gzip)})`);
  }
  t.diagnostic(`size tarball ${statSync(c.tarball).size}`);
  const budget = { wasm: 100 * 1024, glue: 10 * 1024 };
  for (const [name, limit] of Object.entries(budget)) {
    const gzip = sizes[name][1];
    t.diagnostic(`budget ${name} gzip ${kb(gzip)} of ${kb(limit)}${gzip > limit ? ' OVER BUDGET' : ''}`);
  }
  assert.ok(WebAssembly.validate(wasm), 'the packed wasm validates');
  assert.ok(sizes.glue[0] > 1000 && sizes.wasm[0] > 1000, 'non-trivial artefacts');
});

test('the tarball holds the package files only', (t) => {
  const c = prepareConsumer();
  const r = spawnSync('tar', ['-tzf', c.tarball], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const files = r.stdout.trim().split('\n').map((f) => f.replace(/^package\//, '')).sort();
  for (const f of ['package.json', 'js/dist/order_preflight.mjs', 'js/dist/order_preflight.wasm', 'js/src/index.js', 'js/src/browser.js', 'js/src/workerd.js', 'js/cli.js']) {
    assert.ok(files.includes(f), `${f} is missing from the tarball`);
  }
  const stray = files.filter((f) => !/^(package\.json|README(\.md)?|LICENSE(\.md)?|CHANGELOG\.md|js\/.*|docs\/(api|rules)\.md|examples\/.*)$/i.test(f));
  assert.deepEqual(stray, [], 'files outside js/, the user docs and examples/ in the tarball');
  const { files: declared } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const absent = declared.filter((d) => !files.some((f) => f === d || f.startsWith(d)));
  if (absent.length) t.diagnostic(`declared in "files" but not built yet: ${absent.join(', ')}`);
  t.diagnostic(`tarball ${files.length} files: ${files.join(' ')}`);
});
