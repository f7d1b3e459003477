// The demo with the Shopware 6 sample (examples/orders/shopware-sample.json), clicked in headless Chromium:
// the return and capture-refund previews, a refusal beside its input, and the status panel driven by the
// order's entities. Every number and call the page shows is compared with what the engine answers in Node for
// the same request (loadEngine from js/src/index.js), never with a hard-coded value. Any console error, failed
// or foreign request, or CSP violation fails the test (support/demo-page.mjs).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { loadEngine } from '../../js/src/index.js';
import { launch } from './support/chromium.mjs';
import { VIEWPORTS, assertClean, fieldError, openDemo, screenshot, unlabelledControls, assertNoHorizontalScroll } from './support/demo-page.mjs';
import { repoRoot, startDemo } from './support/demo-server.mjs';

const engine = await loadEngine();
const order = JSON.parse(readFileSync(join(repoRoot, 'examples/orders/shopware-sample.json'), 'utf8'));
// The page opens every order with the profile knobs of the refund panel at their defaults.
const OPTIONS = { profile: { rounding: 'half_up', proration: 'half_up', refund_allocation: 'oldest_first' } };
const o = order.data;
const byLabel = (label) => o.lineItems.find((li) => li.label === label);
const shirt = byLabel('Shirt');
const rowOf = (li) => o.lineItems.filter((x) => !x.parentId).indexOf(li);
const capture = o.transactions[0].captures[0];
const delivery = o.deliveries[0];
const transaction = o.transactions[0];
const decimals = engine.inspectOrder(order, OPTIONS).result.currency_exponent;
const shown = (n) => n.toFixed(decimals); // the page shows Shopware's JSON numbers with the currency's decimals

async function loadShopware(page) {
  await page.selectOption('#sample-select', 'shopware-sample');
  await page.waitForFunction((n) => document.querySelector('#order-summary').textContent.includes(n), o.orderNumber);
}

/** Waits until the panel output `out` has previewed exactly this request. */
async function waitRequest(page, out, request) {
  const want = JSON.stringify(request);
  await page.waitForFunction(([sel, w]) => document.querySelector(sel).dataset.request === w, [out, want], { timeout: 10_000 });
}

const planShown = (page, list) => page.$$eval(`${list} li.call`, (lis) => lis.map((li) => [li.dataset.method, li.dataset.path, li.dataset.operation]));
const planOf = (plan) => plan.map((c) => [c.method, c.path, c.operation ?? '']);

