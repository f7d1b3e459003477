// The CLI: reads files or stdin, prints the envelope; exit 0 ok, 1 validation errors, 2 unusable input or usage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = new URL('../../', import.meta.url).pathname;
const seed = join(repo, 'examples/orders/29next-seed000.json');
const dir = mkdtempSync(join(tmpdir(), 'op-cli-'));
const file = (name, value) => {
  const p = join(dir, name);
  writeFileSync(p, typeof value === 'string' ? value : JSON.stringify(value));
  return p;
};
const cli = (args, input) => spawnSync('node', [join(repo, 'js/cli.js'), ...args], { encoding: 'utf8', input });

test('refund prints the seed 000 envelope and exits 0', () => {
  const req = file('req.json', { refund_lines: [{ line_id: 1000, quantity: 1 }], refund_shipping: { full_refund: false, amount_excl_tax: '3.99' } });
  const r = cli(['refund', seed, req]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).result.transactions[0].amount, '63.98');
});

test('validation errors exit 1 with the envelope', () => {
  const r = cli(['refund', seed, file('bad.json', { refund_lines: [{ line_id: 5, quantity: 1 }] })]);
  assert.equal(r.status, 1);
  assert.equal(JSON.parse(r.stdout).errors[0].code, 'LINE_ITEM_NOT_FOUND');
});

test('input that is not JSON exits 2', () => {
  const r = cli(['inspect', file('broken.json', '{"currency": ')]);
  assert.equal(r.status, 2);
  assert.equal(JSON.parse(r.stdout).errors[0].code, 'INVALID_JSON');
});

test('a missing file, an unknown command or a wrong argument count exits 2', () => {
  assert.equal(cli(['inspect', join(dir, 'nope.json')]).status, 2);
  assert.equal(cli(['explode', seed]).status, 2);
  assert.equal(cli(['refund', seed]).status, 2);
  assert.equal(cli(['inspect', seed, '--frobnicate']).status, 2);
  assert.equal(cli([]).status, 2);
});

test('--help lists every command and exits 0', () => {
  const r = cli(['--help']);
  assert.equal(r.status, 0);
  for (const c of ['inspect', 'refund', 'validate-refund', 'edit', 'cancel', 'transition', 'actions', 'statuses', 'machines', 'mermaid'])
    assert.match(r.stdout, new RegExp(`\\b${c}\\b`));
});

test('stdin is read when a file is "-", and options come from --options', () => {
  const options = file('opts.json', { profile: { refund_allocation: 'largest_first' } });
  const r = cli(['inspect', '-', '--options', options, '--compact'], readFileSync(seed, 'utf8'));
  assert.equal(r.status, 0, r.stderr);
  const env = JSON.parse(r.stdout);
  assert.equal(env.result.profile.refund_allocation, 'largest_first');
  assert.equal(r.stdout.trim().split('\n').length, 1);
});

test('edit, cancel, transition, statuses, machines and mermaid run through the CLI', () => {
  assert.equal(cli(['edit', seed, file('e.json', [{ op: 'update_line', line_id: 1000, quantity: 2 }])]).status, 0);
  assert.equal(cli(['cancel', seed, file('c.json', { cancel_reason: 'x', full_refund: true })]).status, 0);
  const t = cli(['transition', file('t.json', { preset: 'shopware', machine: 'order.state', from: 'open', action: 'process' })]);
  assert.equal(JSON.parse(t.stdout).result.to, 'in_progress');
  assert.equal(cli(['transition', file('t2.json', { preset: 'v1', machine: 'status', from: 'cancelled', action: 'cancel' })]).status, 1);
  assert.equal(cli(['statuses', seed]).status, 0);
  assert.ok(JSON.parse(cli(['machines', 'shopware']).stdout).result.machines.length >= 5);
  assert.match(cli(['mermaid', 'v1', 'status']).stdout, /^stateDiagram-v2/);
});

test('Shopware through the CLI: a return, a capture refund, a refused edit and a transition of an entity of the order', async () => {
  const { loadEngine } = await import('../../js/src/index.js');
  const engine = await loadEngine();
  const sample = join(repo, 'examples/orders/shopware-sample.json');
  const order = JSON.parse(readFileSync(sample, 'utf8'));
  const [shirt] = order.data.lineItems;
  const capture = order.data.transactions[0].captures[0];
  const delivery = order.data.deliveries[0];
  const ret = { lineItems: [{ orderLineItemId: shirt.id, quantity: 1 }], shippingCosts: '4.90' };
  const r = cli(['return', sample, file('sw-return.json', ret)]);
  assert.equal(r.status, 0, r.stdout);
  assert.deepEqual(JSON.parse(r.stdout), engine.previewReturn(order, ret));
  const refund = { captureId: capture.id, positions: [{ orderLineItemId: shirt.id, quantity: 1 }] };
  const c = cli(['capture-refund', sample, file('sw-capture.json', refund)]);
  assert.deepEqual(JSON.parse(c.stdout), engine.previewCaptureRefund(order, refund));
  assert.equal(c.status, engine.previewCaptureRefund(order, refund).ok ? 0 : 1);
  const e = cli(['edit', sample, file('sw-edit.json', [{ op: 'update_line', line_id: shirt.id, quantity: shirt.quantity + 1 }])]);
  assert.equal(e.status, 1);
  assert.equal(JSON.parse(e.stdout).errors[0].code, 'LINE_NOT_EDITABLE');
  const t = cli(['transition', file('sw-t.json', { preset: 'shopware', entity: { type: 'order_delivery', id: delivery.id }, order, action: 'retour' })]);
  assert.equal(JSON.parse(t.stdout).result.from, delivery.stateMachineState.technicalName);
});
