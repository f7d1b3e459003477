// Every ```js / ```ts block of README.md and docs/*.md compiles against the package's types, as a user would
// compile it: tsc --strict, module nodenext, 'order-preflight' resolved through the package's exports map.
// A block that is deliberately not compilable says so in its info string (```js no-check); keep those few.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = new URL('../../', import.meta.url).pathname;
const CHECKED = new Set(['js', 'javascript', 'mjs', 'ts', 'typescript', 'mts']);
const MAX_UNCHECKED = 3;

const docs = ['README.md', ...readdirSync(join(repo, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];

/** Fenced blocks with their language, flags and the line of their first code line. */
export function extractBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const open = lines[i].match(/^(\s*)(`{3,})\s*([\w-]*)\s*(.*)$/);
    if (!open) continue;
    const [, indent, fence, lang, rest] = open;
    const body = [];
    let j = i + 1;
    while (j < lines.length && !lines[j].startsWith(`${indent}${fence}`)) {
      body.push(lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j]);
      j += 1;
    }
    blocks.push({ lang: lang.toLowerCase(), flags: rest.split(/\s+/).filter(Boolean), line: i + 2, code: body.join('\n') });
    i = j;
  }
  return blocks;
}

const project = mkdtempSync(join(tmpdir(), 'op-doc-snippets-'));
process.on('exit', () => rmSync(project, { recursive: true, force: true }));

const files = new Map(); // snippet file -> { doc, line }
const unchecked = [];
mkdirSync(join(project, 'snippets'));
mkdirSync(join(project, 'node_modules'));
symlinkSync(repo, join(project, 'node_modules/order-preflight'), 'dir');
for (const doc of docs) {
  extractBlocks(readFileSync(join(repo, doc), 'utf8')).forEach((block, n) => {
    if (!CHECKED.has(block.lang)) return;
    if (block.flags.includes('no-check')) {
      unchecked.push(`${doc}:${block.line}`);
      return;
    }
    const name = `${doc.replace(/[/.]/g, '_')}-${n + 1}.mts`;
    // `export {}` makes every block its own module (top-level await, no clashes between blocks).
    writeFileSync(join(project, 'snippets', name), `${block.code}\nexport {};\n`);
    files.set(name, { doc, line: block.line });
  });
}
// Control: the harness must see a block that does not compile.
writeFileSync(join(project, 'snippets', 'control.mts'), "import { loadEngine } from 'order-preflight';\nconst n: number = (await loadEngine()).version();\nexport {};\n");
writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'doc-snippets', private: true, type: 'module' }));
writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
  compilerOptions: {
    strict: true, noEmit: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext',
    lib: ['ES2022', 'DOM', 'ESNext.Disposable'], types: [], skipLibCheck: false,
  },
  include: ['snippets/*.mts'],
}));

const tsc = spawnSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd: project, encoding: 'utf8' });
const output = `${tsc.stdout}${tsc.stderr}`;
const errorsOf = (name) => output.split('\n').filter((l) => l.startsWith(`snippets/${name}(`));

test('the docs have code blocks to check', () => {
  assert.ok(files.size >= 3, `only ${files.size} blocks found`);
  assert.ok(unchecked.length <= MAX_UNCHECKED, `too many no-check blocks (${unchecked.length}): ${unchecked.join(', ')}`);
});

test('control: a block that does not compile is reported', () => {
  assert.ok(errorsOf('control.mts').some((l) => l.includes('TS2322')), output);
});

for (const [name, { doc, line }] of files) {
  test(`${doc} block at line ${line} type-checks (tsc --strict, module nodenext)`, () => {
    const errors = errorsOf(name).map((l) => l.replace(/^snippets\/[^(]+\((\d+),(\d+)\)/, (_, r, c) => `${doc}:${line + Number(r) - 1}:${c}`));
    assert.deepEqual(errors, [], `${doc}, block starting at line ${line}:\n${errors.join('\n')}`);
  });
}

test('tsc reported nothing outside the snippets', () => {
  const stray = output.split('\n').filter((l) => /error TS/.test(l) && !l.startsWith('snippets/'));
  assert.deepEqual(stray, []);
});
