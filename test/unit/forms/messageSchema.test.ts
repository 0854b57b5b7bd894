// Hostile and malformed messages from a webview: every one is refused by the schema, with a reason for the log,
// and none reaches the prototype chain. Valid messages of every type pass unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePersistedState, parseWebviewMessage } from '../../../src/forms/messageSchema';
import type { WebviewMessage } from '../../../src/forms/protocol';
import { gatewayDefaults, offlineRegions } from '../../../src/workflows/forms';

const values = gatewayDefaults({ regions: offlineRegions(), regionsLive: false, zones: [], sandbox: true, acceleratorNames: [] });

const valid: WebviewMessage[] = [
  { type: 'ready' },
  { type: 'painted' },
  { type: 'create', values },
  { type: 'submit', values: { area: { region: 'cn-beijing', bandwidth: '2', ipVersion: 'IPv6' } } },
  { type: 'submit', values: { area: { region: 'cn-hongkong', bandwidth: '2', ipVersion: 'IPv6', ispType: 'BGP_PRO' } } },
  { type: 'create', values: { ...values, purchase: { ...values.purchase, term: 'payAsYouGo', spec: '' }, area: { ...values.area, ispType: 'BGP_PRO' } } },
  { type: 'submit', values: { endpoints: [{ type: 'Ip', address: '203.0.113.10', weight: '100' }] } },
  { type: 'submit', values: { bandwidth: '10' } },
  { type: 'cancel' },
  { type: 'retry', step: 'listener' },
  { type: 'copy', what: 'ipv6Address' },
  { type: 'probe' },
  { type: 'reveal' },
  { type: 'saveYaml', values },
  { type: 'reloadFacts' },
];

function refused(raw: unknown, because?: RegExp): void {
  const r = parseWebviewMessage(raw);
  assert.equal(r.ok, false, `accepted: ${JSON.stringify(raw)?.slice(0, 200)}`);
  if (!r.ok) {
    assert.ok(r.reason.length > 0);
    assert.ok(r.reason.length < 1000, 'the reason is short: it goes to the log');
    if (because) assert.match(r.reason, because);
  }
}

test('every message type of the protocol passes, unchanged', () => {
  for (const m of valid) {
    const r = parseWebviewMessage(JSON.parse(JSON.stringify(m)));
    assert.ok(r.ok, `${m.type}: ${r.ok ? '' : r.reason}`);
    assert.deepEqual(r.value, m);
  }
});

test('unknown types, and things that are not messages at all, are refused', () => {
  for (const raw of [
    { type: 'execute', command: 'rm -rf /' },
    { type: 'createGateway' },
    { type: 'READY' },
    { type: '' },
    { type: 42 },
    { kind: 'ready' },
    {},
    null,
    undefined,
    'ready',
    42,
    true,
    [{ type: 'ready' }],
  ]) refused(raw);
});

test('wrong types are refused: numbers for strings, strings for booleans, objects for lists', () => {
  const bad = (mutate: (v: Record<string, unknown> & typeof values) => void) => {
    const v = structuredClone(values) as Record<string, unknown> & typeof values;
    mutate(v);
    return { type: 'create', values: v };
  };
  refused(bad((v) => ((v.purchase as unknown as Record<string, unknown>).instanceName = 42)), /purchase\.instanceName/);
  refused(bad((v) => ((v.purchase as unknown as Record<string, unknown>).autoRenew = 'true')), /autoRenew/);
  refused(bad((v) => ((v as Record<string, unknown>).endpoints = { 0: values.endpoints[0] })), /endpoints/);
  refused(bad((v) => ((v.endpoints[0] as unknown as Record<string, unknown>).weight = 100)), /weight/);
  refused(bad((v) => delete (v as Partial<typeof values>).dns), /dns/);
  refused(bad((v) => ((v.area as unknown as Record<string, unknown>).ispType = 7)), /area\.ispType/);
  refused(bad((v) => ((v.area as unknown as Record<string, unknown>).ispType = 'B'.repeat(200))), /area\.ispType/);
  refused({ type: 'retry', step: 'everything' }, /step/);
  refused({ type: 'copy', what: 'secret' }, /what/);
  refused({ type: 'retry' }, /step/);
});

test('__proto__, constructor and other extra keys are refused, and nothing reaches Object.prototype', () => {
  const hostile = [
    '{"type":"ready","__proto__":{"polluted":true}}',
    '{"type":"cancel","constructor":{"prototype":{"polluted":true}}}',
    `{"type":"create","values":${JSON.stringify(values).replace('"guide":{', '"guide":{"__proto__":{"polluted":true},')}}`,
    `{"type":"submit","values":{"__proto__":{"polluted":true},"bandwidth":"3"}}`,
    `{"type":"submit","values":{"endpoints":[{"type":"Ip","address":"1.2.3.4","weight":"1","__proto__":{"polluted":true}}]}}`,
    '{"type":"probe","target":"2001:db8::1"}',
  ];
  for (const text of hostile) refused(JSON.parse(text));
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
});

test('oversized strings and lists are refused before anything reads them', () => {
  const huge = 'a'.repeat(513);
  refused({ type: 'create', values: { ...values, purchase: { ...values.purchase, instanceName: huge } } }, /instanceName/);
  refused({ type: 'submit', values: { bandwidth: 'x'.repeat(100_000) } }, /bandwidth/);
  refused({ type: 'submit', values: { endpoints: Array.from({ length: 101 }, () => ({ type: 'Ip', address: '203.0.113.10', weight: '1' })) } }, /endpoints/);
  refused({ type: 'create', values: { ...values, area: { ...values.area, region: 'r'.repeat(129) } } }, /region/);
  // At the limit they pass (the form's rules then say what is wrong with the value itself).
  assert.ok(parseWebviewMessage({ type: 'submit', values: { bandwidth: 'x'.repeat(512) } }).ok);
});

test('a panel\'s saved state is checked too before a window reload hands it back', () => {
  const gateway = { form: 'createGateway', profileId: 'sandbox', values, run: { phase: 'failed', steps: [{ id: 'area', title: '2. Add an acceleration area', state: 'failed', detail: 'x' }], failedStep: 'area', message: 'm' } };
  assert.ok(parsePersistedState(JSON.parse(JSON.stringify(gateway))).ok);
  const resource = { form: 'editBandwidth', values: { bandwidth: '4' }, target: { profileId: 'sandbox', acceleratorId: 'ga-1', areaRegion: 'cn-beijing' } };
  assert.ok(parsePersistedState(resource).ok);
  for (const bad of [
    { ...resource, target: undefined },
    { ...resource, form: 'deleteEverything' },
    { ...gateway, values: { bandwidth: '4' } },
    { ...gateway, run: { ...gateway.run, phase: 'exploded' } },
    { ...gateway, extra: 1 },
    JSON.parse(`{"form":"editBandwidth","values":{"bandwidth":"4"},"target":{"profileId":"p","acceleratorId":"a","__proto__":{"x":1}}}`),
    null,
    'state',
  ]) assert.equal(parsePersistedState(bad).ok, false, JSON.stringify(bad)?.slice(0, 120));
});
