// A small local renderer for the engine's `stateDiagram-v2` text (mermaid() output): parses
// `[*] --> s`, `s --> [*]` and `a --> b: action [guard]`, lays the states out in layers from left to right
// and draws an SVG. Layering: breadth-first distance from the initial state, a few barycentre sweeps order
// each layer. Forward edges run left to right, edges within a layer arc on the right of their column, edges
// going back run below the nodes.
import { s } from './dom.js';

/** @returns {{initial: string|null, finals: Set<string>, states: string[], edges: {from, to, action, guard}[]}} */
export function parseStateDiagram(text) {
  const edges = [];
  const states = [];
  const finals = new Set();
  let initial = null;
  const see = (name) => { if (!states.includes(name)) states.push(name); };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const m = /^(\[\*\]|[^\s:]+)\s*-->\s*(\[\*\]|[^\s:]+)\s*(?::\s*(.*))?$/.exec(line);
    if (!m) continue; // stateDiagram-v2, direction, blank lines
    const [, from, to, label] = m;
    if (from === '[*]') { initial = to; see(to); continue; }
    if (to === '[*]') { finals.add(from); see(from); continue; }
    see(from);
    see(to);
    const lm = /^(.*?)\s*(?:\[(.*)\])?$/.exec(label ?? '');
    edges.push({ from, to, action: lm[1], guard: lm[2] ?? null });
  }
  return { initial, finals, states, edges };
}

const NODE_H = 34;
const ROW_GAP = 30;
const COL_GAP = 96;
const PAD = 24;
const CHAR_W = 7.4; // estimate for 13px sans-serif; the boxes leave slack
const LABEL_CHAR_W = 6.3;

/** Layers and positions. extraStates: states known from machines() that the text may not mention. */
export function layoutStateDiagram(parsed, extraStates = []) {
  const states = [...parsed.states];
  for (const st of extraStates) if (!states.includes(st)) states.push(st);
  const out = new Map(states.map((st) => [st, []]));
  for (const e of parsed.edges) if (e.from !== e.to) out.get(e.from).push(e.to);

  // 1. layers by breadth-first distance from the initial state (then from any state not reached, e.g. one
  //    set at creation); this keeps dense machines (Shopware's payment states) to a few columns
  const layer = new Map();
  const bfs = (start) => {
    layer.set(start, 0);
    const queue = [start];
    while (queue.length) {
      const v = queue.shift();
      for (const w of out.get(v)) {
        if (layer.has(w)) continue;
        layer.set(w, layer.get(v) + 1);
        queue.push(w);
      }
    }
  };
  if (parsed.initial && out.has(parsed.initial)) bfs(parsed.initial);
  for (const st of states) if (!layer.has(st)) bfs(st);
  const forward = parsed.edges.filter((e) => layer.get(e.to) > layer.get(e.from));
  const columns = [];
  for (const st of states) (columns[layer.get(st)] ??= []).push(st);

  // 3. order within layers: barycentre of neighbours in the previous (then next) layer
  const pos = new Map();
  const index = () => columns.forEach((col) => col.forEach((st, i) => pos.set(st, i)));
  index();
  const neighbours = (st, dir) => forward.filter((e) => (dir > 0 ? e.to === st : e.from === st)).map((e) => (dir > 0 ? e.from : e.to));
  for (let sweep = 0; sweep < 4; sweep += 1) {
    const dir = sweep % 2 === 0 ? 1 : -1;
    const order = dir > 0 ? columns.keys() : [...columns.keys()].reverse();
    for (const c of order) {
      const col = columns[c];
      const bary = new Map(col.map((st) => {
        const ns = neighbours(st, dir);
        return [st, ns.length ? ns.reduce((a, n) => a + pos.get(n), 0) / ns.length : pos.get(st)];
      }));
      col.sort((a, b) => bary.get(a) - bary.get(b) || pos.get(a) - pos.get(b));
      col.forEach((st, i) => pos.set(st, i));
    }
  }

  // 4. coordinates: column widths from the widest name, columns centred vertically
  const width = (st) => Math.max(88, Math.round(st.length * CHAR_W + 28));
  const tallest = Math.max(...columns.map((c) => c.length));
  const fullHeight = tallest * NODE_H + (tallest - 1) * ROW_GAP;
  const nodes = new Map();
  let x = PAD + 26; // room for the start marker
  const columnRight = [];
  for (const col of columns) {
    const colW = Math.max(...col.map(width));
    const colH = col.length * NODE_H + (col.length - 1) * ROW_GAP;
    let y = PAD + (fullHeight - colH) / 2;
    for (const st of col) {
      const w = width(st);
      nodes.set(st, { name: st, x: x + (colW - w) / 2, y, w, h: NODE_H, layer: layer.get(st) });
      y += NODE_H + ROW_GAP;
    }
    columnRight.push(x + colW);
    x += colW + COL_GAP;
  }
  const backCount = parsed.edges.filter((e) => layer.get(e.to) < layer.get(e.from)).length;
  const height = PAD * 2 + fullHeight + (backCount ? 40 + Math.min(backCount, 8) * 10 : 0);
  return { nodes, columnRight, width: x - COL_GAP + PAD, height, layer, initial: parsed.initial, finals: parsed.finals };
}

