// Runtime-neutral core of the package: instantiates the Emscripten factory from a compiled
// WebAssembly.Module and wraps the exports as plain-object methods. Knows only the exported names.
import createOrderPreflight from '../dist/order_preflight.mjs';
import { sharesOrder, withOrderAfter } from './order-after.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** An envelope made on the JS side, for inputs that never reach the engine (e.g. a cyclic object). */
export function jsEnvelope(code, message, path) {
  return { ok: false, errors: [{ code, message, path }], warnings: [], result: null };
}

function toText(value, path) {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value !== 'object') {
    throw Object.assign(new TypeError(`${path} must be an object or a JSON string, not ${typeof value}.`), {
      envelope: jsEnvelope('WRONG_TYPE', `${path} must be an object or a JSON string, not ${typeof value}.`, path),
    });
  }
  try {
    return JSON.stringify(value);
  } catch (e) {
    throw Object.assign(e, {
      envelope: jsEnvelope('INVALID_JSON', `${path} cannot be turned into JSON: ${e.message}`, path),
    });
  }
}

/**
 * Instantiates the wasm from a compiled module. Emscripten 3.1.6 only logs when instantiateWasm fails and
 * never settles its promise, so the failure is raced against our own rejection.
 */
export async function instantiate(wasmModule) {
  let fail;
  const failed = new Promise((_, reject) => { fail = reject; });
  const factory = createOrderPreflight({
    // Never consulted (instantiateWasm below supplies the module) but it stops the glue from resolving
    // a URL against import.meta.url, which is undefined in workerd.
    locateFile: (path) => path,
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(wasmModule, imports).then(
        (instance) => receive(instance, wasmModule),
        (error) => fail(new Error(`order-preflight: the wasm could not be instantiated: ${error.message}`)),
      );
      return {};
    },
    print: () => {},
    printErr: () => {},
  });
  return createEngine(await Promise.race([factory, failed]));
}

