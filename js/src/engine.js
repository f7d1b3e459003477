// Runtime-neutral core of the package: instantiates the Emscripten factory from a compiled
// WebAssembly.Module and wraps the exports as plain-object methods. Knows only the exported names.
import createOrderPreflight from '../dist/order_preflight.mjs';

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

  function run(exportName, texts) {
    // UTF-16 -> UTF-8 never needs more than 3 bytes per code unit.
    let need = 0;
    for (const t of texts) need += t.length * 3;
    ensure(need + 1);
    let heap = mod.HEAPU8;
    const args = [];
    let offset = 0;
    for (const t of texts) {
      const start = bufferPtr + offset;
      const { written } = encoder.encodeInto(t, heap.subarray(start, bufferPtr + bufferSize));
      args.push(start, written);
      offset += written;
    }
    const length = mod[exportName](...args);
    heap = mod.HEAPU8; // memory may have grown during the call
    const ptr = mod.resultPtr();
    return decoder.decode(heap.subarray(ptr, ptr + length));
  }

  function call(exportName, inputs) {
    let texts;
    try {
      texts = [toText(inputs[0], inputs.names[0]), toText(inputs[1], inputs.names[1]), toText(inputs[2], inputs.names[2])];
    } catch (e) {
      if (e.envelope) return e.envelope;
      throw e;
    }
    return JSON.parse(run(exportName, texts));
  }

  const named = (names, ...values) => Object.assign(values, { names });

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
  };
  return Object.freeze(engine);
}
