// Starts the demo the way `npm start` does (node scripts/start.mjs), on a free 127.0.0.1 port, and stops
// it (by its own pid) when the test ends.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** @returns {Promise<{url: string, output: () => string}>} url ends with '/'. */
export function startDemo(t, { timeoutMs = 20_000 } = {}) {
  const child = spawn(process.execPath, ['scripts/start.mjs', '--port', '0'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  t.after(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo server printed no URL within ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const onData = (chunk) => {
      out += chunk;
      const m = /order-preflight demo: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], output: () => out });
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (chunk) => { out += chunk; });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the demo server exited (${code}) before printing its URL:\n${out}`));
    });
  });
}
