// Browser entry: fetches order_preflight.wasm next to this module. The literal new URL(…, import.meta.url)
// lets Vite and webpack emit the asset.
import { cached, compileBytes, fetchModule, fromModule, optionsKey } from './load.js';

export { unwrap, PreflightError } from './unwrap.js';

const defaultWasmUrl = new URL('../dist/order_preflight.wasm', import.meta.url);

/**
 * Loads the engine; in a browser the wasm is fetched (streaming when served as application/wasm).
 * @param {{wasmModule?: WebAssembly.Module, wasmBinary?: ArrayBuffer|Uint8Array, wasmUrl?: string|URL}} [options]
 */
export function loadEngine(options = {}) {
  return cached(optionsKey(options, defaultWasmUrl), async () => {
    if (options.wasmModule) return fromModule(options.wasmModule);
    if (options.wasmBinary) return fromModule(await compileBytes(options.wasmBinary));
    return fromModule(await fetchModule(new URL(options.wasmUrl ?? defaultWasmUrl, import.meta.url)));
  });
}
