// Cloudflare Workers example: order-preflight behind four POST routes. Each answers the engine's envelope
// { ok, errors, warnings, result } as JSON: 200 when ok, 400 when the input was refused, 404 for an unknown
// route, 405 for anything but POST, 501 when this build of the engine lacks the operation.
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

const refusal = (status, code, message, path = '', headers = {}) =>
  new Response(JSON.stringify({ ok: false, errors: [{ code, message, path }], warnings: [], result: null }), {
    status,
    headers: { ...JSON_HEADERS, ...headers },
  });

let engine; // one instance per isolate, loaded on the first request

export default {
  async fetch(request) {
    const { pathname } = new URL(request.url);
    const route = ROUTES[pathname];
    if (!route) {
      return refusal(404, 'UNKNOWN_ROUTE', `No route ${pathname}; POST to one of ${Object.keys(ROUTES).join(', ')}.`);
    }
    if (request.method !== 'POST') {
      return refusal(405, 'METHOD_NOT_ALLOWED', `${pathname} only answers POST.`, '', { allow: 'POST' });
    }
    engine ??= await loadEngine();
    if (typeof engine[route.method] !== 'function') {
      return refusal(501, 'NOT_IMPLEMENTED', `This build of order-preflight ${engine.version()} has no ${route.method}.`);
    }

    let body;
    try {
      body = JSON.parse(await request.text());
    } catch (e) {
      return refusal(400, 'INVALID_JSON', `The request body is not valid JSON: ${e.message}`);
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return refusal(400, 'WRONG_TYPE', `The request body must be an object with ${route.fields.join(', ')}.`);
    }
    // Missing fields stay undefined: the engine reports them with their path.
    const args = route.fields.map((field) => body[field] ?? undefined);

    const envelope = engine[route.method](...args);
    return new Response(JSON.stringify(envelope), { status: envelope.ok ? 200 : 400, headers: JSON_HEADERS });
  },
};
