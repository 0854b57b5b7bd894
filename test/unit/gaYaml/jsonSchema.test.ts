import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { validateGaYaml, walkthroughConfig, writeGaYaml } from '../../../src/gaYaml';
import { gaYamlJsonSchema, gaYamlJsonSchemaText } from '../../../src/gaYaml/jsonSchema';
import { BANDWIDTH_TYPES, LISTENER_PROTOCOLS, SPECS } from '../../../src/model';
import { CONTRACT_EXAMPLE } from './marked';

const SCHEMA_FILE = join(__dirname, '..', '..', '..', '..', 'schemas', 'ga-yaml.schema.json');

function validator() {
  const ajv = new Ajv({ allErrors: true });
  ajv.addKeyword({ keyword: 'markdownDescription' });
  ajv.addKeyword({ keyword: 'markdownEnumDescriptions' });
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
}

test('schemas/ga-yaml.schema.json is what the shape table generates (npm run gen:schema rewrites it)', () => {
  assert.equal(readFileSync(SCHEMA_FILE, 'utf8'), gaYamlJsonSchemaText());
});

test('the schema\'s enumerations are the model\'s tables', () => {
  const s = gaYamlJsonSchema() as { properties: { accelerators: { additionalProperties: { properties: Record<string, { enum?: unknown[]; properties?: Record<string, { enum?: unknown[] }>; additionalProperties?: { properties: Record<string, { enum?: unknown[] }> } }> } } } };
  const acc = s.properties.accelerators.additionalProperties.properties;
  assert.deepEqual(acc.spec.enum, SPECS.map((x) => x.spec));
  assert.deepEqual(acc.bandwidthPlan.properties?.bandwidthType.enum, [...BANDWIDTH_TYPES]);
  assert.deepEqual(acc.listeners.additionalProperties?.properties.protocol.enum, [...LISTENER_PROTOCOLS]);
});

test('the contract\'s example and the walk-through file are valid; broken files are not, at the right place', () => {
  const validate = validator();
  assert.equal(validate(parse(CONTRACT_EXAMPLE)), true, JSON.stringify(validate.errors));
  assert.equal(validate(parse(writeGaYaml(walkthroughConfig()))), true, JSON.stringify(validate.errors));
  const broken: [string, string, string][] = [
    ['weight: 100', 'weight: 300', '/accelerators/web-ipv6/listeners/web/endpointGroups/0/endpoints/0/weight'],
    ['weight: 100', 'wieght: 100', '/accelerators/web-ipv6/listeners/web/endpointGroups/0/endpoints/0'],
    ['    term: { cycle: Month, duration: 1, autoRenew: false }   # subscription only; required there\n', '', '/accelerators/web-ipv6'],
    ['to: web-ipv6               #', 'value: "2408::1"\n      to: web-ipv6 #', '/dns/example.com/1'],
    ['ports: [80]', 'ports: [80, "eighty"]', '/accelerators/web-ipv6/listeners/web/ports/1'],
    ['web-ipv6:                      #', '1web:                      #', '/accelerators'],
  ];
  for (const [from, to, where] of broken) {
    const text = CONTRACT_EXAMPLE.replace(from, to);
    assert.notEqual(text, CONTRACT_EXAMPLE, from);
    assert.equal(validate(parse(text)), false, `${to} should be invalid`);
    assert.ok(validate.errors?.some((e) => e.instancePath === where), `${to}: errors at ${validate.errors?.map((e) => e.instancePath).join(', ')}`);
    assert.ok(validateGaYaml(text).diagnostics.some((d) => d.severity === 'error'), `the checks also refuse ${to}`);
  }
});
