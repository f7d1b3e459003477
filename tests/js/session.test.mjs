// Sessions (SPEC 4.5): parse once, preview many; same envelopes as one-shot calls; closing is explicit,
// with Symbol.dispose where the runtime has it; using a closed session is a coded envelope.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadEngine } from '../../js/src/index.js';

const engine = await loadEngine();
const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const read = (p) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined);

// Every edit, refund and cancel fixture gives the same envelope through a session as one-shot.
for (const [folder, method, sessionMethod] of [
  ['edit', 'previewEdit', 'previewEdit'],
  ['refund', 'calculateRefund', 'calculateRefund'],
  ['validate-refund', 'validateRefund', 'validateRefund'],
  ['cancel', 'previewCancel', 'previewCancel'],
]) {
  test(`a session answers every ${folder} fixture exactly as the one-shot call`, () => {
    let compared = 0;
    for (const name of readdirSync(join(fixtures, folder)).sort()) {
      const dir = join(fixtures, folder, name);
      const order = read(join(dir, 'order.json'));
      const request = read(join(dir, 'request.json'));
      const options = read(join(dir, 'options.json'));
      const oneShot = engine[method](order, request, options);
      const session = engine.openOrder(order, options);
      if (!session.ok) {
        assert.deepStrictEqual(session.envelope.errors, oneShot.errors, name);
        continue;
      }
      // Options fixed at open (profile, dialect, limits) are not repeated per call.
      const { profile, dialect, limits, tax_inclusive: taxInclusive, ...perCall } = options ? JSON.parse(options) : {};
      try {
        assert.deepStrictEqual(session[sessionMethod](request, perCall), oneShot, name);
        compared += 1;
      } finally {
        session.close();
      }
    }
    assert.ok(compared > 5);
    assert.equal(engine.openSessionCount(), 0);
  });
}

test('a closed session answers SESSION_CLOSED and the engine goes on', () => {
  const order = read(new URL('../../examples/orders/29next-seed000.json', import.meta.url).pathname);
  const s = engine.openOrder(order);
  assert.equal(s.ok, true);
  assert.equal(s.previewEdit([{ op: 'update_line', line_id: 1000, quantity: 2 }]).result.balance, '-59.99');
  s.close();
  s.close(); // closing twice is harmless
  assert.equal(s.closed, true);
  const env = s.calculateRefund({ refund_lines: [{ line_id: 1000, quantity: 1 }] });
  assert.equal(env.ok, false);
  assert.equal(env.errors[0].code, 'SESSION_CLOSED');
  assert.equal(engine.inspectOrder(order).ok, true);
});

test('an order that cannot be opened gives a session whose every answer says why', () => {
  const s = engine.openOrder('{"currency": "USD"');
  assert.equal(s.ok, false);
  assert.equal(s.errors[0].code, 'INVALID_JSON');
  assert.equal(s.previewEdit([]).errors[0].code, 'INVALID_JSON');
  s.close();
});

test('sessions close with Symbol.dispose where the runtime has it', { skip: typeof Symbol.dispose !== 'symbol' && 'no Symbol.dispose in this Node' }, () => {
  const s = engine.openOrder(read(new URL('../../examples/orders/29next-seed000.json', import.meta.url).pathname));
  s[Symbol.dispose]();
  assert.equal(s.closed, true);
});

test('profile and dialect are fixed when the session opens', () => {
  const order = read(new URL('../../examples/orders/29next-seed000.json', import.meta.url).pathname);
  const s = engine.openOrder(order, { profile: { proration: 'floor' } });
  const env = s.calculateRefund({ refund_lines: [{ line_id: 1000, quantity: 1 }] }, { profile: { proration: 'half_up' } });
  assert.ok(env.warnings.some((w) => w.code === 'INVALID_OPTION' && w.path === 'options.profile'));
  s.close();
});

test('a session preview does not re-read the order (it costs far less than a one-shot preview)', () => {
  const base = JSON.parse(read(new URL('../../examples/orders/29next-seed000.json', import.meta.url).pathname));
  base.lines = Array.from({ length: 1000 }, (_, i) => ({ ...base.lines[0], id: i + 1 }));
  delete base.total_incl_tax;
  base.transactions[0].amount = '179974.99';
  const text = JSON.stringify(base);
  const edits = [{ op: 'update_line', line_id: 7, quantity: 2 }];
  const s = engine.openOrder(text);
  const time = (fn, n) => {
    const t = performance.now();
    for (let i = 0; i < n; i++) fn();
    return (performance.now() - t) / n;
  };
  time(() => s.previewEdit(edits), 3);
  const session = time(() => s.previewEdit(edits), 10);
  const oneShot = time(() => engine.previewEdit(text, edits), 10);
  s.close();
  // Not a speed assertion: the session must merely avoid the order parse, so it cannot cost as much.
  assert.ok(session < oneShot, `session ${session.toFixed(2)} ms vs one-shot ${oneShot.toFixed(2)} ms`);
});
