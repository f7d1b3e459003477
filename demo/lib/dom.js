// Small DOM helpers for the demo: element creation without innerHTML (the CSP forbids inline styles and the
// demo never parses HTML from data), issue lists, and the mapping of issue paths back to form controls.

/**
 * Creates an element. attrs: `class`, `text`, `dataset` (object), `on` (object of listeners), anything else
 * is set as an attribute (false/null/undefined skip it). Children: nodes or strings.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element; same attrs as h(). */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

function setAttrs(el, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'on') for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
    else if (key === 'style') throw new Error('inline styles are forbidden by the CSP; use a class');
    else el.setAttribute(key, value === true ? '' : String(value));
  }
}

export const $ = (selector, root = document) => root.querySelector(selector);

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

/** "EUR 12.30" from an amount string; negative amounts keep their sign. */
export const money = (amount, currency) => (amount === undefined || amount === null ? '—' : `${currency} ${amount}`);

/** The absolute value of a decimal string ("-20.00" → "20.00"). */
export const abs = (amount) => String(amount).replace(/^-/, '');

/** A signed decimal string for a change column ("+1.00", "-2.50", "0.00"). */
export const signed = (amount) => {
  if (amount === undefined || amount === null) return '';
  const text = String(amount);
  return text.startsWith('-') || /^0(\.0+)?$/.test(text) ? text : `+${text}`;
};

/** One issue as a list item: CODE, the path it concerns, the message. */
export function issueItem(issue, kind = 'error', onFocusField = null) {
  const path = issue.path
    ? onFocusField
      ? h('button', { type: 'button', class: 'path link', text: issue.path, title: 'Go to the field', on: { click: onFocusField } })
      : h('code', { class: 'path', text: issue.path })
    : h('span', { class: 'path none', text: '(whole request)' });
  return h('li', { class: `issue ${kind}`, dataset: { code: issue.code, path: issue.path ?? '' } },
    h('code', { class: 'code', text: issue.code }), ' ', path, ' ', h('span', { class: 'msg', text: issue.message }));
}

/**
 * Renders an envelope's errors and warnings into a container. fieldFor(issue) may return the control an
 * issue belongs to; such errors (and, with `warningFields`, such warnings) get a button that focuses it.
 */
export function renderIssues(container, { errors = [], warnings = [] }, fieldFor = () => null, { warningFields = false } = {}) {
  const items = [];
  for (const e of errors) {
    const field = fieldFor(e);
    items.push(issueItem(e, 'error', field ? () => field.focus() : null));
  }
  for (const w of warnings) {
    const field = warningFields ? fieldFor(w) : null;
    items.push(issueItem(w, 'warning', field ? () => field.focus() : null));
  }
  if (items.length === 0) return fill(container);
  const head = errors.length
    ? `${errors.length} error${errors.length === 1 ? '' : 's'}${warnings.length ? `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}` : ''}`
    : `${warnings.length} warning${warnings.length === 1 ? '' : 's'}`;
  return fill(container, h('p', { class: errors.length ? 'issues-head error' : 'issues-head warning', text: head }), h('ul', {}, items));
}

/**
 * Field-level error markers: every control that can carry an error has an error element (id `<control>-err`)
 * referenced by aria-describedby. set() clears the previous markers and marks the controls of the new issues.
 */
export class FieldErrors {
  constructor() {
    this.marked = new Set();
  }

  clear() {
    for (const control of this.marked) {
      control.removeAttribute('aria-invalid');
      const err = document.getElementById(`${control.id}-err`);
      if (err) err.replaceChildren();
    }
    this.marked.clear();
  }

  /**
   * issues: [{issue, control, kind?}]. kind 'warning' shows the message beside the control without marking it
   * invalid (the server would accept the input; the warning says what it leaves behind).
   */
  set(pairs) {
    this.clear();
    for (const { issue, control, kind = 'error' } of pairs) {
      if (!control) continue;
      if (kind === 'error') control.setAttribute('aria-invalid', 'true');
      const err = document.getElementById(`${control.id}-err`);
      if (err) err.append(h('span', { class: kind === 'error' ? 'field-issue' : `field-issue ${kind}`, dataset: { code: issue.code, kind } }, h('code', { text: issue.code }), ' ', issue.message));
      this.marked.add(control);
    }
  }
}

/**
 * A labelled control with its own error element: <div class=field><label/><control/><span -err/></div>.
 * srSuffix is read by screen readers only (e.g. which added line a short visible label belongs to).
 */
export function field(labelText, control, { hiddenLabel = false, className = 'field', srSuffix = '' } = {}) {
  const errId = `${control.id}-err`;
  control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), errId].filter(Boolean).join(' '));
  return h('div', { class: className },
    h('label', { for: control.id, class: hiddenLabel ? 'sr-only' : null }, labelText, srSuffix ? h('span', { class: 'sr-only', text: srSuffix }) : null),
    control,
    h('span', { class: 'field-error', id: errId }));
}

/** Parses `edits[3].shipping_address.line1` with a given root name → {index: 3, rest: 'shipping_address.line1'}. */
export function parseIndexedPath(path, rootName) {
  const m = new RegExp(`^${rootName}\\[(\\d+)\\](?:\\.(.*))?$`).exec(path ?? '');
  return m ? { index: Number(m[1]), rest: m[2] ?? '' } : null;
}

/** A number when the text is a plain JSON number, else the text itself (so the engine reports the type). */
export function numberOrText(text) {
  const t = String(text).trim();
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

/** Pretty JSON. */
export const json = (value) => JSON.stringify(value, null, 2);
