// The golden corpus through the JS API (wasm in Node): the same files the Catch2 walker reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadEngine } from '../../js/src/index.js';
import { operations, normalise } from '../fixtures/operations.mjs';

const root = new URL('../fixtures/', import.meta.url).pathname;
const engine = await loadEngine();
const dirs = (p) => readdirSync(p).filter((d) => statSync(join(p, d)).isDirectory()).sort();
const readJson = (p) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined);

for (const opName of dirs(root)) {
  test(`fixtures/${opName} has a runner`, () => assert.ok(operations[opName], `no entry for ${opName} in operations.mjs`));
  const op = operations[opName];
  if (!op) continue;
  for (const name of dirs(join(root, opName))) {
    test(`fixtures/${opName}/${name}`, () => {
      const dir = join(root, opName, name);
      const inputs = op.inputs.map((input) => readJson(join(dir, `${input}.json`)));
      const actual = engine[op.method](...inputs);
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
      assert.deepStrictEqual(normalise(actual), normalise(expected));
    });
  }
}
