// Planned server calls ({method, path, operation, headers, body}) as a list of HTTP requests, the way the
// Shopware panels show them. A call without an operation id is one the platform's published contract does not
// list (Shopware's commercial return and line-state routes), and says so.
import { fill, h, json } from './dom.js';

/** Headers, a blank line, then the JSON body (or "(no body)"). */
export function requestText(call) {
  const headers = Object.entries(call.headers ?? {}).map(([k, v]) => `${k}: ${v}`).join('\n');
  return `${headers}${call.body !== undefined ? `\n\n${json(call.body)}` : '\n\n(no body)'}`;
}

/** One call as a list item: method, path, operation id, then the request text. */
export function callItem(call) {
  return h('li', { class: 'call', dataset: { method: call.method, path: call.path, operation: call.operation ?? '' } },
    h('div', { class: 'call-head' }, h('span', { class: `method m-${call.method.toLowerCase()}`, text: call.method }), ' ',
      h('code', { class: 'call-path', text: call.path }),
      h('span', { class: 'operation', text: call.operation ?? 'not in the published contract' })),
    h('pre', { class: 'code', tabindex: 0, text: requestText(call) }));
}

/** Fills an <ol> with the calls, or one item saying why there is none. */
export function renderPlan(list, plan, emptyText) {
  fill(list, plan && plan.length ? plan.map(callItem) : h('li', { class: 'empty', text: emptyText }));
}
