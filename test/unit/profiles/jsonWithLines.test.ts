import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isJsonObject, parseJsonWithLines } from '../../../src/profiles/jsonWithLines';

function failure(text: string) {
  const r = parseJsonWithLines(text);
  assert.equal(r.ok, false, `expected ${JSON.stringify(text)} to be rejected`);
  return r as Extract<typeof r, { ok: false }>;
}

test('parses what JSON.parse parses, to the same value', () => {
  const samples = ['{"a":[1,-2.5e3,true,false,null,"x\\u00e9\\n"],"b":{}}', '[]', '"s"', ' 0 ', '{"__proto__": {"x": 1}}'];
  for (const s of samples) {
    const r = parseJsonWithLines(s);
    assert.ok(r.ok, s);
    assert.deepEqual(r.value, JSON.parse(s));
  }
});

test('a "__proto__" key stays a plain property, as with JSON.parse', () => {
  const r = parseJsonWithLines('{"__proto__": {"polluted": true}}');
  assert.ok(r.ok && isJsonObject(r.value));
  assert.equal(Object.getPrototypeOf(r.value), Object.prototype);
  assert.deepEqual(Object.keys(r.value), ['__proto__']);
});

test('reports the line and column of a trailing comma', () => {
  const r = failure('{\n  "current": "default",\n  "profiles": [\n    {"name": "a"},\n  ]\n}');
  assert.equal(r.line, 5);
  assert.equal(r.column, 3);
  assert.match(r.reason, /comma before \]/);
});

test('reports a missing comma on the line of the next property', () => {
  const r = failure('{\n  "a": 1\n  "b": 2\n}');
  assert.equal(r.line, 3);
  assert.match(r.reason, /comma missing/);
});

test('an unclosed string is reported where it starts, without quoting it', () => {
  const r = failure('{\n"name": "x",\n"access_key_secret": "TopSecretValue\n}');
  assert.equal(r.line, 3);
  assert.doesNotMatch(r.reason, /TopSecretValue/);
});

test('errors JSON.parse reports without a position still get a line', () => {
  const r = failure('{\n"a": 1,\n"b": tru\n}');
  assert.equal(r.line, 3);
  const end = failure('{\n"a": [1,\n');
  assert.equal(end.line, 3);
  assert.match(end.reason, /file ends/);
});

test('single quotes, text after the document and bad escapes are explained', () => {
  assert.match(failure("{'a': 1}").reason, /property name in double quotes/);
  assert.match(failure('{"a": \'x\'}').reason, /double quotes/);
  assert.match(failure('{} {}').reason, /after the end/);
  assert.match(failure('"a\\q"').reason, /invalid escape/);
});

test('a byte-order mark is accepted', () => {
  const r = parseJsonWithLines('\ufeff{"a": 1}');
  assert.ok(r.ok);
  assert.deepEqual(r.value, { a: 1 });
});

test('remembers the line where each object starts', () => {
  const r = parseJsonWithLines('{\n "profiles": [\n  {"name": "a"},\n\n  {\n   "name": "b"\n  }\n ]\n}');
  assert.ok(r.ok && isJsonObject(r.value) && Array.isArray(r.value.profiles));
  const [a, b] = r.value.profiles as object[];
  assert.equal(r.lineOf(a), 3);
  assert.equal(r.lineOf(b), 5);
  assert.equal(r.lineOf({}), undefined);
});
