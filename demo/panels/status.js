// Status panel: a preset's machines (machines()), the diagram of one (mermaid(), drawn locally), the current
// state highlighted, its actions (availableActions()) as buttons; a click applies transition().
// With a Shopware order the panel is also driven by the order's entities: choosing one (order, delivery,
// transaction, capture, capture refund, return, return line item, line item) passes `{preset: "shopware",
// entity: {type, id}, order}`, so the engine reads the machine and the current state from the order, and an
// action is a preview (transition's result, its warnings and the exact server call); the order does not change.
import { $, fill, h, renderIssues } from '../lib/dom.js';
import { layoutStateDiagram, parseStateDiagram, renderStateDiagram } from '../lib/diagram.js';
import { callItem } from '../lib/plan.js';
import { shopwareRoot, shortId, technicalName } from './returns.js';

const list = (value) => (Array.isArray(value) ? value : []);

/** The entities of a Shopware order whose state the engine reads (docs/rules.md S50), with that state as the order holds it. */
function shopwareEntities(order) {
  const o = shopwareRoot(order);
  const amountOf = (price) => (typeof price?.totalPrice === 'number' ? ` · ${price.totalPrice}` : '');
  const out = [{ type: 'order', id: o.id, label: `Order ${o.orderNumber ?? shortId(o.id)}`, state: technicalName(o.stateMachineState) }];
  list(o.deliveries).forEach((d, i) => out.push({ type: 'order_delivery', id: d.id, label: `Delivery ${i + 1} (${shortId(d.id)})`, state: technicalName(d.stateMachineState) }));
  list(o.transactions).forEach((t, i) => {
    out.push({ type: 'order_transaction', id: t.id, label: `Transaction ${i + 1} (${shortId(t.id)})${amountOf(t.amount)}`, state: technicalName(t.stateMachineState) });
    list(t.captures).forEach((c) => {
      out.push({ type: 'order_transaction_capture', id: c.id, label: `Capture ${shortId(c.id)}${amountOf(c.amount)}`, state: technicalName(c.stateMachineState) });
      list(c.refunds).forEach((r) => out.push({ type: 'order_transaction_capture_refund', id: r.id, label: `Capture refund ${shortId(r.id)}${amountOf(r.amount)}`, state: technicalName(r.stateMachineState) }));
    });
  });
  const labelOf = (id) => list(o.lineItems).find((li) => li.id === id)?.label ?? shortId(id);
  list(o.extensions?.returns).forEach((r) => {
    out.push({ type: 'order_return', id: r.id, label: `Return ${r.returnNumber ?? shortId(r.id)}`, state: technicalName(r.state) });
    list(r.lineItems).forEach((l) => out.push({ type: 'order_return_line_item', id: l.id, label: `Return line: ${labelOf(l.orderLineItemId)} × ${l.quantity}`, state: technicalName(l.state) }));
  });
  list(o.lineItems).forEach((li) => out.push({ type: 'order_line_item', id: li.id, label: `Line item: ${li.label ?? shortId(li.id)}`, state: technicalName(li.extensions?.state) }));
  return out.filter((e) => typeof e.id === 'string');
}

