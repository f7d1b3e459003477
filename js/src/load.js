// Shared by the entry points: one instantiation per distinct options, and compile errors that say the fix.
import { instantiate } from './engine.js';

const cache = new Map();

export function cached(key, make) {
  let p = cache.get(key);
  if (!p) {
    p = make();
    cache.set(key, p);
    // A failed load must not poison the cache: the next call tries again.
    p.catch(() => cache.delete(key));
  }
  return p;
}

export async function compileBytes(bytes) {
  try {
    return await WebAssembly.compile(bytes);
  } catch (e) {
    if (/Content.Security.Polic/i.test(e.message)) {
      throw new Error(
        `order-preflight: the page's Content-Security-Policy forbids compiling wasm: add 'wasm-unsafe-eval' to script-src (${e.message}).`,
      );
    }
    if (e instanceof WebAssembly.CompileError) throw new Error(`order-preflight: the wasm bytes are invalid: ${e.message}`);
    throw new Error(
      `order-preflight: this runtime refuses to compile wasm bytes (${e.message}). ` +
        "On Cloudflare Workers pass { wasmModule } imported from 'order-preflight/order_preflight.wasm'.",
    );
  }
}

export function fromModule(wasmModule) {
  if (!(wasmModule instanceof WebAssembly.Module)) {
    return Promise.reject(new TypeError('order-preflight: options.wasmModule must be a WebAssembly.Module.'));
  }
  return instantiate(wasmModule);
}

export async function fetchModule(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new Error(`order-preflight: could not fetch the wasm from ${url}: ${e.message}. Pass { wasmUrl } or { wasmBinary }.`);
  }
  if (!response.ok) {
    throw new Error(`order-preflight: fetching ${url} answered HTTP ${response.status}. Serve order_preflight.wasm next to the module or pass { wasmUrl }.`);
  }
  // Streaming compile needs Content-Type application/wasm; otherwise fall back to the bytes.
  if (typeof WebAssembly.compileStreaming === 'function' && response.headers.get('content-type')?.startsWith('application/wasm')) {
    try {
      return await WebAssembly.compileStreaming(response.clone());
    } catch {
      /* fall through to the byte path */
    }
  }
  return compileBytes(await response.arrayBuffer());
}

export function optionsKey(options, defaultUrl) {
  if (options.wasmModule) return options.wasmModule;
  if (options.wasmBinary) return options.wasmBinary;
  return String(options.wasmUrl ?? defaultUrl);
}
