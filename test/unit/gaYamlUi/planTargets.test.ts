// The pure side of the plan code lenses and preview: lens rows, one accelerator's part of a file (and its paths
// mapped back), the desired state only from a file without errors, and the preview's colours.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { desiredFromText, planLineTones, planTargets, scopeTo, unscopePath } from '../../../src/gaYamlUi/planTargets';
import { plan, renderPlanText } from '../../../src/workflows';

const FILE = `version: 1
accelerators:
  web-ipv6:
    spec: "1"
    billing: payAsYouGo
    areas:
      cn-beijing: { ipVersion: IPv6, bandwidth: 2 }
    listeners: {}
  shop:
    spec: "2"
    billing: payAsYouGo
    areas: {}
    listeners: {}
dns:
  example.com:
    - { host: www, type: AAAA, to: web-ipv6 }
    - { host: shop, type: CNAME, to: shop }
    - { host: app, type: CNAME, to: web-ipv6 }
`;

describe('plan lenses and preview (pure)', () => {
  it('puts a lens row on each accelerator\'s key', () => {
    const { parsed, config, errors } = desiredFromText(FILE);
    assert.deepEqual(errors, []);
    assert.ok(config);
    assert.deepEqual(planTargets(parsed), [{ accelerator: 'web-ipv6', line: 2 }, { accelerator: 'shop', line: 8 }]);
  });

  it('has no desired state while the file has errors', () => {
    const broken = desiredFromText('version: 1\naccelerators:\n  web: { billing: sometimes }\n');
    assert.equal(broken.config, undefined);
    assert.ok(broken.errors.length > 0);
  });

  it('narrows the file to one accelerator and the records pointing at it, and maps paths back', () => {
    const config = desiredFromText(FILE).config;
    assert.ok(config);
    const scoped = scopeTo(config, 'web-ipv6');
    assert.deepEqual(scoped.accelerators.map((a) => a.name), ['web-ipv6']);
    assert.deepEqual(scoped.dns[0].records.map((r) => r.host), ['www', 'app']);
    assert.equal(unscopePath('dns.example.com[1].to', config, 'web-ipv6'), 'dns.example.com[2].to', 'the scope\'s second record is the file\'s third');
    assert.equal(unscopePath('accelerators.web-ipv6.spec', config, 'web-ipv6'), 'accelerators.web-ipv6.spec');
    assert.equal(scopeTo(config, undefined), config);
  });

  it('colours a create green, a delete red and the purchases as warnings', () => {
    const config = desiredFromText(FILE).config;
    assert.ok(config);
    const text = renderPlanText(plan(scopeTo(config, 'web-ipv6'), { accelerators: [], zones: [{ zone: 'example.com', records: [] }] }));
    const lines = text.split('\n');
    const tones = planLineTones(text);
    const toneOf = (match: RegExp) => tones.find((t) => match.test(lines[t.line]))?.tone;
    assert.equal(toneOf(/GA instance web-ipv6 will be created/), 'create');
    assert.equal(toneOf(/^\s+spec: 1$/), 'create', 'a change\'s details share its colour');
    assert.equal(toneOf(/^Purchases/), 'purchase');
    assert.equal(toneOf(/\$ GA instance web-ipv6/), 'purchase');
    assert.equal(toneOf(/^Plan:/), undefined);
    assert.deepEqual(planLineTones('Accelerator x\n  -   listener a will be deleted\n        because: gone\n  ~   area b will be updated in place'), [
      { line: 1, tone: 'delete' },
      { line: 2, tone: 'delete' },
      { line: 3, tone: 'update' },
    ]);
  });
});
