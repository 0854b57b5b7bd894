// Completion at the ‸ cursor, in yaml-language-server's style.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { completions, parseGaYaml, type GaCompletionItem, type GaYamlFacts } from '../../../src/gaYaml';
import { CONTRACT_EXAMPLE, doc, marked } from './marked';

function complete(source: string, facts: GaYamlFacts = {}): { items: GaCompletionItem[]; text: string; cursor: number } {
  const m = marked(source);
  assert.ok(m.cursor >= 0, 'the document has a ‸ cursor');
  return { items: completions(parseGaYaml(m.text), m.cursor, facts), text: m.text, cursor: m.cursor };
}

const labels = (items: GaCompletionItem[]) => items.map((i) => i.label);

test('keys of an accelerator, required first, without those already there, with their documentation', () => {
  const { items, text, cursor } = complete(doc`
    version: 1
    accelerators:
      web:
        spec: "1"
        b‸
  `);
  assert.deepEqual(labels(items).slice(0, 2), ['billing', 'areas']);
  assert.ok(!labels(items).includes('spec'), 'spec is already there');
  const billing = items.find((i) => i.label === 'billing')!;
  assert.equal(billing.sortText?.[0], '0');
  assert.match(billing.documentation ?? '', /subscription.*PREPAY/);
  assert.equal(billing.insertText, 'billing: ${1|subscription,payAsYouGo|}');
  assert.deepEqual(billing.range, { start: cursor - 1, end: cursor });
  assert.equal(text.slice(billing.range.start, billing.range.end), 'b');
  const plan = items.find((i) => i.label === 'bandwidthPlan')!;
  assert.equal(plan.insertText, 'bandwidthPlan:\n  bandwidthType: ${1|Enhanced,Basic,Advanced|}\n  bandwidth: ${2:2}');
});

test('keys of a list item, of a new list item, of the root and inside braces', () => {
  assert.deepEqual(labels(complete(doc`
    version: 1
    accelerators:
      web:
        listeners:
          l1:
            endpointGroups:
              - name: g
                endpoints:
                  - ip: 203.0.113.10
                    ‸
  `).items), ['weight']);
  const group = complete(doc`
    accelerators:
      web:
        listeners:
          l1:
            endpointGroups:
              - name: g
                region: cn-beijing
              - ‸
  `).items;
  assert.deepEqual(labels(group).sort(), ['endpoints', 'name', 'preserveClientIp', 'region']);
  assert.equal(group.find((i) => i.label === 'endpoints')?.insertText, 'endpoints:\n  - ip: ${1:203.0.113.10}\n    weight: ${2:100}');
  assert.deepEqual(labels(complete('‸').items).sort(), ['accelerators', 'dns', 'version']);
  assert.deepEqual(labels(complete(doc`
    accelerators:
      web:
        term: { cycle: Month, d‸ }
  `).items), ['duration', 'autoRenew']);
});

test('enumeration values, with the choice explained, replacing what was typed', () => {
  const { items, text } = complete(doc`
    accelerators:
      web:
        listeners:
          l1:
            protocol: T‸CP   # a comment stays
  `);
  assert.deepEqual(labels(items), ['TCP', 'UDP', 'HTTP', 'HTTPS']);
  assert.equal(text.slice(items[0].range.start, items[0].range.end), 'TCP');
  assert.match(items[1].detail ?? '', /ports 250, 4789 and 4790 are reserved/);
  const spec = complete('accelerators:\n  web:\n    spec: ‸\n').items;
  assert.equal(spec.find((i) => i.label === '1')?.insertText, '"1"');
  assert.match(spec.find((i) => i.label === '1')?.detail ?? '', /Small I: up to 1 acceleration region, 20 Mbit\/s, 5,000 concurrent connections/);
  assert.deepEqual(labels(complete('accelerators:\n  web:\n    term: { cycle: ‸ }\n').items), ['Month', 'Year']);
  assert.deepEqual(labels(complete('accelerators:\n  web:\n    term:\n      autoRenew: ‸\n').items), ['true', 'false']);
});

test('regions by name with their IPv6 support: the seed\'s offline, the account\'s with a profile', () => {
  const offline = complete(doc`
    accelerators:
      web:
        areas:
          ‸
  `).items;
  const tokyo = offline.find((i) => i.label === 'ap-northeast-1')!;
  const beijing = offline.find((i) => i.label === 'cn-beijing')!;
  assert.equal(beijing.detail, 'China (Beijing) · IPv6 clients');
  assert.equal(tokyo.detail, 'Japan (Tokyo) · IPv4 only');
  assert.ok(beijing.sortText! < tokyo.sortText!, 'IPv6 regions first');
  assert.equal(beijing.insertText, 'cn-beijing:\n  ipVersion: ${2|IPv6,IPv4,DUAL_STACK|}');
  const live = complete('accelerators:\n  web:\n    listeners:\n      l:\n        endpointGroups:\n          - region: ‸\n', { liveRegions: [{ regionId: 'xx-new-1', supportIpv6: true, name: 'New Region' }] }).items;
  assert.deepEqual(live.map((i) => [i.label, i.detail]), [['xx-new-1', 'New Region · IPv6 clients']]);
});

test('after to: the accelerators and areas a record of that type may point at, with what each resolves to', () => {
  const source = CONTRACT_EXAMPLE.replace('to: web-ipv6/cn-beijing    #', 'to: w‸ #');
  const aaaa = complete(source, { accelerators: [{ name: 'web-ipv6', areas: [{ region: 'cn-beijing', addresses: ['2408:4000::1'] }] }] }).items;
  assert.deepEqual(labels(aaaa), ['web-ipv6', 'web-ipv6/cn-beijing']);
  assert.match(aaaa[1].documentation ?? '', /Live: `2408:4000::1`/);
  const cname = complete(CONTRACT_EXAMPLE.replace('to: web-ipv6               #', 'to: ‸ #')).items;
  assert.deepEqual(labels(cname), ['web-ipv6']);
  assert.match(cname[0].detail ?? '', /CNAME/);
});

test('zones of the active profile as keys of dns:', () => {
  const items = complete('version: 1\ndns:\n  ‸\n', { zones: ['example.com', 'example.org'] }).items;
  assert.deepEqual(labels(items), ['example.com', 'example.org']);
  assert.match(items[0].insertText, /^example\.com:\n {2}- host: \$\{1:www\}/);
  assert.deepEqual(complete('version: 1\ndns:\n  ‸\n').items, []);
});

test('nothing inside a comment or where the layout cannot be followed', () => {
  assert.deepEqual(complete('version: 1 # a comm‸ent\n').items, []);
  assert.deepEqual(complete('accelerators:\n  web: "x"\n    ‸\n').items, []);
});
