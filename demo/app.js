// The demo's entry: loads the engine exactly as a user's page does (bare specifier through the import map),
// owns the loaded order and its session, and hands both to the panels (edit, refund — or, for a Shopware order,
// returns and capture refunds — and status).
import { loadEngine } from 'order-preflight';
import { $, fill, h, issueItem, json } from './lib/dom.js';
import { createEditPanel } from './panels/edit.js';
import { createRefundPanel } from './panels/refund.js';
import { createReturnsPanel } from './panels/returns.js';
import { createStatusPanel } from './panels/status.js';

const SAMPLES = {
  '29next-sample': '29next sample', '29next-seed000': 'seed 000 order', 'v1-sample': 'v1 sample',
  'elasticpath-sample': 'Elastic Path sample', 'shopware-sample': 'Shopware 6 sample',
};

/**
 * Shared state. `session` is opened once per loaded order (and again when a profile knob changes, since
 * reading options are fixed at open); every preview goes through it.
 */
const ctx = {
  engine: null,
  order: null, // the parsed order (for the panels' forms and for guards)
  orderText: '',
  source: '',
  session: null,
  info: null, // session.inspect().result
  profile: { rounding: 'half_up', proration: 'half_up', refund_allocation: 'oldest_first' },
  get dialect() { return this.info?.dialect; },
  get currency() { return this.info?.currency; },
  get options() { return { profile: { ...this.profile } }; },
};

const status = $('#engine-status');
const panels = [];

function setStatus(text, kind = '') {
  status.textContent = text;
  status.className = `engine-status ${kind}`;
}

/** Opens text as the new order. On failure the previous order stays loaded; returns the envelope. */
function loadOrderText(text, source) {
  const opened = ctx.engine.openOrder(text, ctx.options);
  if (!opened.ok) return opened.envelope;
  const info = opened.inspect();
  if (!info.ok) {
    opened.close();
    return info;
  }
  let order;
  try {
    order = JSON.parse(text); // the panels read the order's own fields (address, ids) from it
  } catch (e) {
    opened.close();
    return { ok: false, errors: [{ code: 'INVALID_JSON', message: `The engine read the order but JavaScript cannot: ${e.message}`, path: 'order' }], warnings: [] };
  }
  ctx.session?.close();
  ctx.session = opened;
  ctx.info = info.result;
  ctx.order = order;
  ctx.orderText = text;
  ctx.source = source;
  renderSummary(opened.envelope.warnings);
  for (const p of panels) p.orderLoaded();
  return opened.envelope;
}

/** Reopens the loaded order with the current profile (profile knobs) and refreshes every panel. */
function reopen() {
  const opened = ctx.engine.openOrder(ctx.orderText, ctx.options);
  if (!opened.ok) {
    renderOwnOrderIssues(opened.envelope);
    return;
  }
  ctx.session?.close();
  ctx.session = opened;
  ctx.info = opened.inspect().result;
  renderSummary(opened.envelope.warnings);
  for (const p of panels) p.refresh();
}

function renderSummary(warnings = []) {
  const i = ctx.info;
  const o = ctx.order;
  const number = o.number ?? o.order_number ?? o.data?.order_number ?? o.data?.orderNumber ?? o.orderNumber ?? o.id ?? o.data?.id;
  const statuses = Object.entries(i.statuses ?? {}).filter(([, v]) => v !== null && v !== undefined);
  const item = (term, value) => [h('dt', { text: term }), h('dd', { text: value })];
  fill($('#order-summary'),
    item('Order', `${number} (${SAMPLES[ctx.source] ?? ctx.source})`),
    item('Dialect', i.dialect),
    item('Total', `${i.currency} ${i.totals.total_incl_tax}${i.tax_inclusive ? ' (tax incl.)' : ''}`),
    item('Paid', `${i.currency} ${i.payments.paid}`),
    item('Statuses', statuses.map(([k, v]) => `${k}: ${v}`).join(', ') || '—'),
    item('Fingerprint', i.order_fingerprint),
    warnings.length ? item('Warnings', warnings.map((w) => w.code).join(', ')) : null,
  );
}

