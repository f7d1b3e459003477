// Status panel: a preset's machines (machines()), the diagram of one (mermaid(), drawn locally), the current
// state highlighted, its actions (availableActions()) as buttons; a click applies transition().
import { $, fill, h, renderIssues } from '../lib/dom.js';
import { layoutStateDiagram, parseStateDiagram, renderStateDiagram } from '../lib/diagram.js';

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

  const request = (extra) => ({ preset: presetSel.value, machine: machine.name, ...(useOrder.checked && ctx.order ? { order: ctx.order } : {}), ...extra });

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
    $('#status-current').textContent = `${machine.name}: ${state}${machine.final.includes(state) ? ' (final)' : ''}`;
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
    const title = `State diagram of ${presetSel.value} ${machine.name}; current state ${state}`;
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
    const env = ctx.engine.availableActions(request({ state }));
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
    const env = ctx.engine.transition(request({ from: state, action }));
    renderIssues(issues, env);
    if (!env.ok) {
      showActions(false);
      return;
    }
    history.push(env.result);
    setState(env.result.to, { focusActions: true });
  }

  function renderDerived() {
    const env = ctx.session?.deriveStatuses();
    const tbody = $('#status-derived tbody');
    if (!env?.result) {
      fill(tbody);
      return;
    }
    const rows = Object.entries(env.result).filter(([, v]) => v && typeof v === 'object' && 'derived' in v);
    fill(tbody, rows.map(([name, v]) => h('tr', {}, h('th', { scope: 'row', text: name }), h('td', { text: v.stated ?? '—' }),
      h('td', { text: v.derived }), h('td', { text: v.matches ? 'yes' : `no (accepts ${v.accepts.join(', ')})` }))));
  }

  presetSel.addEventListener('change', () => { fill(issues); loadPreset(); });
  machineSel.addEventListener('change', () => { fill(issues); loadMachine(); });
  stateSel.addEventListener('change', () => { fill(issues); setState(stateSel.value); });
  useOrder.addEventListener('change', () => showActions(false));
  $('#status-reset').addEventListener('click', () => { fill(issues); history = []; setState(machine.initial); });

  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => { if (!panel.hidden && machine) drawDiagram(); }, 150);
  });

  loadPreset();
  return {
    tab: 'tab-status',
    shown() { if (machine) drawDiagram(); },
    orderLoaded() { renderDerived(); if (machine) showActions(false); },
    refresh() { renderDerived(); },
  };
}
