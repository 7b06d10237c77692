import assert from 'node:assert/strict';
import { PickSpec, pickJson } from '../../../server/src/agentLogs/jsonPick';

const spec: PickSpec = { id: true, tokens: true, type: true, message: { usage: true, model: true } };

function pick(text: string, s: PickSpec = spec) {
  const buf = Buffer.from(`xx${text}yy`, 'utf8'); // the object sits inside a larger buffer
  return pickJson(buf, 2, buf.length - 2, s);
}

/** What JSON.parse gives for the same keys. */
function reference(text: string) {
  const o = JSON.parse(text) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of ['id', 'tokens', 'type']) if (k in o) out[k] = o[k];
  const m = o.message as Record<string, unknown> | undefined;
  if (m && typeof m === 'object') {
    const sub: Record<string, unknown> = {};
    for (const k of ['usage', 'model']) if (k in m) sub[k] = m[k];
    out.message = sub;
  }
  return out;
}

describe('tokens: jsonPick', () => {
  const cases: [string, unknown][] = [
    ['flat', { id: 'a', type: 'gemini', tokens: { input: 1, output: 2 }, content: 'text' }],
    ['skipped values of every kind', { big: ['x', { y: [1, 2, { z: 'a}]"b' }] }, true, null, -1.5e3], id: 'b', n: 0, f: false }],
    ['escaped quotes and backslashes in skipped strings', { content: 'say \\"hi\\" \\\\', other: 'ends with a backslash \\', id: 'c\\"d' }],
    ['braces and brackets inside strings', { content: '{[{[ }}]] "', id: 'e', tokens: null }],
    ['long strings (native search path)', { content: 'q"'.repeat(5000), thoughts: 'x'.repeat(100000), id: 'f' }],
    ['non-ASCII text', { content: '日本語 🚀 naïve', id: 'ü-1', type: 'gemini' }],
    ['nested pick', { type: 'assistant', message: { id: 'm', content: [{ type: 'text', text: '"usage":{}' }], model: 'claude', usage: { input_tokens: 3 } } }],
    ['a picked key whose value is not an object', { message: 'plain', id: 'g' }],
    ['duplicate keys: the last wins, as in JSON.parse', { id: 'first' }],
  ];
  for (const [name, value] of cases) {
    it(`reads what JSON.parse reads: ${name}`, () => {
      let text = JSON.stringify(value);
      if (name.startsWith('duplicate')) text = '{"id":"first","id":"second"}';
      const got = pick(text);
      const want = reference(text);
      if (name.startsWith('a picked key whose value')) {
        // a nested spec meets a string: skipped, like any key the spec cannot use
        assert.deepEqual(got, { id: 'g' });
        return;
      }
      if (name === 'non-ASCII text') {
        // picked values come back as latin1; callers re-decode the few strings they keep
        assert.equal(Buffer.from(got?.id as string, 'latin1').toString('utf8'), 'ü-1');
        return;
      }
      assert.deepEqual(got, want);
    });
  }

  it('accepts whitespace anywhere JSON does', () => {
    const text = ' {\n  "id" : "w" ,\r\n\t"tokens":{ "input" : 1 } , "x" : [ 1 , 2 ]\n}\t';
    assert.deepEqual(pick(text), { id: 'w', tokens: { input: 1 } });
  });

  const broken = [
    '{"id":"torn","tokens":{"input":1',
    '{"id":"a" "type":"b"}',
    '{"id":"a"}{"id":"b"}',
    '["id"]',
    'null',
    '{"id":"unterminated}',
    '{"id":tru',
    '{"id":"a",}',
    '',
  ];
  for (const text of broken) {
    it(`rejects what is not one JSON object: ${JSON.stringify(text)}`, () => {
      assert.equal(pick(text), undefined);
    });
  }
});

describe('tokens: jsonPick with stopEarly', () => {
  const s: PickSpec = { id: true, tokens: true };
  const run = (text: string) => {
    const buf = Buffer.from(text);
    return pickJson(buf, 0, buf.length, s, true);
  };

  it('stops once every key is read: what follows is not looked at', () => {
    assert.deepEqual(run('{"id":"a","tokens":{"input":1},"toolCalls":[{"torn'), { id: 'a', tokens: { input: 1 } });
  });
  it('reads to the end when a key is missing, and still rejects a torn line then', () => {
    assert.deepEqual(run('{"id":"a","other":[1,2]}'), { id: 'a' });
    assert.equal(run('{"id":"a","other":[1,2'), undefined);
  });
  it('a key seen twice does not count as two keys', () => {
    assert.deepEqual(run('{"id":"a","id":"b","x":1,"tokens":2}'), { id: 'b', tokens: 2 });
  });
});
