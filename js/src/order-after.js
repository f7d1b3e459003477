// previewEdit's `order` for a caller that passed the order as an object: the engine answers with what the edits
// change (`order_changes`, asked with order_echo: "changes") and the order after the edits is built here from the
// caller's own object, in time proportional to the change. Members and lines the edits leave as they came are the
// caller's own values (shared, never copied or mutated); the rest is the engine's. Deep-equal to the engine's
// whole echo for any order that JSON round-trips (docs/api.md, "previewEdit").

/** Whether previewEdit can build `order` from the caller's object: an object order and the echo asked for. */
export function sharesOrder(order, options) {
  if (order === null || typeof order !== 'object' || Array.isArray(order)) return false;
  if (options === undefined || options === null) return true;
  return typeof options === 'object' && !Array.isArray(options) && options.include_order !== false && options.order_echo === undefined;
}

/** Replaces `result.order_changes` by `result.order`, built from `input`, keeping `order` the first member. */
export function withOrderAfter(envelope, input) {
  const changes = envelope.result?.order_changes;
  if (!changes) return envelope;
  const { order_changes: _, ...rest } = envelope.result;
  envelope.result = { order: orderAfter(input, changes), ...rest };
  return envelope;
}

function orderAfter(input, changes) {
  const base = changes.within ? input[changes.within] : input;
  const skip = new Set(changes.skip);
  const out = {};
  for (const key of Object.keys(base)) {
    if (skip.has(key) || key in changes.tail) continue;
    const value = base[key];
    // JSON.stringify leaves these out, so the engine never saw them.
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    out[key] = value;
  }
  const inputLines = base[changes.lines_key];
  for (const [key, value] of Object.entries(changes.tail)) {
    out[key] = key === changes.lines_key ? value.map((line) => (typeof line === 'number' ? inputLines[line] : line)) : value;
  }
  return out;
}
