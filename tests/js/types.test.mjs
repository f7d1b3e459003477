// index.d.ts and docs/api.md list exactly the engine's codes, and a sample consumer type-checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { loadEngine } from '../../js/src/index.js';

const repo = new URL('../../', import.meta.url).pathname;
const engine = await loadEngine();
const codes = engine.codes().map((c) => c.code).sort();

test('the IssueCode union in index.d.ts equals codes()', () => {
  const dts = readFileSync(`${repo}js/index.d.ts`, 'utf8');
  const union = dts.slice(dts.indexOf('export type IssueCode ='), dts.indexOf(';', dts.indexOf('export type IssueCode =')));
  assert.deepEqual([...union.matchAll(/'([A-Z0-9_]+)'/g)].map((m) => m[1]).sort(), codes);
});

test('docs/api.md lists exactly the codes', () => {
  const md = readFileSync(`${repo}docs/api.md`, 'utf8');
  const table = md.slice(md.indexOf('<!-- codes:start -->'), md.indexOf('<!-- codes:end -->'));
  assert.deepEqual([...table.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]).sort(), codes);
});

test('a sample consumer type-checks against index.d.ts', () => {
  // The package resolves to itself by name ("order-preflight" self-reference through its exports map).
  const r = spawnSync(`${repo}node_modules/.bin/tsc`, ['-p', `${repo}tests/types/tsconfig.json`], { encoding: 'utf8' });
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
});
