// An order given as an object answers exactly as the same order given as JSON text: the package's
// JSON.stringify path and the text path meet in the same engine call (every fixture of the order operations).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadEngine } from '../../js/src/index.js';
import { operations } from '../fixtures/operations.mjs';

const engine = await loadEngine();
const root = new URL('../fixtures/', import.meta.url).pathname;

for (const folder of ['inspect', 'refund', 'validate-refund', 'cancel', 'statuses']) {
  test(`${folder}: an order object answers exactly as its JSON text`, () => {
    const op = operations[folder];
    let compared = 0;
    for (const name of readdirSync(join(root, folder)).sort()) {
      const texts = op.inputs.map((i) => {
        const p = join(root, folder, name, `${i}.json`);
        return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
      });
      const orderIndex = op.inputs.indexOf('order');
      let parsed;
      try {
        parsed = JSON.parse(texts[orderIndex]);
      } catch {
        continue; // a malformed order cannot be an object
      }
      const objects = [...texts];
      objects[orderIndex] = parsed;
      assert.deepStrictEqual(engine[op.method](...objects), engine[op.method](...texts), `${folder}/${name}`);
      compared += 1;
    }
    assert.ok(compared > 3);
  });
}