/**
 * Draws the diagram. current: the highlighted state; labels: 'all' or 'current' (only the edges leaving the
 * current state carry their action names; the others keep them in a tooltip).
 */
export function renderStateDiagram(parsed, layout, { current, title, labels = parsed.edges.length <= 14 ? 'all' : 'current', scale = 1 } = {}) {
  const { nodes } = layout;
  const svg = s('svg', {
    xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${Math.ceil(layout.width)} ${Math.ceil(layout.height)}`,
    width: Math.ceil(layout.width * scale), height: Math.ceil(layout.height * scale), class: labels === 'all' ? 'state-diagram' : 'state-diagram dense', role: 'img', 'aria-label': title,
  });
  svg.append(s('title', { text: title }));
  const marker = (id, cls) => s('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' },
    s('path', { d: 'M0,0 L10,5 L0,10 z', class: cls }));
  svg.append(s('defs', {}, marker('arrow', 'arrowhead'), marker('arrow-hot', 'arrowhead hot')));

  // group parallel edges into one drawn edge
  const groups = new Map();
  for (const e of parsed.edges) {
    const key = `${e.from}\u0000${e.to}`;
    if (!groups.has(key)) groups.set(key, { from: e.from, to: e.to, labels: [] });
    groups.get(key).labels.push(e.guard ? `${e.action} [${e.guard}]` : e.action);
  }
  const edgeLayer = s('g', { class: 'edges' });
  const labelLayer = s('g', { class: 'edge-labels' });
  let backIndex = 0;
  const bottom = Math.max(...[...nodes.values()].map((n) => n.y + n.h));
  for (const g of groups.values()) {
    const a = nodes.get(g.from);
    const b = nodes.get(g.to);
    if (!a || !b) continue;
    const hot = g.from === current;
    const text = g.labels.join(', ');
    let d;
    let mid;
    if (g.from === g.to) {
      // self-loop above the node
      const cx = a.x + a.w / 2;
      d = `M${cx - 12},${a.y} C${cx - 30},${a.y - 34} ${cx + 30},${a.y - 34} ${cx + 12},${a.y}`;
      mid = { x: cx, y: a.y - 30 };
    } else if (b.layer > a.layer) {
      const x1 = a.x + a.w;
      const y1 = a.y + a.h / 2;
      const x2 = b.x;
      const y2 = b.y + b.h / 2;
      const dx = Math.max((x2 - x1) / 2, 30);
      d = `M${x1},${y1} C${x1 + dx},${y1} ${x2 - dx},${y2} ${x2},${y2}`;
      // the label sits in the gap right after the source's column, never on a node of a skipped layer
      mid = b.layer === a.layer + 1
        ? bezierMid([x1, y1], [x1 + dx, y1], [x2 - dx, y2], [x2, y2])
        : bezierAtX([x1, y1], [x1 + dx, y1], [x2 - dx, y2], [x2, y2], layout.columnRight[a.layer] + COL_GAP / 2);
    } else if (a.layer === b.layer) {
      // within one column: an arc on the column's right side
      const xr = layout.columnRight[a.layer];
      const y1 = a.y + a.h / 2 + (b.y > a.y ? 5 : -5);
      const y2 = b.y + b.h / 2 + (b.y > a.y ? -5 : 5);
      const bulge = Math.min(18 + Math.abs(b.y - a.y) / 5, COL_GAP * 0.55);
      d = `M${a.x + a.w},${y1} C${xr + bulge},${y1} ${xr + bulge},${y2} ${b.x + b.w},${y2}`;
      mid = bezierMid([a.x + a.w, y1], [xr + bulge, y1], [xr + bulge, y2], [b.x + b.w, y2]);
    } else {
      // back edge: leaves below the source, returns below the target
      backIndex += 1;
      const x1 = a.x + a.w / 2 + 8;
      const y1 = a.y + a.h;
      const x2 = b.x + b.w / 2 - 8;
      const y2 = b.y + b.h;
      const depth = Math.max(Math.max(y1, y2) + 26, bottom + 18) + (backIndex % 8) * 10;
      d = `M${x1},${y1} C${x1},${depth} ${x2},${depth} ${x2},${y2}`;
      mid = bezierMid([x1, y1], [x1, depth], [x2, depth], [x2, y2]);
    }
    const path = s('path', { d, class: hot ? 'edge hot' : 'edge', 'marker-end': hot ? 'url(#arrow-hot)' : 'url(#arrow)', dataset: { from: g.from, to: g.to } },
      s('title', { text: `${g.from} → ${g.to}: ${text}` }));
    edgeLayer.append(path);
    if (labels === 'all' || hot) {
      const w = text.length * LABEL_CHAR_W + 8;
      labelLayer.append(s('g', { class: hot ? 'edge-label hot' : 'edge-label' },
        s('rect', { x: mid.x - w / 2, y: mid.y - 9, width: w, height: 16, rx: 3 }),
        s('text', { x: mid.x, y: mid.y + 3, 'text-anchor': 'middle', text })));
    }
  }
  svg.append(edgeLayer);

  // start marker
  const init = nodes.get(layout.initial);
  if (init) {
    const cy = init.y + init.h / 2;
    svg.append(s('g', { class: 'start' }, s('circle', { cx: init.x - 22, cy, r: 6 }),
      s('path', { d: `M${init.x - 16},${cy} L${init.x},${cy}`, class: 'edge', 'marker-end': 'url(#arrow)' })));
  }

  const nodeLayer = s('g', { class: 'nodes' });
  for (const n of nodes.values()) {
    const classes = ['state'];
    if (n.name === current) classes.push('current');
    if (layout.finals.has(n.name)) classes.push('final');
    if (n.name === layout.initial) classes.push('initial');
    const g = s('g', { class: classes.join(' '), dataset: { state: n.name } },
      s('rect', { x: n.x, y: n.y, width: n.w, height: n.h, rx: 8 }));
    if (layout.finals.has(n.name)) g.append(s('rect', { class: 'inner', x: n.x + 3, y: n.y + 3, width: n.w - 6, height: n.h - 6, rx: 6 }));
    g.append(s('text', { x: n.x + n.w / 2, y: n.y + n.h / 2 + 4.5, 'text-anchor': 'middle', text: n.name }));
    if (n.name === current) g.append(s('title', { text: `${n.name} (current state)` }));
    nodeLayer.append(g);
  }
  svg.append(nodeLayer, labelLayer);
  return svg;
}

function bezierPoint(p0, p1, p2, p3, t) {
  const u = 1 - t;
  const f = (i) => u * u * u * p0[i] + 3 * u * u * t * p1[i] + 3 * u * t * t * p2[i] + t * t * t * p3[i];
  return { x: f(0), y: f(1) };
}

/** The point of a left-to-right cubic whose x is (about) x, by bisection on t. */
function bezierAtX(p0, p1, p2, p3, x) {
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 30; k += 1) {
    const t = (lo + hi) / 2;
    if (bezierPoint(p0, p1, p2, p3, t).x < x) lo = t;
    else hi = t;
  }
  return bezierPoint(p0, p1, p2, p3, (lo + hi) / 2);
}

function bezierMid(p0, p1, p2, p3) {
  return { x: (p0[0] + 3 * p1[0] + 3 * p2[0] + p3[0]) / 8, y: (p0[1] + 3 * p1[1] + 3 * p2[1] + p3[1]) / 8 };
}