test('demo with the Shopware 6 sample in Chromium', async (t) => {
  const server = await startDemo(t);
  const { browser } = await launch(t);

  await t.test('the sample loads from the selector; every control is labelled; the Shopware edit answers a quantity change of a shipped line beside its input', async () => {
    const demo = await openDemo(browser, server.url);
    const { page } = demo;
    await loadShopware(page);
    assert.match(await page.textContent('#order-summary'), /shopware/);
    assert.match(await page.textContent('#order-summary'), /Shopware 6 sample/);
    assert.equal(await page.textContent('#tab-refund'), 'Returns & refunds');
    for (const tab of ['#tab-refund', '#tab-status', '#tab-edit']) await page.click(tab);
    assert.deepEqual(await unlabelledControls(page), []);

    // Edit: the versioned order edit, recalculated as Shopware does; the page shows the engine's totals and calls.
    const unchanged = engine.previewEdit(order, [], OPTIONS);
    assert.ok(unchanged.result, JSON.stringify(unchanged.errors));
    assert.equal(await page.isVisible('#edit-totals'), true);
    assert.equal(await page.textContent('#edit-totals [data-total=total_incl_tax] [data-col=before]'), unchanged.result.totals_before.total_incl_tax);
    const qty = await page.$eval(`#edit-lines tbody tr[data-line-id="${shirt.id}"] input[type=number]`, (el) => el.id);
    await page.fill(`#${qty}`, String(shirt.quantity + 1));
    const edit = engine.previewEdit(order, [{ op: 'update_line', line_id: shirt.id, quantity: shirt.quantity + 1 }], OPTIONS);
    assert.ok(edit.result, JSON.stringify(edit.errors));
    // The sample's delivery is shipped, so Shopware's edit refuses the quantity change (docs/rules.md S7): the refusal
    // stands beside the quantity, and the totals stay the engine's.
    assert.equal(edit.ok, false);
    assert.equal(edit.errors[0].code, 'LINE_NOT_EDITABLE');
    await page.waitForFunction((sel) => document.querySelector(sel).getAttribute('aria-invalid') === 'true', `#${qty}`, { timeout: 10_000 });
    assert.equal(await fieldError(page, `#${qty}`), `${edit.errors[0].code} ${edit.errors[0].message}`);
    assert.equal(await page.textContent('#edit-totals [data-total=total_incl_tax] [data-col=after]'), edit.result.totals_after.total_incl_tax);
    await assertClean(assert, demo, 'shopware load');
    await demo.close();
  });

  await t.test('return: the amounts, the discount-aware amount and the plan are the engine answer; an edited amount adds its PATCH', async () => {
    const demo = await openDemo(browser, server.url);
    const { page } = demo;
    await loadShopware(page);
    await page.click('#tab-refund');
    assert.equal(await page.isVisible('#refund-generic'), false, 'the 29next/v1 refund form is not offered');
    const i = rowOf(shirt);
    await page.fill(`#sw-return-qty-${i}`, '1');
    await page.fill('#sw-return-shipping', '4.90');
    const request = { lineItems: [{ orderLineItemId: shirt.id, quantity: 1 }], shippingCosts: '4.90' };
    await waitRequest(page, '#sw-return-out', request);
    const expected = engine.previewReturn(order, request, OPTIONS);
    assert.equal(expected.ok, true);
    const r = expected.result;
    assert.equal(await page.getAttribute('#sw-return-out', 'data-ok'), 'true');
    assert.equal(await page.getAttribute('#sw-return-total', 'data-amount'), String(r.amountTotal));
    assert.ok((await page.textContent('#sw-return-total')).includes(`EUR ${shown(r.amountTotal)}`));
    const value = (row) => page.textContent(`#sw-return-price [data-row="${row}"] [data-col=value]`);
    assert.equal(await value('amountTotal'), shown(r.amountTotal));
    assert.equal(await value('amountNet'), shown(r.amountNet));
    assert.equal(await value('price.totalPrice'), shown(r.price.totalPrice));
    assert.equal(await value('shippingCosts'), shown(r.shippingCosts.totalPrice));
    const item = r.lineItems[0];
    const cellOf = async (col) => page.getAttribute(`#sw-return-items [data-line-id="${shirt.id}"] [data-col=${col}]`, 'data-value');
    assert.equal(await cellOf('price'), String(item.price.totalPrice));
    assert.equal(await cellOf('refund'), String(item.refundAmount));
    assert.equal(await cellOf('suggested'), String(item.suggestedRefundAmount));
    assert.notEqual(item.suggestedRefundAmount, item.refundAmount, 'the sample shows the promotion taken off');
    assert.deepEqual(await planShown(page, '#sw-return-plan'), planOf(r.plan));
    // The promotion warning concerns lineItems[0]: it is shown beside that line's quantity, which stays valid.
    const warning = expected.warnings.find((w) => w.path === 'lineItems[0]');
    assert.ok(warning, 'the engine warns about the line');
    assert.ok((await fieldError(page, `#sw-return-qty-${i}`)).includes(warning.code));
    assert.equal(await page.getAttribute(`#sw-return-qty-${i}`, 'aria-invalid'), null);

    // The discount-aware amount typed in: the plan PATCHes the return line item before calculating.
    await page.fill(`#sw-return-amount-${i}`, String(item.suggestedRefundAmount));
    const edited = { lineItems: [{ ...request.lineItems[0], refundAmount: String(item.suggestedRefundAmount) }], shippingCosts: '4.90' };
    await waitRequest(page, '#sw-return-out', edited);
    const e2 = engine.previewReturn(order, edited, OPTIONS);
    assert.equal(e2.ok, true);
    assert.equal(await page.getAttribute('#sw-return-total', 'data-amount'), String(e2.result.amountTotal));
    assert.ok(e2.result.amountTotal < r.amountTotal);
    assert.deepEqual(await planShown(page, '#sw-return-plan'), planOf(e2.result.plan));
    assert.ok(e2.result.plan.some((c) => c.method === 'PATCH' && c.operation === 'updateOrderReturnLineItem'));
    await assertClean(assert, demo, 'return');
    await demo.close();
  });

  await t.test('return refusals sit beside the inputs they concern: a quantity over what is returnable, a line already in the return', async () => {
    const demo = await openDemo(browser, server.url);
    const { page } = demo;
    await loadShopware(page);
    await page.click('#tab-refund');
    const i = rowOf(shirt);
    const over = shirt.quantity + 1;
    await page.fill(`#sw-return-qty-${i}`, String(over));
    const request = { lineItems: [{ orderLineItemId: shirt.id, quantity: over }] };
    await waitRequest(page, '#sw-return-out', request);
    const refused = engine.previewReturn(order, request, OPTIONS);
    assert.equal(refused.ok, false);
    const error = refused.errors.find((e) => e.path === 'lineItems[0].quantity');
    assert.equal(error.code, 'INVALID_QUANTITY');
    await page.waitForSelector(`#sw-return-qty-${i}[aria-invalid=true]`);
    const text = await fieldError(page, `#sw-return-qty-${i}`);
    assert.ok(text.includes(error.code) && text.includes(error.message), `got "${text}"`);
    assert.equal(await page.getAttribute('#sw-return-out', 'data-ok'), 'false');
    assert.deepEqual(await page.$$eval('#sw-return-issues li.error', (lis) => lis.map((li) => [li.dataset.code, li.dataset.path])),
      refused.errors.map((e) => [e.code, e.path]));
    assert.equal(await page.locator('#sw-return-plan li.call').count(), 0, 'no call is offered');
    // The path in the summary is a button that focuses the input.
    await page.click('#sw-return-issues li.error button.path');
    assert.equal(await page.evaluate(() => document.activeElement.id), `sw-return-qty-${i}`);

    // Adding the shirt to the return that already holds it: refused at the line, the target stays valid.
    const existing = o.extensions.returns[0];
    await page.fill(`#sw-return-qty-${i}`, '1');
    await page.selectOption('#sw-return-target', existing.id);
    const duplicate = { lineItems: [{ orderLineItemId: shirt.id, quantity: 1 }], returnId: existing.id };
    await waitRequest(page, '#sw-return-out', duplicate);
    const dup = engine.previewReturn(order, duplicate, OPTIONS);
    assert.equal(dup.errors[0].path, 'lineItems[0].orderLineItemId');
    await page.waitForSelector(`#sw-return-qty-${i}[aria-invalid=true]`);
    assert.ok((await fieldError(page, `#sw-return-qty-${i}`)).includes(dup.errors[0].code));
    assert.equal(await page.getAttribute('#sw-return-target', 'aria-invalid'), null);
    await assertClean(assert, demo, 'return refusals');
    await demo.close();
  });

  await t.test('capture refund: the create body, what the capture has left and the plan are the engine answer', async () => {
    const demo = await openDemo(browser, server.url);
    const { page } = demo;
    await loadShopware(page);
    await page.click('#tab-refund');
    assert.equal(await page.inputValue('#sw-capture-id'), capture.id);
    await page.selectOption('#sw-capture-position-amount', 'discounted');
    await page.fill(`#sw-capture-qty-${rowOf(shirt)}`, '1');
    const request = { captureId: capture.id, positions: [{ orderLineItemId: shirt.id, quantity: 1 }] };
    const options = { position_amount: 'discounted' };
    await waitRequest(page, '#sw-capture-out', request);
    assert.equal(await page.getAttribute('#sw-capture-out', 'data-options'), JSON.stringify(options));
    const expected = engine.previewCaptureRefund(order, request, { ...OPTIONS, ...options });
    assert.equal(expected.ok, true);
    const r = expected.result;
    assert.deepEqual(JSON.parse(await page.textContent('#sw-capture-body')), r.body);
    assert.equal(await page.getAttribute('#sw-capture-total', 'data-amount'), r.capture.refund);
    const row = (key) => page.textContent(`#sw-capture-capture [data-row=${key}] [data-col=value]`);
    assert.equal(await row('refundable_before'), r.capture.refundable_before);
    assert.equal(await row('refundable_after'), r.capture.refundable_after);
    assert.equal(await row('refunded_before'), r.capture.refunded_before);
    assert.notEqual(r.capture.refunded_before, '0.00', 'the open refund of the sample counts');
    assert.deepEqual(await planShown(page, '#sw-capture-plan'), planOf(r.plan));
    assert.match(await page.textContent('#sw-capture-missing'), /stateId/);

    // More than the capture has left: refused at the amount, no body.
    await page.fill('#sw-capture-amount', '9999.00');
    const tooMuch = { ...request, amount: '9999.00' };
    await waitRequest(page, '#sw-capture-out', tooMuch);
    const refused = engine.previewCaptureRefund(order, tooMuch, { ...OPTIONS, ...options });
    const error = refused.errors.find((e) => e.path === 'amount');
    assert.equal(error.code, 'REFUND_EXCEEDS_TOTAL');
    await page.waitForSelector('#sw-capture-amount[aria-invalid=true]');
    assert.ok((await fieldError(page, '#sw-capture-amount')).includes(error.message));
    assert.equal(await page.locator('#sw-capture-plan li.call').count(), 0);
    await assertClean(assert, demo, 'capture refund');
    await demo.close();
  });

  await t.test('status: the order entities with the states the engine reads; a delivery and a transaction action are previewed with their calls', async () => {
    const demo = await openDemo(browser, server.url);
    const { page } = demo;
    await loadShopware(page);
    await page.click('#tab-status');
    assert.equal(await page.isVisible('#status-entities-box'), true);
    // Every listed entity's state is what the engine reads from the order for it.
    const rows = await page.$$eval('#status-entities tbody tr', (trs) => trs.map((tr) => ({
      type: tr.dataset.entityType, id: tr.dataset.entityId, state: tr.querySelector('[data-col=state]').textContent })));
    assert.deepEqual([...new Set(rows.map((x) => x.type))], ['order', 'order_delivery', 'order_transaction', 'order_transaction_capture',
      'order_transaction_capture_refund', 'order_return', 'order_return_line_item', 'order_line_item']);
    for (const row of rows) {
      const env = engine.availableActions({ preset: 'shopware', entity: { type: row.type, id: row.id }, order });
      assert.equal(row.state, env.ok ? env.result.state : 'not loaded', `${row.type} ${row.id}`);
    }
    // The order itself is chosen on load.
    assert.equal(await page.getAttribute('#panel-status', 'data-entity-type'), 'order');

    const choose = async (entity) => {
      const k = rows.findIndex((x) => x.type === entity.type && x.id === entity.id);
      await page.check(`#status-entity-${k}`);
      await page.waitForFunction((id) => document.getElementById('panel-status').dataset.entityId === id, entity.id);
    };
    const act = async (entity, action) => {
      await page.click(`#status-actions button[data-action=${action}]`);
      await page.waitForFunction((a) => document.getElementById('status-preview').dataset.action === a, action);
      return engine.transition({ preset: 'shopware', entity, order, action });
    };

    const deliveryRef = { type: 'order_delivery', id: delivery.id };
    await choose(deliveryRef);
    const actions = engine.availableActions({ preset: 'shopware', entity: deliveryRef, order }).result;
    assert.equal(await page.getAttribute('#panel-status', 'data-state'), actions.state);
    assert.equal(await page.inputValue('#status-machine'), actions.machine);
    assert.equal(await page.locator('#status-diagram svg g.state.current').getAttribute('data-state'), actions.state);
    assert.match(await page.textContent('#status-current'), new RegExp(`: ${actions.state} \\(read from the order\\)`));
    assert.deepEqual(await page.$$eval('#status-actions button', (bs) => bs.map((b) => b.dataset.action)), actions.actions.map((a) => a.action));
    const retour = await act(deliveryRef, 'retour');
    assert.equal(retour.ok, true);
    assert.equal(await page.getAttribute('#status-preview-result', 'data-to'), retour.result.to);
    assert.ok((await page.textContent('#status-preview-result')).includes(`${retour.result.from} —retour→ ${retour.result.to}`));
    assert.deepEqual(await planShown(page, '#status-preview-call'), planOf([retour.result.call]));
    assert.equal(await page.getAttribute('#panel-status', 'data-state'), actions.state, 'a preview leaves the order as it is');

    // The transaction: refund while nothing is refunded yet is accepted by the server, with the engine warning.
    const txRef = { type: 'order_transaction', id: transaction.id };
    await choose(txRef);
    const refund = await act(txRef, 'refund');
    assert.equal(refund.ok, true);
    assert.ok(refund.warnings.length > 0, 'the sample provokes an advisory warning');
    assert.deepEqual(await page.$$eval('#status-issues li.warning', (lis) => lis.map((li) => li.dataset.code)), refund.warnings.map((w) => w.code));
    assert.deepEqual(await planShown(page, '#status-preview-call'), planOf([refund.result.call]));
    assert.equal(await page.getAttribute('#status-preview-result', 'data-to'), refund.result.to);

    // A line item the order holds no state for: the engine says so, and no action is offered.
    const stateless = rows.find((x) => x.state === 'not loaded');
    assert.ok(stateless, 'the sample has an entity without a loaded state (the promotion line)');
    const missing = engine.availableActions({ preset: 'shopware', entity: { type: stateless.type, id: stateless.id }, order });
    assert.equal(missing.ok, false);
    await choose(stateless);
    await page.waitForSelector(`#status-issues li[data-code=${missing.errors[0].code}]`);
    assert.ok((await page.textContent('#status-issues')).includes(missing.errors[0].message));
    assert.equal(await page.locator('#status-actions button').count(), 0);
    assert.equal(await page.locator('#status-diagram svg g.state.current').count(), 0);

    // A machine picked by hand leaves the entity mode: the explorer works as before.
    await page.selectOption('#status-machine', 'order.state');
    assert.equal(await page.getAttribute('#panel-status', 'data-entity-type'), null);
    assert.equal(await page.isVisible('#status-preview'), false);
    await page.click('#status-actions button[data-action=process]');
    await page.waitForFunction(() => document.getElementById('panel-status').dataset.state === 'in_progress');
    await assertClean(assert, demo, 'status entities');
    await demo.close();
  });

  await t.test('another sample afterwards gets the ordinary refund and status panels back', async () => {
    const demo = await openDemo(browser, server.url);
    const { page } = demo;
    await loadShopware(page);
    await page.selectOption('#sample-select', '29next-seed000');
    await page.waitForFunction(() => document.querySelector('#order-summary').textContent.includes('100123'));
    assert.equal(await page.textContent('#tab-refund'), 'Refund');
    await page.click('#tab-refund');
    assert.equal(await page.isVisible('#refund-shopware'), false);
    await page.fill('#refund-qty-0', '1');
    await page.waitForFunction(() => document.querySelector('#refund-out').dataset.ok === 'true');
    await page.click('#tab-status');
    assert.equal(await page.isVisible('#status-entities-box'), false);
    assert.equal(await page.getAttribute('#panel-status', 'data-entity-type'), null);
    await page.click('#tab-edit');
    assert.equal(await page.isVisible('#edit-totals'), true);
    await assertClean(assert, demo, 'back to 29next');
    await demo.close();
  });

  await t.test('screenshots of the Shopware panels at laptop and phone width; nothing overflows the phone screen', async () => {
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      const demo = await openDemo(browser, server.url, { viewport });
      const { page } = demo;
      const noHorizontalScroll = (what) => assertNoHorizontalScroll(assert, page, `${name} ${what}`);
      await loadShopware(page);
      await noHorizontalScroll('edit');
      await screenshot(page, `${name}-shopware-edit`);
      await page.click('#tab-refund');
      await page.fill(`#sw-return-qty-${rowOf(shirt)}`, '1');
      await page.fill('#sw-return-shipping', '4.90');
      await page.fill(`#sw-capture-qty-${rowOf(shirt)}`, '1');
      await page.waitForSelector('#sw-capture-plan li.call');
      await noHorizontalScroll('returns');
      await screenshot(page, `${name}-shopware-returns`);
      await page.click('#tab-status');
      const k = await page.$$eval('#status-entities tbody tr', (trs) => trs.findIndex((tr) => tr.dataset.entityType === 'order_delivery'));
      await page.check(`#status-entity-${k}`);
      await page.click('#status-actions button[data-action=retour]');
      await page.waitForSelector('#status-preview-call li.call');
      await noHorizontalScroll('status');
      await screenshot(page, `${name}-shopware-status`);
      await assertClean(assert, demo, `${name} shopware screenshots`);
      await demo.close();
    }
  });
});
