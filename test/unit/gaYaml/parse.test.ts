import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { GaYamlParser, parseGaYaml, splitChunks, toGaConfig, type LocatedProblem } from '../../../src/gaYaml';
import { parseChunk } from '../../../src/gaYaml/parse';
import type { GaConfig } from '../../../src/model';
import { CONTRACT_EXAMPLE, doc, marked } from './marked';

/** Checks the problems sit exactly on the ⟦marked⟧ ranges, both taken in document order. */
function expectProblems(source: string, expected: { code: string; message?: RegExp }[]): LocatedProblem[] {
  const m = marked(source);
  m.ranges.sort((a, b) => a.start - b.start);
  const found = [...parseGaYaml(m.text).problems].sort((a, b) => a.span.start - b.span.start);
  const show = found.map((p) => `${p.problem.code} @ ${JSON.stringify(m.text.slice(p.span.start, p.span.end))}: ${p.problem.message}`).join('\n');
  assert.equal(found.length, expected.length, show);
  found.forEach((p, i) => {
    assert.equal(p.problem.code, expected[i].code, show);
    if (expected[i].message) assert.match(p.problem.message, expected[i].message!, show);
    assert.deepEqual(p.span, m.ranges[i], `problem ${i} is at ${JSON.stringify(m.text.slice(p.span.start, p.span.end))}, not ${JSON.stringify(m.text.slice(m.ranges[i].start, m.ranges[i].end))}\n${show}`);
  });
  return found;
}

const CONTRACT_CONFIG: GaConfig = {
  version: 1,
  accelerators: [
    {
      name: 'web-ipv6',
      spec: '1',
      billing: 'subscription',
      term: { cycle: 'Month', duration: 1, autoRenew: false },
      bandwidthPlan: { bandwidthType: 'Enhanced', bandwidth: 2 },
      areas: [{ region: 'cn-beijing', ipVersion: 'IPv6', bandwidth: 2 }],
      listeners: [
        {
          name: 'web',
          protocol: 'TCP',
          ports: [{ fromPort: 80, toPort: 80 }],
          clientAffinity: 'SOURCE_IP',
          endpointGroups: [{ name: 'web-backend', region: 'cn-beijing', endpoints: [{ ip: '47.95.1.10', weight: 100 }] }],
        },
      ],
    },
  ],
  dns: [
    {
      zone: 'example.com',
      records: [
        { host: 'www', type: 'AAAA', to: 'web-ipv6/cn-beijing', ttl: 600 },
        { host: 'api', type: 'CNAME', to: 'web-ipv6' },
      ],
    },
  ],
};

test('the contract\'s example reads as the seed\'s GaConfig, without problems', () => {
  const parsed = parseGaYaml(CONTRACT_EXAMPLE);
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(toGaConfig(parsed.draft), CONTRACT_CONFIG);
});

test('every key and value keeps its place in the file', () => {
  const m = marked(doc`
    version: 1
    accelerators:
      ⟦web-ipv6⟧:
        spec: ⟦"1"⟧
        listeners:
          web:
            ports: [80, ⟦"8000-8010"⟧]
  `);
  const parsed = parseGaYaml(m.text);
  assert.deepEqual(parsed.node('accelerators.web-ipv6')?.key, m.ranges[0]);
  assert.deepEqual(parsed.node('accelerators.web-ipv6.spec')?.value, m.ranges[1]);
  assert.deepEqual(parsed.node('accelerators.web-ipv6.listeners.web.ports[1]')?.value, m.ranges[2]);
  assert.deepEqual(parsed.draft.accelerators?.[0].listeners?.[0].ports, [{ fromPort: 80, toPort: 80 }, { fromPort: 8000, toPort: 8010 }]);
  const at = parsed.nodeAt(m.ranges[1].start + 1);
  assert.deepEqual([at?.path, at?.part], ['accelerators.web-ipv6.spec', 'value']);
  assert.deepEqual(parsed.nodeAt(m.ranges[0].start)?.path, 'accelerators.web-ipv6');
});

test('GA001: YAML syntax errors, on the offending place', () => {
  expectProblems(doc`
    version: 1
    accelerators:
      a:
        spec: "1"
    ⟦ ⟧    billing: ⟦x⟧
  `, [{ code: 'GA001', message: /^YAML: All mapping items must start at the same column$/ }, { code: 'GA005' }]);
});

