// The interactive demo (demo/, served by scripts/start.mjs as `npm start` does), clicked in headless
// Chromium. Every number the page shows is compared with what the engine answers in Node for the same
// input (loadEngine from js/src/index.js). Any console error, failed request, request to another origin
// or CSP violation fails the test. Screenshots of every panel at laptop and phone width go to
// test-output/demo/.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import test from 'node:test';
import { loadEngine } from '../../js/src/index.js';
import { launch } from './support/chromium.mjs';
import { VIEWPORTS, assertClean, fieldError, openDemo, screenshot, unlabelledControls, waitEdits, waitRefund, assertNoHorizontalScroll } from './support/demo-page.mjs';
import { repoRoot, startDemo } from './support/demo-server.mjs';

const engine = await loadEngine();
const sampleText = (name) => readFileSync(join(repoRoot, 'examples/orders', `${name}.json`), 'utf8');
const sample = (name) => JSON.parse(sampleText(name));
const DEFAULT_PROFILE = { rounding: 'half_up', proration: 'half_up', refund_allocation: 'oldest_first' };
const DEFAULT_NOTE = 'Refund previewed with order-preflight';

function rawGet(url, path) {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = httpRequest({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end();
  });
}

test('demo in Chromium', async (t) => {
  const server = await startDemo(t);
  t.diagnostic(`demo at ${server.url}`);
  const { browser } = await launch(t);

  await t.test('the server sends the strict CSP, application/wasm and nothing outside the package', async () => {
    const html = readFileSync(join(repoRoot, 'demo/index.html'), 'utf8');
    const map = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html)[1];
    assert.deepEqual(JSON.parse(map), { imports: { 'order-preflight': '/pkg/js/src/browser.js' } });
    const hash = createHash('sha256').update(map).digest('base64');
    const page = await fetch(server.url);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-security-policy'),
      `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash}'; style-src 'self'`);
    assert.doesNotMatch(await page.text(), /<script(?![^>]*(type="importmap"|src=))|style=|<style/i, 'no inline script or style');
    const wasm = await fetch(new URL('/pkg/js/dist/order_preflight.wasm', server.url));
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    assert.ok(wasm.headers.get('content-security-policy'));
    await wasm.arrayBuffer();
    assert.equal(await rawGet(server.url, '/pkg/js/src/..%2f..%2fpackage.json'), 404, 'no path traversal');
    assert.equal(await rawGet(server.url, '/pkg/core/'), 404, 'only js/src and js/dist of the package');
  });

  await t.test('the page loads the package through the import map; every control is labelled', async () => {
    const demo = await openDemo(browser, server.url);
    const { page } = demo;
    assert.match(await page.textContent('#engine-status'), /^Engine \d+\.\d+\.\d+ ready/);
    const paths = demo.requests.map((r) => new URL(r.url).pathname);
    assert.ok(paths.includes('/pkg/js/src/browser.js'), 'the bare specifier resolved to the package entry');
    const wasm = demo.requests.filter((r) => r.url.endsWith('.wasm'));
    assert.deepEqual(wasm.map((r) => [new URL(r.url).pathname, r.status, r.type]), [['/pkg/js/dist/order_preflight.wasm', 200, 'application/wasm']]);
    assert.match(await page.textContent('#order-summary'), /100777/);
    // Open every panel and the own-order box so every control exists, then look for missing labels.
    await page.click('#own-order summary');
    for (const tab of ['#tab-refund', '#tab-status', '#tab-edit']) await page.click(tab);
    await page.click('#add-line');
    assert.deepEqual(await unlabelledControls(page), []);
    // Keyboard: arrow keys move between tabs.
    await page.focus('#tab-edit');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.getAttribute('#tab-refund', 'aria-selected'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-refund');
    assert.equal(await page.isVisible('#panel-refund'), true);
    assert.equal(await page.isVisible('#panel-edit'), false);
    await assertClean(assert, demo, 'load');
    await demo.close();
  });

  await t.test('edit: a quantity change shows the totals and balance the engine computes', async () => {
    const demo = await openDemo(browser, server.url);
    const { page } = demo;
    const order = sample('29next-sample');
    {
      const edits = [{ op: 'update_line', line_id: 2002, quantity: 5 }];
      await page.fill('#edit-qty-1', '5');
      await waitEdits(page, edits);
      const expected = engine.previewEdit(order, edits, { profile: DEFAULT_PROFILE });
      assert.equal(expected.ok, true);
      const r = expected.result;
      const shown = await page.$$eval('#edit-totals tbody tr', (rows) => rows.map((tr) => [tr.dataset.total,
        ...['before', 'after', 'delta'].map((c) => tr.querySelector(`[data-col=${c}]`).textContent)]));
      for (const [key, before, after, delta] of shown) {
        assert.equal(before, r.totals_before[key], `${key} before`);
        assert.equal(after, r.totals_after[key], `${key} after`);
        if (key in r.delta) assert.equal(delta.replace(/^\+/, ''), r.delta[key], `${key} change`);
      }
      assert.equal(shown.length, 8);
      assert.equal(await page.getAttribute('#edit-balance', 'data-balance'), r.balance);
      assert.equal(await page.getAttribute('#edit-balance', 'data-due-by'), 'customer');
      assert.equal(r.balance, '17.84');
      assert.match(await page.textContent('#edit-balance .statement'), /^Customer owes EUR 17\.84$/);
      const plan = await page.$$eval('#edit-plan li.call', (lis) => lis.map((li) => [li.dataset.method, li.dataset.path, li.querySelector('pre').textContent]));
      assert.deepEqual(plan.map(([m, p]) => [m, p]), r.plan.map((c) => [c.method, c.path]));
      assert.match(plan[0][2], /X-29next-API-Version: 2024-04-01/);
      assert.deepEqual(JSON.parse(plan[0][2].slice(plan[0][2].indexOf('{'))), { quantity: 5 });
    }
    // Removing a line: the merchant owes, and the statement says so.
    await page.fill('#edit-qty-1', '4');
    await page.check('#edit-remove-2');
    const edits = [{ op: 'remove_line', line_id: 2003 }];
    await waitEdits(page, edits);
    const expected = engine.previewEdit(order, edits, { profile: DEFAULT_PROFILE }).result;
    assert.equal(expected.balance_due_by, 'merchant');
    assert.equal(await page.getAttribute('#edit-balance', 'data-balance'), expected.balance);
    assert.match(await page.textContent('#edit-balance .statement'), /^Merchant owes EUR 20\.00$/);
    assert.equal(await page.textContent('#edit-totals [data-total=total_incl_tax] [data-col=after]'), expected.totals_after.total_incl_tax);
    assert.match(await page.textContent('#edit-refund'), /9001: EUR 20\.00/);
    await assertClean(assert, demo, 'edit');
    await demo.close();
  });

  await t.test('edit: each validation error is shown next to the control of its edit', async () => {
    const demo = await openDemo(browser, server.url);
    const { page } = demo;
    // edit 0: line 2002 below its 2 fulfilled units; edit 1: an added line without price; edit 2: a bad country
    await page.fill('#edit-qty-1', '1');
    await page.fill('#add-price', '');
    await page.click('#add-line');
    await page.fill('#edit-address-country', 'XX');
    const edits = JSON.parse(await page.getAttribute('#edit-out', 'data-edits'));
    assert.deepEqual(edits.map((e) => e.op), ['update_line', 'add_line', 'update_shipping_address']);
    const expected = engine.previewEdit(sample('29next-sample'), edits, { profile: DEFAULT_PROFILE });
    assert.deepEqual(expected.errors.map((e) => [e.code, e.path]), [
      ['QUANTITY_BELOW_FULFILLED', 'edits[0].quantity'],
      ['PRICE_REQUIRED', 'edits[1].price'],
      ['INVALID_ADDRESS', 'edits[2].shipping_address.country'],
    ]);
    const beside = {
      'edits[0].quantity': '#edit-qty-1',
      'edits[1].price': '#edit-add-1-price',
      'edits[2].shipping_address.country': '#edit-address-country',
    };
    for (const e of expected.errors) {
      const control = beside[e.path];
      assert.equal(await page.getAttribute(control, 'aria-invalid'), 'true', `${control} is marked invalid`);
      const text = await fieldError(page, control);
      assert.ok(text.includes(e.code) && text.includes(e.message), `${control} shows ${e.code}: got "${text}"`);
    }
    // Next to the field: the quantity error sits in the line's own table row.
    assert.equal(await page.evaluate(() => document.getElementById('edit-qty-1-err').closest('tr') === document.getElementById('edit-qty-1').closest('tr')), true);
    // No other control is marked, and the summary lists the three errors with their paths.
    assert.equal(await page.locator('[aria-invalid=true]').count(), 3);
    assert.deepEqual(await page.$$eval('#edit-issues li.error', (lis) => lis.map((li) => [li.dataset.code, li.dataset.path])),
      expected.errors.map((e) => [e.code, e.path]));
    // Fixing the quantity clears its marker, the others stay.
    await page.fill('#edit-qty-1', '3');
    await page.waitForFunction(() => !document.getElementById('edit-qty-1').hasAttribute('aria-invalid'));
    assert.equal(await fieldError(page, '#edit-qty-1'), '');
    assert.equal(await page.locator('[aria-invalid=true]').count(), 2);
    await assertClean(assert, demo, 'edit errors');
    await demo.close();
  });

  await t.test('refund: the worked example of the 29next guide allocates 63.98 to transaction 1000; the create body is exact', async () => {
    const demo = await openDemo(browser, server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
    const { page } = demo;
    await page.selectOption('#sample-select', '29next-seed000');
    await page.waitForFunction(() => document.querySelector('#order-summary').textContent.includes('100123'));
    await page.click('#tab-refund');
    await page.fill('#refund-qty-0', '1');
    await page.check('#refund-shipping-amount-mode');
    await page.fill('#refund-shipping-amount', '3.99');
    const request = { refund_lines: [{ line_id: 1000, quantity: 1 }], refund_shipping: { full_refund: false, amount_excl_tax: '3.99' } };
    await waitRefund(page, request);
    const calc = engine.calculateRefund(sample('29next-seed000'), request, { profile: DEFAULT_PROFILE });
    assert.equal(calc.ok, true);
    assert.deepEqual(calc.result.transactions, [{ id: 1000, amount: '63.98', refundable_amount: '184.96', gateway_id: 1,
      gateway_name: 'Stripe', payment_method: 'card', type: 'sale' }]);
    assert.equal(await page.textContent('#refund-allocation [data-transaction="1000"] [data-col=amount]'), '63.98');
    assert.equal(await page.textContent('#refund-allocation [data-transaction="1000"] [data-col=refundable]'), '184.96');
    assert.equal(await page.locator('#refund-allocation tbody tr').count(), 1);
    assert.equal(await page.getAttribute('#refund-total', 'data-amount'), '63.98');
    assert.equal(await page.textContent('#refund-amounts [data-line-id="1000"] [data-col=incl]'), '59.99');
    assert.equal(await page.textContent('#refund-amounts [data-row=shipping] [data-col=incl]'), '3.99');
    const body = engine.toRefundCreateRequest(calc, { note: DEFAULT_NOTE, send_refund_notification: false }).result;
    assert.deepEqual(JSON.parse(await page.textContent('#refund-body')), body);
    assert.equal(await page.textContent('#refund-body-endpoint'), 'POST /api/admin/orders/100123/refund/');
    await page.click('#refund-copy');
    await page.waitForFunction(() => document.getElementById('refund-copy-status').textContent !== '');
    assert.equal(await page.textContent('#refund-copy-status'), 'Copied.');
    assert.deepEqual(JSON.parse(await page.evaluate(() => navigator.clipboard.readText())), body);

    // A refund beyond the shipping left: the error sits at the amount field and no body is offered.
    await page.fill('#refund-shipping-amount', '9.99');
    await waitRefund(page, { ...request, refund_shipping: { full_refund: false, amount_excl_tax: '9.99' } });
    assert.match(await fieldError(page, '#refund-shipping-amount'), /SHIPPING_REFUND_EXCEEDS_REMAINING/);
    assert.equal(await page.isDisabled('#refund-copy'), true);
    await assertClean(assert, demo, 'refund');
    await demo.close();
  });

  await t.test('refund: a profile knob reopens the order and changes the allocation as the engine does', async () => {
    const demo = await openDemo(browser, server.url);
    const { page } = demo;
    const order = sample('29next-sample');
    await page.click('#tab-refund');
    await page.fill('#refund-qty-1', '4');
    await page.check('#refund-shipping-full');
    const request = { refund_lines: [{ line_id: 2002, quantity: 4 }], refund_shipping: { full_refund: true } };
    await waitRefund(page, request);
    const allocation = () => page.$$eval('#refund-allocation tbody tr', (rows) => rows.map((tr) => ({
      id: Number(tr.dataset.transaction), amount: tr.querySelector('[data-col=amount]').textContent,
      refundable_amount: tr.querySelector('[data-col=refundable]').textContent })));
    for (const policy of ['oldest_first', 'newest_first', 'largest_first']) {
      const sessionBefore = await page.textContent('#order-summary');
      await page.selectOption('#profile-allocation', policy);
      const expected = engine.calculateRefund(order, request, { profile: { ...DEFAULT_PROFILE, refund_allocation: policy } });
      assert.equal(expected.ok, true);
      await page.waitForFunction((want) => JSON.stringify([...document.querySelectorAll('#refund-allocation tbody tr')].map((tr) => tr.dataset.transaction)) === want,
        JSON.stringify(expected.result.transactions.map((x) => String(x.id))));
      // The table shows id, amount and what was refundable; the result also names each transaction's gateway.
      assert.deepEqual(await allocation(), expected.result.transactions.map(({ id, amount, refundable_amount }) => ({ id, amount, refundable_amount })), policy);
      assert.equal(await page.textContent('#order-summary'), sessionBefore, 'same order after reopening');
    }
    assert.notDeepEqual(
      engine.calculateRefund(order, request, { profile: { ...DEFAULT_PROFILE, refund_allocation: 'oldest_first' } }).result.transactions,
      engine.calculateRefund(order, request, { profile: { ...DEFAULT_PROFILE, refund_allocation: 'newest_first' } }).result.transactions,
      'the chosen request shows a difference between policies');
    await assertClean(assert, demo, 'profile');
    await demo.close();
  });

  await t.test('status: a Shopware order transition moves the current state; a failing guard shows its error', async () => {
    const demo = await openDemo(browser, server.url);
    const { page } = demo;
    await page.click('#tab-status');
    await page.selectOption('#status-preset', 'shopware');
    await page.selectOption('#status-machine', 'order.state');
    assert.equal(await page.getAttribute('#panel-status', 'data-state'), 'open');
    assert.equal(await page.locator('#status-diagram svg g.state.current').getAttribute('data-state'), 'open');
    const machine = engine.machines('shopware').result.machines.find((m) => m.name === 'order.state');
    assert.deepEqual((await page.$$eval('#status-diagram svg g.state', (gs) => gs.map((g) => g.dataset.state))).sort(), [...machine.states].sort());
    const available = engine.availableActions({ preset: 'shopware', machine: 'order.state', state: 'open', order: sample('29next-sample') }).result.actions;
    assert.deepEqual(await page.$$eval('#status-actions button', (bs) => bs.map((b) => b.dataset.action)), available.map((a) => a.action));

    const expected = engine.transition({ preset: 'shopware', machine: 'order.state', from: 'open', action: 'process' });
    assert.equal(expected.result.to, 'in_progress');
    // Keyboard: focus the action and press Enter.
    await page.focus('#status-actions button[data-action=process]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('panel-status').dataset.state === 'in_progress');
    assert.equal(await page.locator('#status-diagram svg g.state.current').getAttribute('data-state'), expected.result.to);
    assert.equal(await page.inputValue('#status-state'), 'in_progress');
    assert.match(await page.textContent('#status-history'), /open —process→ in_progress/);
    assert.equal(await page.evaluate(() => document.activeElement.closest('#status-actions') !== null), true, 'focus stays on the actions');
    await page.click('#status-actions button[data-action=complete]');
    await page.waitForFunction(() => document.getElementById('panel-status').dataset.state === 'completed');

    // v1 close is guarded by fully_fulfilled; the sample order is not, so the engine refuses.
    await page.selectOption('#status-preset', 'v1');
    await page.selectOption('#status-machine', 'status');
    await page.click('#status-actions button[data-action=close]');
    const refused = engine.transition({ preset: 'v1', machine: 'status', from: 'open', action: 'close', order: sample('29next-sample') });
    assert.equal(refused.errors[0].code, 'GUARD_FAILED');
    await page.waitForSelector('#status-issues li[data-code=GUARD_FAILED]');
    assert.ok((await page.textContent('#status-issues')).includes(refused.errors[0].message));
    assert.equal(await page.getAttribute('#panel-status', 'data-state'), 'open', 'the state did not move');
    await assertClean(assert, demo, 'status');
    await demo.close();
  });

  await t.test('own order: malformed JSON gives a coded INVALID_JSON error and the page keeps working', async () => {
    const demo = await openDemo(browser, server.url);
    const { page } = demo;
    await page.click('#own-order summary');
    const bad = '{"number": "1", "lines": [';
    await page.fill('#order-text', bad);
    await page.click('#order-load');
    await page.waitForSelector('#order-text-errors li[data-code=INVALID_JSON]');
    const expected = engine.openOrder(bad).envelope;
    assert.equal(expected.errors[0].code, 'INVALID_JSON');
    assert.deepEqual(await page.$$eval('#order-text-errors li.error', (lis) => lis.map((li) => [li.dataset.code, li.dataset.path, li.querySelector('.msg').textContent])),
      expected.errors.map((e) => [e.code, e.path, e.message]));
    assert.equal(await page.getAttribute('#order-text', 'aria-invalid'), 'true');
    assert.match(await page.textContent('#order-summary'), /100777/, 'the previous order stays loaded');

    // Still working: an edit previews as before.
    await page.fill('#edit-qty-3', '2');
    await waitEdits(page, [{ op: 'update_line', line_id: 2004, quantity: 2 }]);
    assert.equal(await page.getAttribute('#edit-balance', 'data-due-by'), 'customer');

    // An order the engine can read but rejects: every error listed with its path.
    const wrong = JSON.stringify({ currency: 'EUR', lines: [{ id: 1, quantity: -1 }] });
    await page.fill('#order-text', wrong);
    await page.click('#order-load');
    const wrongEnv = engine.openOrder(wrong).envelope;
    await page.waitForFunction((n) => document.querySelectorAll('#order-text-errors li.error').length === n, wrongEnv.errors.length);
    assert.deepEqual(await page.$$eval('#order-text-errors li.error', (lis) => lis.map((li) => li.dataset.path)), wrongEnv.errors.map((e) => e.path));

    // A valid pasted order replaces the sample everywhere.
    await page.fill('#order-text', sampleText('v1-sample'));
    await page.click('#order-load');
    await page.waitForFunction(() => document.querySelector('#order-summary').textContent.includes('v1'));
    assert.equal(await page.getAttribute('#order-text', 'aria-invalid'), null);
    await page.fill('#edit-qty-0', '3');
    const edits = [{ op: 'update_line', line_id: '550e8400-e29b-41d4-a716-446655440101', quantity: 3 }];
    await waitEdits(page, edits);
    const v1 = engine.previewEdit(sample('v1-sample'), edits, { profile: DEFAULT_PROFILE }).result;
    assert.equal(await page.getAttribute('#edit-balance', 'data-balance'), v1.balance);
    await assertClean(assert, demo, 'own order');
    await demo.close();
  });

  await t.test('screenshots of every panel at laptop and phone width; nothing overflows the phone screen', async () => {
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      const demo = await openDemo(browser, server.url, { viewport });
      const { page } = demo;
      const noHorizontalScroll = (what) => assertNoHorizontalScroll(assert, page, `${name} ${what}`);
      // Edit: a change, an added line and an error.
      await page.fill('#edit-qty-1', '5');
      await page.click('#add-line');
      await page.fill('#edit-qty-2', '0');
      await page.fill('#edit-address-country', 'XX');
      await page.waitForSelector('#edit-address-country[aria-invalid=true]');
      await noHorizontalScroll('edit');
      await screenshot(page, `${name}-edit`);
      // Own order with an error.
      await page.click('#own-order summary');
      await page.fill('#order-text', '{"lines": [');
      await page.click('#order-load');
      await page.waitForSelector('#order-text-errors li[data-code=INVALID_JSON]');
      await noHorizontalScroll('own order');
      await screenshot(page, `${name}-own-order`);
      await page.click('#own-order summary');
      // Refund: the seed 000 example.
      await page.selectOption('#sample-select', '29next-seed000');
      await page.waitForFunction(() => document.querySelector('#order-summary').textContent.includes('100123'));
      await page.click('#tab-refund');
      await page.fill('#refund-qty-0', '1');
      await page.check('#refund-shipping-amount-mode');
      await page.fill('#refund-shipping-amount', '3.99');
      await page.waitForSelector('#refund-allocation [data-transaction="1000"]');
      await noHorizontalScroll('refund');
      await screenshot(page, `${name}-refund`);
      // Status: Shopware payment states (the densest machine), then the order machine after a transition.
      await page.click('#tab-status');
      await page.selectOption('#status-machine', 'order_transaction.state');
      await page.click('#status-actions button[data-action=paid]');
      await page.waitForFunction(() => document.getElementById('panel-status').dataset.state === 'paid');
      await noHorizontalScroll('status');
      await screenshot(page, `${name}-status-dense`);
      await page.selectOption('#status-machine', 'order.state');
      await page.click('#status-actions button[data-action=process]');
      await page.waitForFunction(() => document.getElementById('panel-status').dataset.state === 'in_progress');
      await screenshot(page, `${name}-status`);
      await assertClean(assert, demo, `${name} screenshots`);
      await demo.close();
    }
  });

  await t.test('Elastic Path sample: refund calls in minor units, the address PUT, the payment machine', async () => {
    const demo = await openDemo(browser, server.url);
    const { page } = demo;
    const order = sample('elasticpath-sample');
    const tshirt = order.included.items[0].id;
    await page.selectOption('#sample-select', 'elasticpath-sample');
    await page.waitForFunction(() => document.querySelector('#order-summary').textContent.includes('1042'));
    assert.match(await page.textContent('#order-summary'), /elasticpath/);
    // Refund one T-shirt: money on the page, the integer amount in the call.
    await page.click('#tab-refund');
    await page.fill('#refund-qty-0', '1');
    const request = { items: [{ item_id: tshirt, quantity: 1 }] };
    await waitRefund(page, request);
    const expected = engine.calculateRefund(order, request, { profile: DEFAULT_PROFILE });
    assert.equal(expected.ok, true);
    assert.equal(expected.result.amount, '24.36');
    assert.equal(await page.getAttribute('#refund-total', 'data-amount'), '24.36');
    assert.match(await page.textContent('#refund-total'), /USD 24\.36/);
    const calls = JSON.parse(await page.textContent('#refund-body'));
    assert.deepEqual(calls.map((c) => [c.method, c.path, c.body.data.amount]), expected.result.requests.map((c) => [c.method, c.path, 2436]));
    assert.match(await page.textContent('#refund-body-endpoint'), /refundATransaction/);
    // Edit: a new street is one updateAnOrder PUT with the partial-update body.
    await page.click('#tab-edit');
    await page.fill('#edit-address-line_1', '22 Oak Ave');
    const edits = JSON.parse(await page.getAttribute('#edit-out', 'data-edits'));
    assert.deepEqual(edits.map((e) => e.op), ['update_shipping_address']);
    const plan = engine.previewEdit(order, edits, { profile: DEFAULT_PROFILE }).result.plan;
    assert.deepEqual(plan.map((c) => [c.method, c.operation]), [['PUT', 'updateAnOrder']]);
    const shown = await page.$$eval('#edit-plan li.call', (lis) => lis.map((li) => [li.dataset.method, li.dataset.path]));
    assert.deepEqual(shown, plan.map((c) => [c.method, c.path]));
    // Status: the Elastic Path payment machine, guarded against the loaded order.
    await page.click('#tab-status');
    await page.selectOption('#status-preset', 'elasticpath');
    await page.selectOption('#status-machine', 'payment');
    await page.click('#status-actions button[data-action=pay]');
    await page.waitForFunction(() => document.getElementById('panel-status').dataset.state === 'paid');
    await assertClean(assert, demo, 'elasticpath');
    await demo.close();
  });
});
