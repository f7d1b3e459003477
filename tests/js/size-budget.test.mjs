// The shipped .wasm and glue stay within the committed budget (tests/api/size-budget.json): growth is a
// decision, made by raising the number in the same commit with the reason, never an accident.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const repo = new URL('../../', import.meta.url).pathname;
const budget = JSON.parse(readFileSync(`${repo}tests/api/size-budget.json`, 'utf8'));

test('the budget file is complete: a limit and a reason for each artefact', () => {
  assert.deepEqual(Object.keys(budget.limits).sort(), ['js/dist/order_preflight.mjs', 'js/dist/order_preflight.wasm']);
  for (const limit of Object.values(budget.limits)) {
    assert.ok(Number.isInteger(limit.raw) && Number.isInteger(limit.gzip) && limit.gzip < limit.raw, JSON.stringify(limit));
  }
  assert.ok(budget.history.length > 0 && budget.history.every((h) => typeof h.reason === 'string' && h.reason.length > 20));
});

for (const [file, limit] of Object.entries(budget.limits)) {
  test(`${file} is within its size budget (raw and gzip -9)`, (t) => {
    assert.ok(existsSync(`${repo}${file}`), `${file} is missing: run \`bash scripts/build.sh wasm\``);
    const bytes = readFileSync(`${repo}${file}`);
    const size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    t.diagnostic(`${file}: raw ${size.raw} of ${limit.raw}, gzip ${size.gzip} of ${limit.gzip}`);
    for (const kind of ['raw', 'gzip']) {
      assert.ok(
        size[kind] <= limit[kind],
        `${file} is ${size[kind]} bytes ${kind}, over its budget of ${limit[kind]} by ${size[kind] - limit[kind]}. ` +
          'If the growth is intended, raise the limit in tests/api/size-budget.json in the same commit and add a ' +
          'history entry with the measured sizes and the reason.',
      );
    }
  });
}