test('GA002: duplicate keys, inside an entry and across accelerators', () => {
  expectProblems(doc`
    version: 1
    accelerators:
      web-a:
        spec: "1"
        ⟦spec⟧: "2"
        billing: payAsYouGo
      web-b:
        spec: "1"
        billing: payAsYouGo
      ⟦web-a⟧:
        spec: "3"
        billing: payAsYouGo
  `, [{ code: 'GA002', message: /spec is given twice/ }, { code: 'GA002', message: /Accelerator web-a is given twice/ }]);
  const parsed = parseGaYaml(marked(doc`
    version: 1
    accelerators:
      web-a:
        spec: "1"
        billing: payAsYouGo
      web-a:
        spec: "3"
        billing: payAsYouGo
  `).text);
  assert.deepEqual(parsed.draft.accelerators?.map((a) => a.spec), ['1'], 'the first of two is kept');
});

test('GA003: unknown keys with "did you mean" and a rename fix; unknown without a near key offers removal', () => {
  const [weight, colour] = expectProblems(doc`
    version: 1
    accelerators:
      a:
        spec: "1"
        billing: payAsYouGo
        listeners:
          web:
            protocol: TCP
            ports: [80]
            endpointGroups:
              - name: g1
                region: cn-beijing
                endpoints:
                  - ip: 203.0.113.10
                    weight: 1
                    ⟦wieght⟧: 2
        ⟦colour⟧: blue
  `, [{ code: 'GA003', message: /did you mean weight\?/ }, { code: 'GA003', message: /Keys here: id, state, spec/ }]);
  assert.deepEqual(weight.problem.fix, { kind: 'renameKey', title: 'Rename to weight', to: 'weight' });
  assert.equal(weight.problem.path, 'accelerators.a.listeners.web.endpointGroups[0].endpoints[0].wieght');
  assert.deepEqual(colour.problem.fix, { kind: 'removeKey', title: 'Remove colour' });
});

test('GA004: types, each with the fix that writes it right', () => {
  const found = expectProblems(doc`
    version: 1
    accelerators:
      a:
        spec: ⟦1⟧
        billing: subscription
        term: { cycle: Month, duration: 1, autoRenew: ⟦yes⟧ }
        bandwidthPlan: { bandwidthType: Enhanced, bandwidth: ⟦"2"⟧ }
        listeners:
          web:
            protocol: TCP
            ports: ⟦80⟧
          api:
            protocol: TCP
            ports: [⟦true⟧, ⟦"http"⟧]
        areas: ⟦[cn-beijing]⟧
  `, [
    { code: 'GA004', message: /spec must be text .*write "1" in quotes/ },
    { code: 'GA004', message: /autoRenew must be true or false, not the text "yes"/ },
    { code: 'GA004', message: /bandwidth must be a number, not text/ },
    { code: 'GA004', message: /ports must be a list.*write \[80\]/ },
    { code: 'GA004', message: /A port is a number/ },
    { code: 'GA040', message: /Port "http" is neither/ },
    { code: 'GA004', message: /areas must be a mapping of names/ },
  ]);
  assert.deepEqual(found.map((p) => p.problem.fix && 'value' in p.problem.fix ? p.problem.fix.value : undefined), ['1', true, 2, undefined, undefined, undefined, undefined]);
});

test('GA005 and GA007: enumerations with the nearest value, and the format version', () => {
  const found = expectProblems(doc`
    version: ⟦2⟧
    accelerators:
      acc:
        spec: "4"
        billing: ⟦subscribtion⟧
        listeners:
          web:
            protocol: ⟦tcp⟧
            ports: [80]
  `, [{ code: 'GA007', message: /version 2; this extension reads ga.yaml version 1/ }, { code: 'GA005', message: /did you mean subscription/ }, { code: 'GA005', message: /did you mean TCP/ }]);
  assert.deepEqual(found.map((p) => (p.problem.fix?.kind === 'setValue' ? p.problem.fix.value : undefined)), [1, 'subscription', 'TCP']);
  // The specification's own rule (GA020, checks) reports an unknown spec, with the words the purchase form uses.
});

