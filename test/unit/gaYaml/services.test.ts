// Hover, quick fixes, outline and go to definition at the ‸ cursor, in yaml-language-server's style.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { codeActions, definition, documentSymbols, hover, parseGaYaml, validateGaYaml, type GaCodeAction, type GaSymbol, type GaYamlFacts, type TextEdit } from '../../../src/gaYaml';
import { CONTRACT_EXAMPLE, marked } from './marked';

function hoverAt(source: string, facts: GaYamlFacts = {}) {
  const m = marked(source);
  const h = hover(parseGaYaml(m.text), m.cursor, facts);
  return { h, text: m.text, ranges: m.ranges };
}

function apply(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

/** The quick fixes at the ‸ cursor. */
function fixesAt(source: string, facts: GaYamlFacts = {}): { actions: GaCodeAction[]; text: string } {
  const m = marked(source);
  const r = validateGaYaml(m.text, facts);
  return { actions: codeActions(r.parsed, r.diagnostics, { start: m.cursor, end: m.cursor }, facts), text: m.text };
}

test('hover on a key: what it means in the seed\'s words, with its limits', () => {
  const { h, text, ranges } = hoverAt(CONTRACT_EXAMPLE.replace('                weight: 100', '                ⟦wei‸ght⟧: 100'));
  assert.ok(h);
  assert.match(h.contents, /^\*\*weight\*\* — its weight, 0 to 255/);
  assert.match(h.contents, /GA distributes network traffic to endpoints based on their weights/);
  assert.match(h.contents, /0 to 255/);
  assert.deepEqual(h.span, ranges[0], text.slice(h.span.start, h.span.end));
});

test('hover on values: an enumeration\'s choice, a specification\'s capacity, a region, an area\'s IPv6 support', () => {
  assert.match(hoverAt(CONTRACT_EXAMPLE.replace('bandwidthType: Enhanced', 'bandwidthType: Enh‸anced')).h?.contents ?? '', /`Enhanced`: Enhanced: also backends outside Alibaba Cloud/);
  assert.match(hoverAt(CONTRACT_EXAMPLE.replace('spec: "1"', 'spec: "‸1"')).h?.contents ?? '', /Small I: up to 1 acceleration region, 20 Mbit\/s, 5,000 concurrent connections/);
  assert.match(hoverAt(CONTRACT_EXAMPLE.replace('region: cn-beijing', 'region: cn-bei‸jing')).h?.contents ?? '', /China \(Beijing\) \(cn-beijing\)/);
  const area = hoverAt(CONTRACT_EXAMPLE.replace('      cn-beijing:\n', '      cn-bei‸jing:\n')).h?.contents ?? '';
  assert.match(area, /\*\*cn-beijing\*\* — acceleration area/);
  assert.match(area, /China \(Beijing\): IPv6 clients can connect to GA here/);
});

test('hover on to: says what it points at, and the live address when the profile knows it', () => {
  const source = CONTRACT_EXAMPLE.replace('to: web-ipv6/cn-beijing', 'to: web-ipv6/cn-‸beijing');
  assert.match(hoverAt(source).h?.contents ?? '', /the IPv6 address GA allocated to web-ipv6's acceleration area China \(Beijing\) \(cn-beijing\)/);
  const live: GaYamlFacts = { accelerators: [{ name: 'web-ipv6', cname: 'ga-bp1x.aliyunga0019.com', areas: [{ region: 'cn-beijing', addresses: ['2408:4000:1::10'] }] }] };
  assert.match(hoverAt(source, live).h?.contents ?? '', /Live: `2408:4000:1::10`/);
  assert.match(hoverAt(CONTRACT_EXAMPLE.replace('to: web-ipv6               #', 'to: web-‸ipv6 #'), live).h?.contents ?? '', /CNAME that GA allocated to web-ipv6\.\n\nLive: `ga-bp1x\.aliyunga0019\.com`/);
  assert.match(hoverAt(source, { accelerators: [] }).h?.contents ?? '', /has no accelerator named web-ipv6 yet: apply creates it/);
});

test('quick fix: clamp a weight, and the result is clean', () => {
  const { actions, text } = fixesAt(CONTRACT_EXAMPLE.replace('weight: 100', 'weight: 3‸00'));
  assert.deepEqual(actions.map((a) => [a.title, a.preferred, a.diagnostic.code]), [['Use 255', true, 'GA050']]);
  const fixed = apply(text, actions[0].edits);
  assert.match(fixed, /weight: 255 {6}# 0–255/);
  assert.deepEqual(validateGaYaml(fixed).diagnostics, []);
});

test('quick fix: the nearest valid port, inside a flow list', () => {
  const { actions, text } = fixesAt(CONTRACT_EXAMPLE.replace('ports: [80]', 'ports: [80, 655‸00]'));
  assert.equal(actions[0].title, 'Use port 65499');
  assert.match(apply(text, actions[0].edits), /ports: \[80, 65499\]/);
});

test('quick fix: an IPv6-capable region (the nearest preferred, others of the same area offered)', () => {
  const { actions, text } = fixesAt(CONTRACT_EXAMPLE.replace('      cn-beijing:\n        ipVersion', '      ap-northeast-1‸:\n        ipVersion').replace('web-ipv6/cn-beijing', 'web-ipv6/ap-northeast-1'));
  assert.deepEqual(actions.map((a) => a.title).slice(0, 3), ['Use China (Hong Kong) (cn-hongkong)', 'Use Singapore (Singapore) (ap-southeast-1)', 'Use China (Qingdao) (cn-qingdao)']);
  assert.equal(actions[0].preferred, true);
  const fixed = apply(text, actions[0].edits);
  assert.match(fixed, /\n {6}cn-hongkong:\n {8}ipVersion: IPv6/);
});

test('quick fix: add a missing required key, in block style, in flow style and at the top', () => {
  const block = fixesAt(CONTRACT_EXAMPLE.replace('                weight: 100      # 0–255; 0 sends no traffic\n', '').replace('- ip: 47.95.1.10', '- ip‸: 47.95.1.10'));
  assert.equal(block.actions[0].title, 'Add weight');
  const fixedBlock = apply(block.text, block.actions[0].edits);
  assert.match(fixedBlock, /- ip: 47\.95\.1\.10 +# a custom-IP endpoint \(type Ip\); public IPv4 only\n {16}weight: 100\n/);
  assert.deepEqual(validateGaYaml(fixedBlock).diagnostics, []);

  const flow = fixesAt('version: 1\naccelerators:\n  web:\n    spec: "1"\n    billing: subscription\n    term: { cycle: Month, duration: 1 }\n    bandwidth‸Plan: {bandwidthType: Enhanced}\n');
  const addBandwidth = flow.actions.find((a) => a.title === 'Add bandwidth');
  assert.ok(addBandwidth, flow.actions.map((a) => a.title).join(', '));
  assert.match(apply(flow.text, addBandwidth.edits), /bandwidthPlan: \{bandwidthType: Enhanced, bandwidth: 2 \}/);

  const top = fixesAt('accel‸erators: {}\n');
  assert.deepEqual(top.actions.map((a) => a.title), ['Add version: 1']);
  assert.equal(apply(top.text, top.actions[0].edits), 'version: 1\naccelerators: {}\n');

  const term = fixesAt('version: 1\naccelerators:\n  we‸b:\n    spec: "1"\n    billing: subscription\n    bandwidthPlan: { bandwidthType: Enhanced, bandwidth: 2 }\n');
  const fixedTerm = apply(term.text, term.actions.find((a) => a.title === 'Add term: 1 month')!.edits);
  assert.match(fixedTerm, /\n {4}term: \{ cycle: Month, duration: 1, autoRenew: false \}\n$/);
  assert.deepEqual(validateGaYaml(fixedTerm).diagnostics, []);
});

test('quick fix: a key written without its value gets the example value, not a second key', () => {
  const { actions, text } = fixesAt(CONTRACT_EXAMPLE.replace('protocol: TCP', 'proto‸col:'));
  assert.deepEqual(actions.map((a) => a.title), ['Use TCP']);
  const fixed = apply(text, actions[0].edits);
  assert.equal(fixed, CONTRACT_EXAMPLE);
});

test('quick fix: rename an unknown key to the suggestion; remove one that has none', () => {
  const rename = fixesAt(CONTRACT_EXAMPLE.replace('weight: 100', 'wie‸ght: 100'));
  assert.deepEqual(rename.actions.map((a) => a.title), ['Rename to weight']);
  assert.deepEqual(validateGaYaml(apply(rename.text, rename.actions[0].edits)).diagnostics, []);
  const remove = fixesAt(CONTRACT_EXAMPLE.replace('    billing: subscription', '    colo‸ur: blue   # a comment\n    billing: subscription'));
  assert.deepEqual(remove.actions.map((a) => a.title), ['Remove colour']);
  assert.equal(apply(remove.text, remove.actions[0].edits), CONTRACT_EXAMPLE);
});

test('quick fix: to ↔ value', () => {
  const literal = fixesAt(CONTRACT_EXAMPLE.replace('to: web-ipv6/cn-beijing', 'to: 2408:4‸000::1'));
  assert.deepEqual(literal.actions.map((a) => a.title), ['Make it value:']);
  assert.match(apply(literal.text, literal.actions[0].edits), /value: 2408:4000::1/);
  const reference = fixesAt(CONTRACT_EXAMPLE.replace('to: web-ipv6/cn-beijing', 'value: web-ipv6/cn‸-beijing'));
  assert.deepEqual(reference.actions.map((a) => a.title), ['Point at it: to: web-ipv6/cn-beijing']);
  assert.deepEqual(validateGaYaml(apply(reference.text, reference.actions[0].edits)).diagnostics, []);
  const both = fixesAt(CONTRACT_EXAMPLE.replace('      ttl: 600\n', '      value: "2408::‸1"\n      ttl: 600\n'));
  assert.deepEqual(both.actions.map((a) => a.title), ['Remove value (keep to)', 'Remove to (keep value)']);
  assert.deepEqual(validateGaYaml(apply(both.text, both.actions[0].edits)).diagnostics, []);
  const keepValue = apply(both.text, both.actions[1].edits);
  assert.doesNotMatch(keepValue, /to: web-ipv6\/cn-beijing/);
  assert.deepEqual(validateGaYaml(keepValue).diagnostics, []);
});

test('the outline: accelerators with their areas, listeners, groups and endpoints; zones with their records', () => {
  const symbols = documentSymbols(parseGaYaml(CONTRACT_EXAMPLE));
  const show = (s: GaSymbol): string => `${s.name} (${s.detail})${s.children.length ? ` [${s.children.map(show).join(', ')}]` : ''}`;
  assert.deepEqual(symbols.map(show), [
    'accelerators (1) [web-ipv6 (Small I · subscription) [cn-beijing (IPv6 · 2 Mbit/s), web (TCP 80) [web-backend (cn-beijing) [47.95.1.10 (weight 100)]]]]',
    'dns (1) [example.com (2 records) [www AAAA (→ web-ipv6/cn-beijing), api CNAME (→ web-ipv6)]]',
  ]);
  const acc = symbols[0].children[0];
  assert.equal(CONTRACT_EXAMPLE.slice(acc.selection.start, acc.selection.end), 'web-ipv6');
  const whole = CONTRACT_EXAMPLE.slice(acc.span.start, acc.span.end);
  assert.ok(whole.includes('weight: 100') && !whole.includes('dns:'), whole);
});

test('go to definition from to: to the accelerator or the area', () => {
  const m = marked(CONTRACT_EXAMPLE.replace('  web-ipv6:                      #', '  ⟦web-ipv6⟧:                      #').replace('      cn-beijing:\n', '      ⟦cn-beijing⟧:\n'));
  const parsed = parseGaYaml(m.text);
  const at = (needle: string, plus: number) => m.text.indexOf(needle) + plus;
  assert.deepEqual(definition(parsed, at('to: web-ipv6/cn-beijing', 6)), m.ranges[0]);
  assert.deepEqual(definition(parsed, at('to: web-ipv6/cn-beijing', 16)), m.ranges[1]);
  assert.deepEqual(definition(parsed, at('to: web-ipv6    ', 5)), m.ranges[0]);
  assert.equal(definition(parsed, at('host: www', 7)), undefined);
});
