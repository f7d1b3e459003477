// Cloudflare Workers example: order-preflight behind four POST routes. A route answers the engine's envelope
// { ok, errors, warnings, result } as JSON — 200 when ok, 400 when the input was refused — and every code in
// it is an engine code (engine.codes()). HTTP-level refusals (404 unknown route, 405 not POST) are not engine
// answers and use their own shape, { error: { status, message } }, so a client never mistakes them for one.
// Wrangler picks the package's "workerd" export, which imports order_preflight.wasm as a compiled module
// (Workers refuse to compile wasm bytes at run time).
import { loadEngine } from 'order-preflight';

// route -> engine method and how the JSON body becomes its arguments. Each input may be an object or a
// JSON text (a string), exactly as the engine takes it.
const ROUTES = {
  '/inspect': { method: 'inspectOrder', fields: ['order', 'options'] },
  '/refund/calculate': { method: 'calculateRefund', fields: ['order', 'request', 'options'] },
  '/edit/preview': { method: 'previewEdit', fields: ['order', 'edits', 'options'] },
  // request: {preset|definition, machine, from, action, order?}
  '/transition': { method: 'transition', fields: ['request', 'options'] },
};

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

// An envelope for a body the worker cannot hand to the engine; `code` is an engine code (INVALID_JSON, WRONG_TYPE).
const refusal = (code, message, path = '') =>
  new Response(JSON.stringify({ ok: false, errors: [{ code, message, path }], warnings: [], result: null }), {
    status: 400,
    headers: JSON_HEADERS,
  });

// Not an engine envelope: no `ok`, no issue codes.
const httpError = (status, message, headers = {}) =>
  new Response(JSON.stringify({ error: { status, message } }), { status, headers: { ...JSON_HEADERS, ...headers } });

let engine; // one instance per isolate, loaded on the first request

export default {
  async fetch(request) {
    const { pathname } = new URL(request.url);
    const route = ROUTES[pathname];
    if (!route) {
      return httpError(404, `No route ${pathname}; POST to one of ${Object.keys(ROUTES).join(', ')}.`);
    }
    if (request.method !== 'POST') {
      return httpError(405, `${pathname} only answers POST.`, { allow: 'POST' });
    }
    engine ??= await loadEngine();

    let body;
    try {
      body = JSON.parse(await request.text());
    } catch (e) {
      return refusal('INVALID_JSON', `The request body is not valid JSON: ${e.message}`);
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return refusal('WRONG_TYPE', `The request body must be an object with ${route.fields.join(', ')}.`);
    }
    // Missing fields stay undefined: the engine reports them with their path.
    const args = route.fields.map((field) => body[field] ?? undefined);

    const envelope = engine[route.method](...args);
    return new Response(JSON.stringify(envelope), { status: envelope.ok ? 200 : 400, headers: JSON_HEADERS });
  },
};