test('GA006: a missing key is reported where it belongs, with the key to add', () => {
  const found = expectProblems(doc`
    ⟦accelerators:⟧
      ⟦web⟧:
        listeners:
          l1:
            ⟦protocol⟧:
            ports: [80]
            endpointGroups:
              - name: g
                region: cn-beijing
                endpoints:
                  - ⟦ip⟧: 203.0.113.10
    dns:
      example.com:
        - ⟦host⟧: www
          to: web
  `, [
    { code: 'GA006', message: /starts with its format version/ },
    { code: 'GA006', message: /This accelerator needs billing: subscription or payAsYouGo/ },
    { code: 'GA006', message: /protocol has no value: e\.g\. "TCP"/ },
    { code: 'GA006', message: /This endpoint needs weight/ },
    { code: 'GA006', message: /This DNS record needs type/ },
  ]);
  assert.deepEqual(found[0].problem.fix, { kind: 'addKey', title: 'Add version: 1', key: 'version', value: 1 });
  assert.deepEqual(found[1].problem.fix, { kind: 'addKey', title: 'Add billing', key: 'billing', value: 'subscription' });
  assert.equal(found[3].problem.path, 'accelerators.web.listeners.l1.endpointGroups[0].endpoints[0].weight');
});

test('a problem about a path is shown on its value, on the key of a mapping, or on the nearest key above', () => {
  const m = marked(doc`
    version: 1
    accelerators:
      ⟦web⟧:
        spec: ⟦"1"⟧
        ⟦areas⟧:
          cn-beijing: {ipVersion: IPv6}
  `);
  const parsed = parseGaYaml(m.text);
  assert.deepEqual(parsed.spanOf('accelerators.web.term'), m.ranges[0], 'missing: the key of the accelerator');
  assert.deepEqual(parsed.spanOf('accelerators.web.spec'), m.ranges[1], 'a scalar: its value');
  assert.deepEqual(parsed.spanOf('accelerators.web.areas'), m.ranges[2], 'a mapping: its key');
  assert.deepEqual(parsed.spanOf('nowhere.at.all'), { start: 0, end: 'version: 1'.length }, 'else the first line');
});

test('chunks: one per accelerator and per zone; reading them apart means what reading the file whole means', () => {
  const chunks = splitChunks(CONTRACT_EXAMPLE);
  assert.deepEqual(chunks.map((c) => c.kind), ['root', 'accelerators', 'root', 'dns']);
  assert.equal(chunks.map((c) => c.text).join(''), CONTRACT_EXAMPLE);
  const twoAccelerators = CONTRACT_EXAMPLE.replace('dns:\n', doc`
      api-ipv6:
        spec: "1"
        billing: payAsYouGo
        # a comment at the entries' indentation
    # and one at the left
    dns:
  `);
  for (const text of [CONTRACT_EXAMPLE, twoAccelerators, 'version: 1\n', '', 'accelerators:\n  a: {spec: "1"}\n  b:\n    spec: [\n']) {
    const whole = parseChunk('root', text);
    const split = parseGaYaml(text);
    assert.deepEqual(split.draft.accelerators ?? [], whole.accelerators.map((a) => a.draft), text);
    assert.deepEqual(split.draft.dns ?? [], whole.zones.map((z) => z.draft), text);
  }
  assert.deepEqual(splitChunks(twoAccelerators).map((c) => c.kind), ['root', 'accelerators', 'accelerators', 'root', 'dns']);
});

test('chunks: document markers and anchors make the file one piece', () => {
  assert.equal(splitChunks(`---\n${CONTRACT_EXAMPLE}`).length, 1);
  const anchored = doc`
    version: 1
    accelerators:
      a:
        spec: &small "1"
        billing: payAsYouGo
      b:
        spec: *small
        billing: payAsYouGo
  `;
  const parsed = parseGaYaml(anchored);
  assert.equal(parsed.chunks.length, 1);
  assert.deepEqual(parsed.draft.accelerators?.map((a) => a.spec), ['1', '1']);
  assert.deepEqual(parsed.problems, []);
});

test('the editor\'s parser reuses the pieces a change did not touch', () => {
  const parser = new GaYamlParser();
  const text = CONTRACT_EXAMPLE.replace('dns:\n', '  second:\n    spec: "2"\n    billing: payAsYouGo\ndns:\n');
  const first = parser.parse(text);
  const second = parser.parse(text.replace('spec: "2"', 'spec: "3"'));
  assert.equal(second.chunks.length, first.chunks.length);
  const same = second.chunks.map((c, i) => c.chunk === first.chunks[i].chunk);
  assert.deepEqual(same, [true, true, false, true, true]);
  assert.equal(second.draft.accelerators?.[1].spec, '3');
  assert.equal(second.node('accelerators.second.spec')?.value.start, text.lastIndexOf('"2"'));
});
