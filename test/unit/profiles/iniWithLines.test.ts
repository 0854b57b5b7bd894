import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIniWithLines } from '../../../src/profiles/iniWithLines';

test('reads sections and values with their line numbers, as the ini package does', () => {
  const text = [
    '; comment',
    '[default]',
    'type = access_key',
    '  access_key_id =  LTAIabc  ',
    'quoted = "a;b"',
    'single = \'x y\'',
    'inline = value ; a comment',
    'escaped = a\\;b',
    'flag',
    'yes = true',
    '',
    '# another comment',
    '[other]',
    'type=sts',
  ].join('\r\n');
  const { sections, issues } = parseIniWithLines(text);
  assert.deepEqual(issues, []);
  const d = sections.get('default');
  assert.ok(d);
  assert.equal(d.line, 2);
  assert.equal(d.values.get('type'), 'access_key');
  assert.equal(d.values.get('access_key_id'), 'LTAIabc');
  assert.equal(d.values.get('quoted'), 'a;b');
  assert.equal(d.values.get('single'), 'x y');
  assert.equal(d.values.get('inline'), 'value');
  assert.equal(d.values.get('escaped'), 'a;b');
  assert.equal(d.values.get('flag'), true);
  assert.equal(d.values.get('yes'), true);
  assert.equal(sections.get('other')?.line, 13);
});

test('repeated sections merge and later keys win', () => {
  const { sections } = parseIniWithLines('[a]\nx = 1\n[b]\n[a]\nx = 2\ny = 3\n');
  assert.equal(sections.get('a')?.line, 1);
  assert.equal(sections.get('a')?.values.get('x'), '2');
  assert.equal(sections.get('a')?.values.get('y'), '3');
});

test('reports lines the SDK would skip or misread, with their numbers', () => {
  const { sections, issues } = parseIniWithLines('orphan = 1\n[ok]\n  [indented]\n[unclosed\n= novalue\n[dev.cn]\nx = 1\n');
  assert.deepEqual(
    issues.map((i) => i.line),
    [1, 3, 4, 5, 6],
  );
  assert.match(issues[0].message, /outside any \[profile\] section/);
  assert.match(issues[1].message, /not read as a section header/);
  assert.match(issues[3].message, /no key before "="/);
  assert.match(issues[4].message, /dot/);
  assert.deepEqual([...sections.keys()], ['ok']);
});
