// Refund panel: lines, quantities, restock and shipping become a calculateRefund request (29next or v1
// shape, by the order's dialect); the calculation, its allocation over payments and the exact create body
// (toRefundCreateRequest) are shown. The profile knobs reopen the session (reading options are fixed at open).
import { $, FieldErrors, field, fill, h, json, money, numberOrText, parseIndexedPath, renderIssues } from '../lib/dom.js';

const RESTOCK_29NEXT = [['', 'Suggested'], ['cancel', 'cancel'], ['return', 'return'], ['no_restock', 'no_restock']];
const RESTOCK_V1 = [['false', 'No restock'], ['true', 'Restock']];

export function createRefundPanel(ctx, { reopen }) {
  const tbody = $('#refund-lines tbody');
  const out = $('#refund-out');
  const shippingAmount = $('#refund-shipping-amount');
  const errors = new FieldErrors();
  const copyButton = $('#refund-copy');
  const copyStatus = $('#refund-copy-status');
  let rows = [];
  let body = null;

  const v1 = () => ctx.dialect === 'v1';
  // Elastic Path refunds are amounts against transactions: items (prorated) only, no restock, no shipping.
  const ep = () => ctx.dialect === 'elasticpath';
  // Shopware refunds go through returns and capture refunds: panels/returns.js takes the tab over.
  const sw = () => ctx.dialect === 'shopware';
  const shippingMode = () => document.querySelector('input[name="refund-shipping"]:checked').value;

  function buildRows() {
    rows = ctx.info.lines.map((line, i) => {
      const label = `line ${line.line_id}${line.title ? ` (${line.title})` : ''}`;
      const qty = h('input', { id: `refund-qty-${i}`, type: 'number', min: 0, max: line.refundable_quantity, step: 1, inputmode: 'numeric', value: 0, dataset: { lineId: String(line.line_id) } });
      const restock = h('select', { id: `refund-restock-${i}`, dataset: { lineId: String(line.line_id) }, disabled: ep() },
        (ep() ? [['', 'Not recorded']] : v1() ? RESTOCK_V1 : RESTOCK_29NEXT).map(([value, text]) => h('option', { value, text })));
      qty.addEventListener('input', calculate);
      restock.addEventListener('change', calculate);
      const tr = h('tr', { dataset: { lineId: String(line.line_id) } },
        h('th', { scope: 'row' }, h('span', { class: 'line-title', text: line.title || `Line ${line.line_id}` }),
          h('span', { class: 'line-meta', text: `#${line.line_id} · ${line.kind} · ${line.fulfilled_quantity} fulfilled` })),
        h('td', { class: 'num', dataset: { label: 'Refundable' }, text: `${line.refundable_quantity} of ${line.current_quantity}` }),
        h('td', { dataset: { label: 'Quantity' } }, field(`Refund quantity of ${label}`, qty, { hiddenLabel: true, className: 'field compact' })),
        h('td', { dataset: { label: 'Restock' } }, field(`Restock for ${label}`, restock, { hiddenLabel: true, className: 'field compact' })));
      return { line, qty, restock, tr };
    });
    fill(tbody, rows.map((r) => r.tr));
  }

  function buildRequest() {
    const lines = [];
    const sources = [];
    for (const r of rows) {
      const text = r.qty.value.trim();
      if (text === '' || text === '0') continue;
      const quantity = numberOrText(text);
      if (ep()) lines.push({ item_id: r.line.line_id, quantity });
      else if (v1()) lines.push({ line_item_id: r.line.line_id, quantity, restock: r.restock.value === 'true' });
      else lines.push({ line_id: r.line.line_id, quantity, ...(r.restock.value ? { restock_type: r.restock.value } : {}) });
      sources.push({ quantity: r.qty, restock_type: r.restock, restock: r.restock, main: r.qty });
    }
    const mode = shippingMode();
    if (ep()) return { request: { items: lines }, sources, empty: lines.length === 0 };
    const request = v1() ? { refund_line_items: lines } : { refund_lines: lines };
    if (mode === 'full') {
      if (v1()) request.shipping = { full_refund: true };
      else request.refund_shipping = { full_refund: true };
    } else if (mode === 'amount') {
      const amount = shippingAmount.value.trim();
      if (v1()) request.shipping = { amount };
      else request.refund_shipping = { full_refund: false, amount_excl_tax: amount };
    }
    return { request, sources, empty: lines.length === 0 && mode === 'none' };
  }

  function controlFor(issue, sources) {
    const path = issue.path ?? '';
    if (/^(refund_shipping|shipping)(\.|$)/.test(path)) return shippingMode() === 'amount' ? shippingAmount : $('#refund-shipping-full');
    const p = parseIndexedPath(path, ep() ? 'items' : v1() ? 'refund_line_items' : 'refund_lines');
    if (!p || !sources[p.index]) return null;
    return sources[p.index][p.rest] ?? sources[p.index].main;
  }

  function calculate() {
    if (!ctx.session || sw()) return;
    shippingAmount.disabled = shippingMode() !== 'amount';
    for (const radio of document.querySelectorAll('input[name="refund-shipping"]')) radio.disabled = ep() && radio.value !== 'none';
    const { request, sources, empty } = buildRequest();
    out.dataset.request = JSON.stringify(request);
    if (empty) {
      errors.clear();
      fill($('#refund-issues'));
      $('#refund-total').textContent = 'Pick a quantity or shipping to preview a refund.';
      fill($('#refund-amounts tbody'));
      fill($('#refund-allocation tbody'));
      showBody(null, 'The create request appears here.');
      out.dataset.ok = 'false';
      return;
    }
    const env = ctx.session.calculateRefund(request);
    errors.set(env.errors.map((issue) => ({ issue, control: controlFor(issue, sources) })));
    renderIssues($('#refund-issues'), env, (issue) => controlFor(issue, sources));
    render(env);
    out.dataset.ok = String(env.ok);
  }

  function render(env) {
    const r = env.result;
    const cur = ctx.currency;
    if (!r) {
      $('#refund-total').textContent = 'No calculation: the request could not be read.';
      fill($('#refund-amounts tbody'));
      fill($('#refund-allocation tbody'));
      showBody(null, 'Fix the errors to get the create request.');
      return;
    }
    const cell = (text, col) => h('td', { class: 'num', dataset: { col }, text });
    if (ep()) {
      renderElasticPath(env, r, cell, cur);
      return;
    }
    const lineRows = v1()
      ? r.refund_line_items.map((l) => h('tr', { dataset: { lineId: String(l.line_item_id) } },
        h('th', { scope: 'row', text: titleOf(l.line_item_id) }), cell(l.quantity, 'quantity'), h('td', { text: l.restock_type }),
        cell(l.subtotal, 'excl'), cell(l.total_tax, 'tax'), cell(l.amount, 'incl')))
      : r.refund_lines.map((l) => h('tr', { dataset: { lineId: String(l.line_id) } },
        h('th', { scope: 'row', text: titleOf(l.line_id) }), cell(l.quantity, 'quantity'), h('td', { text: l.restock_type }),
        cell(l.amount_excl_tax, 'excl'), cell(l.total_tax, 'tax'), cell(l.amount_incl_tax, 'incl')));
    const ship = v1()
      ? { excl: r.shipping.amount, tax: r.shipping.tax, incl: r.shipping.amount_incl_tax, left: r.shipping.maximum_refundable }
      : { excl: r.refund_shipping.amount_excl_tax, tax: r.refund_shipping.total_tax, incl: r.refund_shipping.amount_incl_tax, left: r.refund_shipping.refundable_amount };
    const total = v1() ? { excl: r.subtotal, tax: r.total_tax, incl: r.amount } : { excl: r.amount_excl_tax, tax: r.total_tax, incl: r.amount_incl_tax };
    fill($('#refund-amounts tbody'), lineRows,
      h('tr', { dataset: { row: 'shipping' } }, h('th', { scope: 'row', text: `Shipping (left: ${ship.left})` }), h('td'), h('td'), cell(ship.excl, 'excl'), cell(ship.tax, 'tax'), cell(ship.incl, 'incl')),
      h('tr', { class: 'grand', dataset: { row: 'total' } }, h('th', { scope: 'row', text: 'Total' }), h('td'), h('td'), cell(total.excl, 'excl'), cell(total.tax, 'tax'), cell(total.incl, 'incl')));
    const total$ = $('#refund-total');
    total$.dataset.amount = total.incl;
    fill(total$, h('strong', { text: `Refund ${money(total.incl, cur)}` }), env.ok ? ' to the customer.' : ' (the lines with errors are left out).');

    fill($('#refund-allocation tbody'), r.transactions.length === 0
      ? h('tr', {}, h('td', { colspan: 3, class: 'empty', text: 'Nothing allocated.' }))
      : r.transactions.map((t) => {
        const id = v1() ? t.parent_id : t.id;
        return h('tr', { dataset: { transaction: String(id) } }, h('th', { scope: 'row', text: String(id) }),
          cell(t.amount, 'amount'), cell(v1() ? t.maximum_refundable : t.refundable_amount, 'refundable'));
      }));

    if (!env.ok) {
      showBody(null, 'Fix the errors above to get the create request.');
      return;
    }
    const notify = $('#refund-notify').checked;
    const created = ctx.engine.toRefundCreateRequest(env, v1()
      ? { note: $('#refund-note').value, notify_customer: notify }
      : { note: $('#refund-note').value, send_refund_notification: notify });
    if (!created.ok) {
      renderIssues($('#refund-issues'), created);
      showBody(null, 'The create request could not be built.');
      return;
    }
    showBody(created.result);
  }

  // Elastic Path: items and totals as money; the calls carry integer minor units, shown as they will be sent.
  function renderElasticPath(env, r, cell, cur) {
    fill($('#refund-amounts tbody'), r.items.map((l) => h('tr', { dataset: { lineId: String(l.item_id) } },
      h('th', { scope: 'row', text: titleOf(l.item_id) }), cell(l.quantity, 'quantity'), h('td', { text: '—' }),
      cell(l.amount_excl_tax, 'excl'), cell(l.total_tax, 'tax'), cell(l.amount, 'incl'))),
    h('tr', { class: 'grand', dataset: { row: 'total' } }, h('th', { scope: 'row', text: 'Total' }), h('td'), h('td'),
      cell(r.amount_excl_tax ?? '—', 'excl'), cell(r.total_tax ?? '—', 'tax'), cell(r.amount, 'incl')));
    const total$ = $('#refund-total');
    total$.dataset.amount = r.amount;
    fill(total$, h('strong', { text: `Refund ${money(r.amount, cur)}` }), env.ok ? ' to the customer, one call per transaction.' : ' (the items with errors are left out).');
    fill($('#refund-allocation tbody'), r.transactions.length === 0
      ? h('tr', {}, h('td', { colspan: 3, class: 'empty', text: 'Nothing allocated.' }))
      : r.transactions.map((t) => h('tr', { dataset: { transaction: String(t.id) } }, h('th', { scope: 'row', text: `${t.id} (${t.gateway || 'gateway?'})` }),
        cell(t.amount, 'amount'), cell(t.refundable_amount, 'refundable'))));
    if (!env.ok) {
      showBody(null, 'Fix the errors above to get the refund calls.');
      return;
    }
    const created = ctx.engine.toRefundCreateRequest(env, { note: $('#refund-note').value });
    if (!created.ok) {
      renderIssues($('#refund-issues'), created);
      showBody(null, 'The refund calls could not be built.');
      return;
    }
    showBody(created.result.requests);
  }

  function titleOf(id) {
    const line = ctx.info.lines.find((l) => String(l.line_id) === String(id));
    return line?.title ? `${line.title} (#${id})` : `#${id}`;
  }

  function showBody(value, placeholder = '') {
    body = value;
    const pre = $('#refund-body');
    pre.textContent = value ? json(value) : placeholder;
    pre.classList.toggle('placeholder', !value);
    copyButton.disabled = !value;
    copyStatus.textContent = '';
    const o = ctx.order;
    $('#refund-body-endpoint').textContent = !value ? ''
      : ep() ? `${value.length} × POST /v2/orders/${o.data?.id}/transactions/{transaction}/refund (refundATransaction), amounts in minor units`
        : v1() ? `POST /api/v1/orders/${o.id}/refunds` : `POST /api/admin/orders/${o.number}/refund/`;
  }

  async function copy() {
    if (!body) return;
    const text = json(body);
    try {
      await navigator.clipboard.writeText(text);
      copyStatus.textContent = 'Copied.';
    } catch {
      // No clipboard permission: select the text so Ctrl+C copies it.
      const range = document.createRange();
      range.selectNodeContents($('#refund-body'));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      copyStatus.textContent = 'Selected — press Ctrl+C to copy.';
    }
  }

  function reset() {
    $('#refund-generic').hidden = sw();
    if (sw()) {
      errors.clear();
      return;
    }
    document.querySelector('input[name="refund-shipping"][value="none"]').checked = true;
    shippingAmount.value = '';
    buildRows();
    calculate();
  }

  for (const radio of document.querySelectorAll('input[name="refund-shipping"]')) {
    radio.addEventListener('change', () => {
      calculate();
      if (radio.value === 'amount' && radio.checked) shippingAmount.focus();
    });
  }
  shippingAmount.addEventListener('input', calculate);
  $('#refund-note').addEventListener('input', calculate);
  $('#refund-notify').addEventListener('change', calculate);
  copyButton.addEventListener('click', copy);
  $('#refund-reset').addEventListener('click', reset);
  for (const [id, key] of [['#profile-rounding', 'rounding'], ['#profile-proration', 'proration'], ['#profile-allocation', 'refund_allocation']]) {
    $(id).value = ctx.profile[key];
    $(id).addEventListener('change', (e) => {
      ctx.profile[key] = e.target.value;
      reopen();
    });
  }

  return { tab: 'tab-refund', orderLoaded: reset, refresh: calculate };
}
