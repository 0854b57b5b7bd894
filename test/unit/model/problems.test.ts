import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { childPath, formatPath, hasErrors, problemAt, sortProblems, type Problem } from '../../../src/model';

test('paths: keys joined with dots, indexes in brackets', () => {
  assert.equal(formatPath(['accelerators', 'web-ipv6', 'listeners', 'web', 'ports', 0]), 'accelerators.web-ipv6.listeners.web.ports[0]');
  assert.equal(formatPath(['endpoints', 1, 'weight']), 'endpoints[1].weight');
  assert.equal(formatPath([]), '');
  assert.equal(childPath('dns.example.com', 0, 'to'), 'dns.example.com[0].to');
  assert.equal(childPath('', 'version'), 'version');
  assert.equal(childPath('accelerators.a', 'spec'), 'accelerators.a.spec');
});

test('errors first, then by path; lookups by exact path and severity', () => {
  const p = (path: string, severity: Problem['severity']): Problem => ({ path, severity, message: `${severity} at ${path}`, code: 'GA000' });
  const list = [p('b', 'warning'), p('c', 'error'), p('a', 'info'), p('a', 'error')];
  assert.deepEqual(sortProblems(list).map((x) => `${x.severity}:${x.path}`), ['error:a', 'error:c', 'warning:b', 'info:a']);
  assert.equal(hasErrors(list), true);
  assert.equal(hasErrors([p('a', 'warning')]), false);
  assert.equal(problemAt(list, 'a')?.severity, 'info');
  assert.equal(problemAt(list, 'a', 'error')?.severity, 'error');
  assert.equal(problemAt(list, 'z'), undefined);
});
