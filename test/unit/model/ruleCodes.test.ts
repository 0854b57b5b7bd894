import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { maybe, problem, RULE_LIST, RULES, ruleByCode } from '../../../src/model';

const DOC = join(__dirname, '..', '..', '..', '..', 'docs', 'ga-yaml.md');

test('every rule has its own code GAnnn, and codes are looked up exactly', () => {
  const codes = RULE_LIST.map((r) => r.code);
  assert.equal(new Set(codes).size, codes.length, 'no code is used twice');
  for (const r of RULE_LIST) {
    assert.match(r.code, /^GA\d{3}$/);
    assert.equal(ruleByCode(r.code)?.id, r.id);
    assert.ok(r.title.length > 0);
  }
  assert.equal(ruleByCode('ga001'), undefined);
  assert.equal(ruleByCode('__proto__'), undefined);
});

test('docs/ga-yaml.md lists exactly the catalogue: code, title and severity', () => {
  const rows = readFileSync(DOC, 'utf8').split('\n').map((line) => /^\| (GA\d{3}) \| ([^|]+) \| (error|warning|info) \|/.exec(line)).filter((m) => m !== null);
  assert.deepEqual(
    rows.map((m) => `${m[1]} ${m[2].trim()} ${m[3]}`),
    RULE_LIST.map((r) => `${r.code} ${r.title} ${r.severity}`),
  );
});

test('problem() takes the severity and code from the catalogue', () => {
  assert.deepEqual(problem('weightZero', ['endpoints', 0, 'weight'], 'w'), { path: 'endpoints[0].weight', message: 'w', severity: 'warning', code: RULES.weightZero.code });
  assert.deepEqual(problem('weight', 'x', 'm', { kind: 'setValue', title: 'Use 1', value: 1 }).fix, { kind: 'setValue', title: 'Use 1', value: 1 });
  assert.deepEqual(maybe('weight', 'x', undefined), []);
  assert.equal(maybe('weight', 'x', 'bad')[0].code, 'GA050');
});
