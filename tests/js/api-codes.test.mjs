// Issue codes are API (callers switch on them). Within one major version the list only grows:
// tests/api/codes-<major>.x.json is the committed list of the current major; a code missing from codes()
// fails unless package.json's major version changed, and a new code must be added to the snapshot
// (CHANGELOG.md, "Versioning policy").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { loadEngine } from '../../js/src/index.js';

const repo = new URL('../../', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(`${repo}package.json`, 'utf8'));
const major = Number(version.split('.')[0]);
const snapshotPath = `tests/api/codes-${major}.x.json`;
const engine = await loadEngine();
const codes = engine.codes().map((c) => c.code);

test(`a code snapshot exists for major version ${major}`, () => {
  assert.ok(
    existsSync(`${repo}${snapshotPath}`),
    `${snapshotPath} is missing. A new major version starts its own snapshot: copy the previous one, apply the ` +
      'removals and renames the major release makes, and list them in CHANGELOG.md.',
  );
  assert.equal(JSON.parse(readFileSync(`${repo}${snapshotPath}`, 'utf8')).major, major);
});

test('no code of the snapshot disappeared (a removal or rename needs a new major version)', () => {
  const snapshot = JSON.parse(readFileSync(`${repo}${snapshotPath}`, 'utf8')).codes;
  const gone = snapshot.filter((c) => !codes.includes(c));
  assert.deepEqual(gone, [], `codes removed or renamed within ${major}.x (package.json ${version}): ${gone.join(', ')}`);
});

test('every code of the engine is in the snapshot (new codes are added to it; a minor version)', () => {
  const snapshot = JSON.parse(readFileSync(`${repo}${snapshotPath}`, 'utf8')).codes;
  const added = codes.filter((c) => !snapshot.includes(c));
  assert.deepEqual(added, [], `new codes not yet in ${snapshotPath}: ${added.join(', ')} — append them there`);
});

test('codes are unique SCREAMING_SNAKE names', () => {
  assert.equal(new Set(codes).size, codes.length);
  for (const c of codes) assert.match(c, /^[A-Z][A-Z0-9_]*$/);
});
