// npm pack / npm publish run this first (the "prepack" script): the tarball must carry the built glue and
// wasm (js/dist/, not tracked by git). It builds them with the one wasm build entry point, or stops with a
// message naming the missing toolchain, so a tarball without the engine can never be produced.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const artefacts = ['js/dist/order_preflight.mjs', 'js/dist/order_preflight.wasm'];
const emscriptenToolchain = '/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake'; // CMakePresets.json wasm-release

const found = (cmd) => {
  const r = spawnSync(cmd, ['--version'], { encoding: 'utf8', env: { ...process.env, NODE_PATH: '/usr/share/nodejs' } });
  return !r.error && r.status === 0;
};

function fail(lines) {
  process.stderr.write(`\norder-preflight prepack: ${lines.join('\n  ')}\n\n`);
  process.exit(1);
}

const missing = [];
if (!found('cmake')) missing.push('cmake (Debian package `cmake`)');
if (!found('emcc') || !existsSync(emscriptenToolchain)) missing.push(`emcc with ${emscriptenToolchain} (Debian package \`emscripten\`, 3.1.6)`);
if (!existsSync(join(root, 'node_modules/.bin/google-closure-compiler'))) {
  missing.push('google-closure-compiler from npm (run `npm ci` first: the glue is minified with it)');
}
if (!existsSync('/usr/include/nlohmann/json.hpp')) missing.push('nlohmann/json headers (Debian package `nlohmann-json3-dev`)');
if (missing.length) {
  fail([
    'cannot build the WebAssembly engine that the tarball must contain; missing:',
    ...missing.map((m) => `- ${m}`),
    'Install them (as root: `bash scripts/bootstrap.sh`, or `apt-get install -y emscripten cmake nlohmann-json3-dev catch2`)',
    'and run `npm pack` again. No tarball was written.',
  ]);
}

// The build's output goes to stderr: stdout stays clean for `npm pack --json`.
const build = spawnSync('bash', [join(root, 'scripts/build.sh'), 'wasm'], { cwd: root, stdio: ['ignore', 2, 2] });
if (build.status !== 0) fail([`\`bash scripts/build.sh wasm\` failed (exit ${build.status ?? build.signal}); no tarball was written.`]);
for (const f of artefacts) {
  if (!existsSync(join(root, f)) || statSync(join(root, f)).size === 0) fail([`the build did not produce ${f}; no tarball was written.`]);
}
