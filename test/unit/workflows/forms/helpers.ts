// Facts and assertions the form-half tests share: an offline account (the model's regions, the seed's IPv6 list),
// one zone with a record, and "the problem at this field has this rule's code and severity".
import assert from 'node:assert/strict';
import { RULES, type Problem, type RuleId } from '../../../../src/model';
import { offlineRegions, type AccountFacts } from '../../../../src/workflows/forms';

export function account(overrides: Partial<AccountFacts> = {}): AccountFacts {
  return {
    regions: offlineRegions(),
    regionsLive: false,
    zones: [{ name: 'example.com', records: [{ recordId: 'r1', rr: 'www', type: 'AAAA', value: '2408:4000::1', ttl: 600 }] }],
    sandbox: false,
    acceleratorNames: ['web-ipv6'],
    ...overrides,
  };
}

/** The problems at `path`, each checked to carry its rule's code and severity. */
export function at(problems: readonly Problem[], path: string, rule: RuleId): Problem {
  const found = problems.filter((p) => p.path === path);
  const p = found.find((x) => x.code === RULES[rule].code);
  assert.ok(p, `no ${rule} (${RULES[rule].code}) at ${path}; there are: ${problems.map((x) => `${x.path} ${x.code} ${x.message}`).join(' | ') || 'none'}`);
  assert.equal(p.severity, RULES[rule].severity, `${path}: ${p.message}`);
  assert.ok(p.message.length > 10);
  return p;
}

export function errorsAt(problems: readonly Problem[], path: string): Problem[] {
  return problems.filter((p) => p.path === path && p.severity === 'error');
}
