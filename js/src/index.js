// Entry for Node, Deno and Bun (and browsers that ignore the "browser" condition): reads the wasm that
// ships next to this module from disk, or fetches it when the URL is not a file.
import { cached, compileBytes, fetchModule, fromModule, optionsKey } from './load.js';

export { unwrap, PreflightError } from './unwrap.js';

const defaultWasmUrl = new URL('../dist/order_preflight.wasm', import.meta.url);

async function readFileBytes(url) {
  if (typeof Deno !== 'undefined') return Deno.readFile(url);
  // Node 20's fetch does not implement file: URLs; node:fs works in Node and Bun.
  const { readFile } = await import('node:fs/promises');
  return readFile(url);
}

/**
 * Loads the engine. Node, Deno and Bun need no options.
 * @param {{wasmModule?: WebAssembly.Module, wasmBinary?: ArrayBuffer|Uint8Array, wasmUrl?: string|URL}} [options]
 */
export function loadEngine(options = {}) {
  return cached(optionsKey(options, defaultWasmUrl), async () => {
    if (options.wasmModule) return fromModule(options.wasmModule);
    if (options.wasmBinary) return fromModule(await compileBytes(options.wasmBinary));
    const url = new URL(options.wasmUrl ?? defaultWasmUrl, import.meta.url);
    if (url.protocol === 'file:') {
      let bytes;
      try {
        bytes = await readFileBytes(url);
      } catch (e) {
        throw new Error(`order-preflight: cannot read ${url.pathname}: ${e.message}. Pass { wasmUrl } or { wasmBinary }.`);
      }
      return fromModule(await compileBytes(bytes));
    }
    return fromModule(await fetchModule(url));
  });
}