function createEngine(mod) {
  // One input buffer in wasm memory, grown when needed and reused by every call.
  let bufferPtr = 0;
  let bufferSize = 0;

  function ensure(size) {
    if (size <= bufferSize) return;
    if (bufferPtr) mod.release(bufferPtr);
    bufferSize = Math.max(size, 64 * 1024);
    bufferPtr = mod.alloc(bufferSize);
    if (!bufferPtr) {
      bufferSize = 0;
      throw new RangeError('order-preflight: the engine could not allocate the input buffer.');
    }
  }

  // UTF-16 -> UTF-8 never needs more than 3 bytes per code unit; memory may grow during the call, so the
  // heap view is taken again before reading the result.
  function run(exportName, texts) {
    const length = mod[exportName](...encodeAll(texts));
    const ptr = mod.resultPtr();
    return decoder.decode(mod.HEAPU8.subarray(ptr, ptr + length));
  }

  // The order goes over whole. Trimming it to the members the engine reads (JSON.stringify with a key list)
  // was tried: V8 stringifies with a key list 3.4x slower than without, which cost more than the engine
  // saved by lexing fewer bytes (docs/bench.md, "What was tried").
  function call(exportName, inputs) {
    let texts;
    try {
      texts = [
        toText(inputs[0], inputs.names[0]),
        toText(inputs[1], inputs.names[1]),
        toText(inputs[2], inputs.names[2]),
      ];
    } catch (e) {
      if (e.envelope) return e.envelope;
      throw e;
    }
    return JSON.parse(run(exportName, texts));
  }

  const named = (names, ...values) => Object.assign(values, { names });

  // Sized for ASCII first (orders mostly are); text with wider characters is encoded again into a buffer
  // of the worst case, 3 bytes per UTF-16 unit, rather than reserving 3x for every call.
  function encodeAll(texts) {
    let length = 16;
    for (const t of texts) length += t.length;
    for (const need of [length, length * 3]) {
      ensure(need);
      const heap = mod.HEAPU8;
      const args = [];
      let offset = 0;
      let complete = true;
      for (const t of texts) {
        const start = bufferPtr + offset;
        const { read, written } = encoder.encodeInto(t, heap.subarray(start, bufferPtr + bufferSize));
        if (read < t.length) {
          complete = false;
          break;
        }
        args.push(start, written);
        offset += written;
      }
      if (complete) return args;
    }
    throw new RangeError('order-preflight: could not encode the input.');
  }

  function readResult(length) {
    const ptr = mod.resultPtr();
    return JSON.parse(decoder.decode(mod.HEAPU8.subarray(ptr, ptr + length)));
  }

  // Sessions: the wasm side keeps the parsed order in a table keyed by an integer; JS closes explicitly,
  // with Symbol.dispose where the runtime has it, and a FinalizationRegistry as the safety net.
  const registry = typeof FinalizationRegistry === 'function' ? new FinalizationRegistry((id) => mod.closeOrder(id)) : null;

  function sessionMethod(id, state, operation) {
    return (request, options) => {
      if (state.closed) return jsEnvelope('SESSION_CLOSED', `The session was closed; open the order again.`, 'session');
      let texts;
      try {
        texts = [operation, toText(request, 'request'), toText(options, 'options')];
      } catch (e) {
        if (e.envelope) return e.envelope;
        throw e;
      }
      return readResult(mod.sessionCall(id, ...encodeAll(texts)));
    };
  }

  const optionsOnly = (method) => (options, placeholderOptions) =>
    method(undefined, options === null || options === undefined ? placeholderOptions : options);

  function openOrder(order, options) {
    const opened = call('openOrder', named(['order', '', 'options'], order, undefined, options));
    if (!opened.ok) {
      // The order could not be opened: every method answers with the envelope that says why.
      const failed = () => opened;
      const session = {
        ok: false, envelope: opened, errors: opened.errors, id: null, orderFingerprint: null, closed: true,
        previewEdit: failed, calculateRefund: failed, validateRefund: failed, previewCancel: failed, inspect: failed,
        deriveStatuses: failed, previewReturn: failed, previewCaptureRefund: failed, close() {},
      };
      if (typeof Symbol.dispose === 'symbol') session[Symbol.dispose] = session.close;
      return session;
    }
    const id = opened.result.session;
    const state = { closed: false };
    const token = {};
    const session = {
      ok: true,
      envelope: opened,
      errors: [],
      id,
      orderFingerprint: opened.result.order_fingerprint,
      previewEdit: sessionMethod(id, state, 'previewEdit'),
      calculateRefund: sessionMethod(id, state, 'calculateRefund'),
      validateRefund: sessionMethod(id, state, 'validateRefund'),
      previewCancel: sessionMethod(id, state, 'previewCancel'),
      previewReturn: sessionMethod(id, state, 'previewReturn'),
      previewCaptureRefund: sessionMethod(id, state, 'previewCaptureRefund'),
      // inspect() and deriveStatuses(options?) take no request. The 0.1.0 form with a placeholder first,
      // inspect(null, options), still works.
      inspect: optionsOnly(sessionMethod(id, state, 'inspect')),
      deriveStatuses: optionsOnly(sessionMethod(id, state, 'deriveStatuses')),
      get closed() {
        return state.closed;
      },
      close() {
        if (state.closed) return;
        state.closed = true;
        registry?.unregister(token);
        readResult(mod.closeOrder(id));
      },
    };
    if (typeof Symbol.dispose === 'symbol') session[Symbol.dispose] = session.close;
    registry?.register(session, id, token);
    return session;
  }

  const engine = {
    /** Engine version, e.g. "0.1.0". */
    version: () => run('version', ['', '', '']),
    /** Every issue code with its description. */
    codes: () => JSON.parse(run('codes', ['', '', ''])).codes,
    inspectOrder: (order, options) => call('inspectOrder', named(['order', '', 'options'], order, undefined, options)),
    calculateRefund: (order, request, options) =>
      call('calculateRefund', named(['order', 'request', 'options'], order, request, options)),
    validateRefund: (order, createRequest, options) =>
      call('validateRefund', named(['order', 'request', 'options'], order, createRequest, options)),
    toRefundCreateRequest: (calculation, request, options) =>
      call('toRefundCreateRequest', named(['calculation', 'request', 'options'], calculation, request, options)),
    compareRefund: (preview, serverResponse, options) =>
      call('compareRefund', named(['preview', 'server', 'options'], preview, serverResponse, options)),
    previewEdit: (order, edits, options) =>
      sharesOrder(order, options)
        ? withOrderAfter(call('previewEdit', named(['order', 'edits', 'options'], order, edits, { ...options, order_echo: 'changes' })), order)
        : call('previewEdit', named(['order', 'edits', 'options'], order, edits, options)),
    previewCancel: (order, request, options) =>
      call('previewCancel', named(['order', 'request', 'options'], order, request, options)),
    previewReturn: (order, request, options) =>
      call('previewReturn', named(['order', 'request', 'options'], order, request, options)),
    previewCaptureRefund: (order, request, options) =>
      call('previewCaptureRefund', named(['order', 'request', 'options'], order, request, options)),
    openOrder,
    transition: (request, options) => call('transition', named(['', 'request', 'options'], undefined, request, options)),
    availableActions: (request, options) =>
      call('availableActions', named(['', 'request', 'options'], undefined, request, options)),
    deriveStatuses: (order, options) =>
      call('deriveStatuses', named(['order', '', 'options'], order, undefined, options)),
    machines: (preset) =>
      call('machines', named(['', 'request', ''], undefined, typeof preset === 'string' ? { preset } : preset, undefined)),
    mermaid: (preset, machine) =>
      call('mermaid', named(['', 'request', ''], undefined, typeof preset === 'string' ? { preset, machine } : preset, undefined)),
    /** Sessions currently open in this engine (for leak checks). */
    openSessionCount: () => mod.openSessionCount(),
    /** Wasm linear memory size and the bytes of it in use by the engine (for leak checks and budgets). */
    memory: () => ({ wasmBytes: mod.HEAPU8.length, heapInUse: mod.heapInUse() }),
  };
  return Object.freeze(engine);
}
