// The snippets of language/ga-yaml.snippets.json, expanded with their default values where they belong, make
// files the checks accept: a snippet never teaches a mistake.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateGaYaml } from '../../../src/gaYaml';
import { doc } from './marked';

const SNIPPETS = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'language', 'ga-yaml.snippets.json'), 'utf8')) as Record<string, { prefix: string | string[]; body: string[]; description: string }>;

/** The snippet's text as VS Code inserts it when every placeholder keeps its default (first choice). */
function expand(body: readonly string[], indent: string): string {
  const defaults = new Map<string, string>();
  const text = body.join('\n').replace(/\$\{(\d+)(?::([^}]*)|\|([^|]*)\|)\}/g, (_, n: string, def?: string, choices?: string) => {
    const value = def ?? choices?.split(',')[0] ?? '';
    defaults.set(n, value);
    return value;
  });
  const filled = text.replace(/\$\{(\d+)\}|\$(\d+)/g, (_, a?: string, b?: string) => defaults.get(a ?? b ?? '') ?? '');
  return filled.split('\n').map((line, i) => (i === 0 || line === '' ? line : indent + line)).join('\n');
}

/** A file with a ⟨slot⟩ at each place a snippet goes; the slot's column is the snippet's indentation. */
const HOST = doc`
  version: 1
  accelerators:
    web-ipv6:
      spec: "3"
      billing: subscription
      term: { cycle: Month, duration: 1 }
      bandwidthPlan: { bandwidthType: Enhanced, bandwidth: 10 }
      areas:
        cn-beijing: { ipVersion: IPv6, bandwidth: 2 }
        ⟨area⟩
      listeners:
        api:
          protocol: TCP
          ports: [443]
          endpointGroups:
            - name: api-backend
              region: cn-hangzhou
              endpoints:
                - ip: 203.0.113.20
                  weight: 100
                ⟨endpoint⟩
            ⟨endpointGroup⟩
        ⟨listener⟩
    ⟨accelerator⟩
  dns:
    example.com:
      - host: mail
        type: AAAA
        to: web-ipv6/cn-beijing
      ⟨record⟩
`;

const SLOT: Record<string, string> = {
  'accelerator (subscription)': 'accelerator',
  'accelerator (pay-as-you-go)': 'accelerator',
  'acceleration area': 'area',
  listener: 'listener',
  'endpoint group': 'endpointGroup',
  endpoint: 'endpoint',
  'AAAA record': 'record',
  'CNAME record': 'record',
};

/** The host file with the snippet in its slot (the other slots removed). */
function place(name: string, body: readonly string[]): string {
  if (name === 'ga.yaml: the walk-through') return `${expand(body, '')}\n`;
  const slot = SLOT[name];
  const lines = HOST.split('\n').flatMap((line) => {
    const m = /^( *)⟨(\w+)⟩$/.exec(line);
    if (!m) return [line];
    // A second accelerator (and a second area) needs a name of its own.
    const text = expand(body, m[1]).replace(/^web-ipv6:/, 'web-second:').replace(/^cn-beijing:/, 'cn-shanghai:');
    return m[2] === slot ? [m[1] + text] : [];
  });
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

test('every snippet has a prefix, a description, and a place in these tests', () => {
  assert.deepEqual(Object.keys(SNIPPETS).sort(), ['ga.yaml: the walk-through', ...Object.keys(SLOT)].sort());
  for (const [name, s] of Object.entries(SNIPPETS)) {
    assert.ok(s.prefix.length > 0 && s.description.length > 20, name);
  }
});

for (const name of Object.keys(SNIPPETS)) {
  test(`snippet "${name}", expanded with its defaults, checks clean`, () => {
    const text = place(name, SNIPPETS[name].body);
    assert.ok(name === 'ga.yaml: the walk-through' || text.length > HOST.length - 200, 'the snippet is in the file');
    const r = validateGaYaml(text);
    assert.deepEqual(r.diagnostics.map((d) => `${d.code} ${d.message}`), [], text);
  });
}