export function createStatusPanel(ctx) {
  const presetSel = $('#status-preset');
  const machineSel = $('#status-machine');
  const stateSel = $('#status-state');
  const useOrder = $('#status-use-order');
  const actionsBox = $('#status-actions');
  const issues = $('#status-issues');
  const panel = $('#panel-status');
  let machines = [];
  let machine = null;
  let state = null;
  let history = [];
  let entities = [];
  let entity = null; // the chosen entity of a Shopware order; null: the machine explorer
  const entitiesBox = $('#status-entities-box');
  const preview = $('#status-preview');

  const entityRef = (e) => ({ preset: 'shopware', entity: { type: e.type, id: e.id }, order: ctx.order });
  const request = (extra) => (entity
    ? { ...entityRef(entity), ...extra }
    : { preset: presetSel.value, machine: machine.name, ...(useOrder.checked && ctx.order ? { order: ctx.order } : {}), ...extra });

  function loadPreset() {
    const env = ctx.engine.machines(presetSel.value);
    renderIssues(issues, env);
    machines = env.result?.machines ?? [];
    fill(machineSel, machines.map((m) => h('option', { value: m.name, text: m.name })));
    loadMachine();
  }

  function loadMachine() {
    machine = machines.find((m) => m.name === machineSel.value) ?? machines[0];
    if (!machine) return;
    fill(stateSel, machine.states.map((st) => h('option', { value: st, text: st })));
    history = [];
    setState(machine.initial);
  }

  function setState(next, { focusActions = false } = {}) {
    state = next;
    stateSel.value = state;
    panel.dataset.state = state;
    panel.dataset.machine = machine.name;
    $('#status-current').textContent = entity
      ? `${entity.label}: ${state} (read from the order)${machine.final.includes(state) ? ' (final)' : ''}`
      : `${machine.name}: ${state}${machine.final.includes(state) ? ' (final)' : ''}`;
    drawDiagram();
    showActions(focusActions);
    fill($('#status-history'), history.length
      ? history.map((t) => h('li', { text: `${t.from} —${t.action}→ ${t.to}${t.noop ? ' (no change)' : ''}` }))
      : h('li', { class: 'empty', text: 'No transition yet.' }));
  }

  function drawDiagram() {
    const env = ctx.engine.mermaid(presetSel.value, machine.name);
    const box = $('#status-diagram');
    if (!env.ok) {
      renderIssues(issues, env);
      fill(box);
      return;
    }
    const parsed = parseStateDiagram(env.result.text);
    const layout = layoutStateDiagram(parsed, machine.states);
    const title = `State diagram of ${presetSel.value} ${machine.name}; ${state ? `current state ${state}` : 'no current state'}`;
    // Small machines are drawn larger to fill the box (up to 1.5×, ~560px tall); big ones keep their size and scroll.
    const room = box.clientWidth - 2;
    const scale = room > 0 ? Math.max(1, Math.min(1.5, room / layout.width, 560 / layout.height)) : 1;
    fill(box, renderStateDiagram(parsed, layout, { current: state, title, scale }));
    box.setAttribute('aria-label', title);
    const dense = parsed.edges.length > 14;
    $('#status-caption').textContent = `${machine.states.length} states, ${parsed.edges.length} transitions, drawn from mermaid() output.`
      + (dense ? ' Only the actions leaving the current state are labelled; hover an arrow for the others.' : '')
      + (room > 0 && layout.width * scale > room + 1 ? ' Scroll the diagram sideways to see every state.' : '');
  }

  function showActions(focus) {
    const env = ctx.engine.availableActions(request(entity ? {} : { state }));
    if (!env.ok) {
      renderIssues(issues, env);
      fill(actionsBox);
      return;
    }
    const actions = env.result.actions;
    fill(actionsBox, actions.length === 0
      ? h('p', { class: 'empty', text: env.result.final ? 'Final state: no action leaves it.' : 'No action leaves this state.' })
      : actions.map((a) => {
        const note = a.guard ? (a.passes ? `guard ${a.guard} holds` : `guard ${a.guard} fails${a.fact ? `: ${a.fact}` : ''}`) : '';
        const button = h('button', { type: 'button', class: a.passes === false ? 'action guarded' : 'action', dataset: { action: a.action, to: a.to } },
          h('span', { class: 'action-name', text: a.action }), h('span', { class: 'action-to', text: `→ ${a.to}` }),
          note ? h('span', { class: 'action-guard', text: note }) : null);
        button.addEventListener('click', () => apply(a.action));
        return button;
      }));
    if (focus) (actionsBox.querySelector('button') ?? $('#status-reset')).focus();
  }

  function apply(action) {
    if (entity) {
      previewEntityAction(action);
      return;
    }
    const env = ctx.engine.transition(request({ from: state, action }));
    renderIssues(issues, env);
    if (!env.ok) {
      showActions(false);
      return;
    }
    history.push(env.result);
    setState(env.result.to, { focusActions: true });
  }

  // ---- the entities of a Shopware order ----

  function renderEntities() {
    const shopware = ctx.dialect === 'shopware' && ctx.order;
    entitiesBox.hidden = !shopware;
    entities = shopware ? shopwareEntities(ctx.order) : [];
    fill($('#status-entities tbody'), entities.map((e, k) => {
      const radio = h('input', { type: 'radio', name: 'status-entity', id: `status-entity-${k}`, value: String(k), dataset: { type: e.type, id: e.id } });
      radio.addEventListener('change', () => { if (radio.checked) chooseEntity(e); });
      return h('tr', { dataset: { entityType: e.type, entityId: e.id } },
        h('td', {}, radio),
        h('th', { scope: 'row' }, h('label', { for: radio.id, text: e.label })),
        h('td', {}, h('code', { text: e.type })),
        h('td', { dataset: { col: 'state' }, class: e.state ? null : 'empty', text: e.state ?? 'not loaded' }));
    }));
  }

  function chooseEntity(e) {
    fill(issues);
    hidePreview();
    entity = null;
    if (presetSel.value !== 'shopware') {
      presetSel.value = 'shopware';
      loadPreset();
    }
    const env = ctx.engine.availableActions(entityRef(e));
    entity = e;
    useOrder.disabled = true; // the order is always the context of an entity
    panel.dataset.entityType = e.type;
    panel.dataset.entityId = e.id;
    if (!env.ok) {
      // e.g. a line item loaded without its state: the engine says what to load. The entity's machine is drawn
      // with no current state.
      renderIssues(issues, env);
      machine = machines.find((m) => m.name === `${e.type}.state`) ?? machine;
      machineSel.value = machine.name;
      fill(stateSel, h('option', { value: '', text: '(not in the order)' }), machine.states.map((st) => h('option', { value: st, text: st })));
      state = null;
      stateSel.value = '';
      panel.dataset.machine = machine.name;
      panel.dataset.state = '';
      drawDiagram();
      $('#status-current').textContent = `${e.label}: no state the engine can read`;
      fill(actionsBox, h('p', { class: 'empty', text: 'No actions: the order holds no state for this entity.' }));
      return;
    }
    machine = machines.find((m) => m.name === env.result.machine) ?? machine;
    machineSel.value = machine.name;
    fill(stateSel, machine.states.map((st) => h('option', { value: st, text: st })));
    history = [];
    setState(env.result.state);
  }

  /** Back to the machine explorer (a machine or state picked by hand, another order). */
  function leaveEntity() {
    if (!entity) return;
    entity = null;
    useOrder.disabled = false;
    delete panel.dataset.entityType;
    delete panel.dataset.entityId;
    for (const radio of document.querySelectorAll('input[name="status-entity"]')) radio.checked = false;
    hidePreview();
  }

  function hidePreview() {
    preview.hidden = true;
    delete preview.dataset.action;
    fill($('#status-preview-result'));
    fill($('#status-preview-call'));
  }

  function previewEntityAction(action) {
    const env = ctx.engine.transition(request({ action }));
    renderIssues(issues, env);
    preview.hidden = false;
    preview.dataset.action = action;
    preview.dataset.ok = String(env.ok);
    const result = $('#status-preview-result');
    const r = env.result;
    if (!r) {
      result.className = 'balance';
      result.dataset.to = '';
      fill(result, h('strong', { class: 'statement', text: `${action}: refused` }), h('span', { class: 'balance-facts', text: env.errors.map((e) => e.message).join(' ') }));
      fill($('#status-preview-call'));
      return;
    }
    result.className = env.warnings.length ? 'balance customer' : 'balance none';
    result.dataset.to = r.to ?? '';
    fill(result, h('strong', { class: 'statement', text: `${r.from} —${r.action}→ ${r.to}${r.noop ? ' (no change)' : ''}` }),
      h('span', { class: 'balance-facts', text: env.warnings.length
        ? `The server accepts this call; ${env.warnings.length === 1 ? 'a warning says' : 'the warnings say'} what it leaves behind.`
        : 'Preview only: nothing is sent and the order keeps its state.' }));
    fill($('#status-preview-call'), r.call ? callItem(r.call) : null);
  }

  function renderDerived() {
    const env = ctx.session?.deriveStatuses();
    const tbody = $('#status-derived tbody');
    if (!env?.result) {
      // Shopware orders: deriveStatuses has no vocabulary for them; the entities above show their states.
      fill(tbody, env?.errors?.length ? h('tr', {}, h('td', { colspan: 4, class: 'empty', text: env.errors.map((e) => e.message).join(' ') })) : null);
      return;
    }
    const rows = Object.entries(env.result).filter(([, v]) => v && typeof v === 'object' && 'derived' in v);
    fill(tbody, rows.map(([name, v]) => h('tr', {}, h('th', { scope: 'row', text: name }), h('td', { text: v.stated ?? '—' }),
      h('td', { text: v.derived }), h('td', { text: v.matches ? 'yes' : `no (accepts ${v.accepts.join(', ')})` }))));
  }

  presetSel.addEventListener('change', () => { fill(issues); leaveEntity(); loadPreset(); });
  machineSel.addEventListener('change', () => { fill(issues); leaveEntity(); loadMachine(); });
  stateSel.addEventListener('change', () => { fill(issues); leaveEntity(); setState(stateSel.value); });
  useOrder.addEventListener('change', () => showActions(false));
  $('#status-reset').addEventListener('click', () => { fill(issues); leaveEntity(); history = []; setState(machine.initial); });

  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => { if (!panel.hidden && machine) drawDiagram(); }, 150);
  });

  loadPreset();
  return {
    tab: 'tab-status',
    shown() { if (machine) drawDiagram(); },
    orderLoaded() {
      renderDerived();
      const wasEntity = Boolean(entity);
      leaveEntity();
      renderEntities();
      if (entities.length) {
        // A Shopware order: start from the order itself, its state read from the order.
        const radio = $('#status-entity-0');
        radio.checked = true;
        chooseEntity(entities[0]);
      } else if (wasEntity && machine) {
        fill(issues);
        setState(machine.initial);
      } else if (machine) showActions(false);
    },
    refresh() { renderDerived(); },
  };
}
