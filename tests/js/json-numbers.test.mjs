// The package's wasm reads numbers without libc's strtod and formats parse errors without printf
// (wasm/libc_slim.cpp). These are the two facts nlohmann's parser took from them, checked through the package:
// a number whose double would be infinite is refused, the largest finite one is not, and a control character in
// a parse error is quoted as <U+XXXX>.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadEngine } from '../../js/src/index.js';

const engine = await loadEngine();
const sample = readFileSync(new URL('../../examples/orders/29next-sample.json', import.meta.url), 'utf8');
const withExtra = (number) => sample.replace(/^\{/, `{"extra_number": ${number},`);

const halfway = '1.797693134862315807937289714053034150799341327100378269361737789804449682927647509466490179775872070963302864166928879' +
  '1094655554785194040263065748867150582068190890200070838367627385484581771153176447573027006985557136695962284291481986' +
  '0834936475292719074168444365510704342711559699508093042880177904174497792e308';

for (const [number, overflows] of [
  ['1e400', true], ['-1e309', true], ['1.7976931348623159e308', true], ['1.7976931348623158e308', false], [halfway, true],
  ['1.7976931348623157e308', false], ['1e308', false], ['1e-400', false], [halfway.replace('792e308', '791e308'), false],
  ['0.1e309', false], ['3.3000000000000003', false],
]) {
  test(`${number.slice(0, 24)}: ${overflows ? 'number overflow' : 'reads'}`, () => {
    const envelope = engine.inspectOrder(withExtra(number));
    if (overflows) {
      assert.equal(envelope.ok, false);
      assert.equal(envelope.errors[0].code, 'INVALID_JSON');
      assert.equal(envelope.errors[0].path, 'order.extra_number');
      assert.match(envelope.errors[0].message, /number overflow parsing/);
    } else {
      assert.equal(envelope.ok, true, JSON.stringify(envelope.errors));
    }
  });
}

test('a control character in a string is quoted as <U+0001> in the parse error', () => {
  const envelope = engine.inspectOrder('{"a":"\u0001"}');
  assert.equal(envelope.errors[0].code, 'INVALID_JSON');
  assert.equal(envelope.errors[0].path, 'order.a');
  assert.match(envelope.errors[0].message, /control character U\+0001 \(SOH\) must be escaped to \\u0001; last read: '"<U\+0001>'/);
  assert.match(engine.inspectOrder('{"a":"\u001f"}').errors[0].message, /'"<U\+001F>'/);
});