async function loadSample(name) {
  const response = await fetch(`/samples/${name}.json`);
  if (!response.ok) throw new Error(`sample ${name}: HTTP ${response.status}`);
  const envelope = loadOrderText(await response.text(), name);
  if (!envelope.ok) renderOwnOrderIssues(envelope);
}

// ---- own order: paste or upload ----

const ownErrors = $('#order-text-errors');
const orderText = $('#order-text');

function renderOwnOrderIssues(envelope, loaded = false) {
  if (envelope.ok) orderText.removeAttribute('aria-invalid');
  else orderText.setAttribute('aria-invalid', 'true');
  if (envelope.ok) {
    const warn = envelope.warnings ?? [];
    fill(ownErrors, h('p', { class: 'issues-head ok', text: loaded ? 'Loaded. Every panel now uses this order.' : '' }),
      warn.length ? h('ul', {}, warn.map((w) => issueItem(w, 'warning'))) : null);
    return;
  }
  const items = envelope.errors.map((e) => issueItem(e, 'error', locate(e) ? () => selectAt(locate(e)) : null));
  fill(ownErrors,
    h('p', { class: 'issues-head error', text: `The order was not loaded (${envelope.errors.length} error${envelope.errors.length === 1 ? '' : 's'}); the previous order stays in use.` }),
    h('ul', {}, items));
}

/** INVALID_JSON messages name a line and column: select that spot in the text. */
function locate(issue) {
  const m = /line (\d+), column (\d+)/.exec(issue.message);
  if (issue.code !== 'INVALID_JSON' || !m) return null;
  const lines = orderText.value.split('\n');
  const line = Math.min(Number(m[1]), lines.length) - 1;
  let offset = 0;
  for (let k = 0; k < line; k += 1) offset += lines[k].length + 1;
  return Math.min(offset + Math.max(Number(m[2]) - 1, 0), orderText.value.length);
}

function selectAt(offset) {
  orderText.focus();
  orderText.setSelectionRange(Math.max(offset - 1, 0), Math.min(offset + 1, orderText.value.length));
}

function loadOwn() {
  const text = orderText.value;
  if (!text.trim()) {
    renderOwnOrderIssues({ ok: false, errors: [{ code: 'MISSING_FIELD', message: 'Paste an order (JSON) first.', path: 'order' }] });
    return;
  }
  const envelope = loadOrderText(text, 'your order');
  renderOwnOrderIssues(envelope, envelope.ok);
  if (envelope.ok) $('#sample-select').value = '';
}

// ---- tabs ----

function setupTabs() {
  const tabs = [...document.querySelectorAll('[role=tab]')];
  const select = (tab, focus) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
    }
    if (focus) tab.focus();
    panels.find((p) => p.tab === tab.id)?.shown?.();
  };
  for (const tab of tabs) {
    tab.addEventListener('click', () => select(tab, false));
    tab.addEventListener('keydown', (e) => {
      const i = tabs.indexOf(tab);
      const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
      if (next === undefined) return;
      e.preventDefault();
      select(tabs[(next + tabs.length) % tabs.length], true);
    });
  }
}

async function main() {
  setupTabs();
  try {
    ctx.engine = await loadEngine();
  } catch (e) {
    setStatus(`The engine could not load: ${e.message}`, 'error');
    return;
  }
  setStatus(`Engine ${ctx.engine.version()} ready (wasm, in this page)`, 'ok');

  panels.push(createEditPanel(ctx), createRefundPanel(ctx, { reopen }), createReturnsPanel(ctx), createStatusPanel(ctx));

  $('#sample-select').addEventListener('change', (e) => {
    if (e.target.value) loadSample(e.target.value).catch((err) => setStatus(err.message, 'error'));
  });
  $('#order-load').addEventListener('click', loadOwn);
  $('#order-copy-current').addEventListener('click', () => {
    orderText.value = json(ctx.order);
    orderText.focus();
  });
  $('#order-file').addEventListener('change', async (e) => {
    const file = e.target.files?.[0];
    if (!file) return;
    orderText.value = await file.text();
    loadOwn();
  });

  await loadSample($('#sample-select').value);
  $('#app').dataset.ready = 'true';
}

main();
