// Benchmark (not a test): what `plan` costs for 1, 10 and 50 accelerators, in API calls and wall time, with the
// local emulator answering every call after 50 ms (its latency fault), beside what a Terraform refresh of the
// same account costs: one Describe per resource (accelerator, bandwidth plan, plan attachment, ip set, listener,
// endpoint group, each DNS record), run here against the same emulator with Terraform's default parallelism
// of 10.
//
// Run:  npm run compile && node out/bench/plan.js     (or: node scripts/bench.mjs plan)
//
// Each account is built in the emulator's state directly with its own GA handlers (as its fixtures are): every
// accelerator is the walk-through's end state (plan, IPv6 area, listener, endpoint group, AAAA and CNAME), so
// the plan of the matching file has no changes and what is measured is the read.
import { performance } from 'node:perf_hooks';
import { createCloudServices, MutationQueue, type CloudServices } from '../src/cloud';
import { loadSdk } from '../src/cloud/sdk';
import { EmulatorAdmin } from '../src/emulator/adminClient';
import type { Params, RequestContext, RunningEmulator } from '../src/emulator/api';
import { addRecord, createZone } from '../src/emulator/dns';
import { gaModule } from '../src/emulator/ga';
import { advanceGa } from '../src/emulator/ga/lifecycle';
import { startEmulator } from '../src/emulator/server';
import type { EmulatorState } from '../src/emulator/state';
import { createLimiter, type GaConfig } from '../src/model';
import { createSandboxProfile, SANDBOX_ACCESS_KEY_ID, SANDBOX_ACCESS_KEY_SECRET } from '../src/profiles/sandboxProfile';
import { planConfig } from '../src/workflows';

const SIZES = [1, 10, 50];
const LATENCY_MS = 50;
const ZONE = 'bench.example';
const TERRAFORM_PARALLELISM = 10;

interface Ids {
  accelerator: string;
  plan: string;
  ipSet: string;
  listener: string;
  group: string;
  records: string[];
}

function buildAccount(state: EmulatorState, accelerators: number, now: number): { config: GaConfig; ids: Ids[] } {
  const ctx: RequestContext = {
    requestId: 'bench',
    accessKeyId: SANDBOX_ACCESS_KEY_ID,
    clock: { now: () => now, after: () => now },
    options: { timeScale: 1, strict: true, allowLoopbackEndpoints: false },
  };
  const run = (action: string, params: Params): Record<string, unknown> => {
    const body = gaModule.handlers[action](params, ctx, state);
    advanceGa(state, now);
    return body;
  };
  const zone = createZone(state.dns, ZONE, 'mianfei', now);
  const config: GaConfig = { version: 1, accelerators: [], dns: [{ zone: ZONE, records: [] }] };
  const ids: Ids[] = [];
  for (let i = 0; i < accelerators; i++) {
    const name = `bench-${i}`;
    const backend = `203.0.113.${(i % 200) + 10}`;
    const accelerator = run('CreateAccelerator', { InstanceChargeType: 'PREPAY', PricingCycle: 'Month', Duration: 1, AutoPay: true, Spec: '1', Name: name }).AcceleratorId as string;
    const plan = run('CreateBandwidthPackage', { Type: 'Basic', ChargeType: 'PREPAY', PricingCycle: 'Month', Duration: '1', AutoPay: true, Bandwidth: 2, BandwidthType: 'Enhanced' }).BandwidthPackageId as string;
    run('BandwidthPackageAddAccelerator', { AcceleratorId: accelerator, BandwidthPackageId: plan });
    const ipSet = (run('CreateIpSets', { AcceleratorId: accelerator, AccelerateRegion: [{ AccelerateRegionId: 'cn-beijing', Bandwidth: 2, IpVersion: 'IPv6' }] }).IpSets as { IpSetId: string }[])[0].IpSetId;
    const listener = run('CreateListener', { AcceleratorId: accelerator, Name: 'web', Protocol: 'TCP', PortRanges: [{ FromPort: 80, ToPort: 80 }], ClientAffinity: 'SOURCE_IP' }).ListenerId as string;
    const group = run('CreateEndpointGroup', { AcceleratorId: accelerator, ListenerId: listener, Name: 'dc', EndpointGroupRegion: 'cn-beijing', EndpointConfigurations: [{ Type: 'Ip', Endpoint: backend, Weight: 100 }] }).EndpointGroupId as string;
    const aaaa = addRecord(state.dns, zone, { rr: `www${i}`, type: 'AAAA', value: state.ga.ipSets[ipSet].IpAddressList[0], ttl: 600, line: 'default' }, now);
    const cname = addRecord(state.dns, zone, { rr: `app${i}`, type: 'CNAME', value: state.ga.accelerators[accelerator].DnsName, ttl: 600, line: 'default' }, now);
    ids.push({ accelerator, plan, ipSet, listener, group, records: [aaaa.RecordId, cname.RecordId] });
    config.accelerators.push({
      name,
      spec: '1',
      billing: 'subscription',
      term: { cycle: 'Month', duration: 1 },
      bandwidthPlan: { bandwidthType: 'Enhanced', bandwidth: 2 },
      areas: [{ region: 'cn-beijing', ipVersion: 'IPv6', bandwidth: 2 }],
      listeners: [{ name: 'web', protocol: 'TCP', ports: [{ fromPort: 80, toPort: 80 }], clientAffinity: 'SOURCE_IP', endpointGroups: [{ name: 'dc', region: 'cn-beijing', endpoints: [{ ip: backend, weight: 100 }] }] }],
    });
    config.dns[0].records.push({ host: `www${i}`, type: 'AAAA', to: `${name}/cn-beijing`, ttl: 600 }, { host: `app${i}`, type: 'CNAME', to: name, ttl: 600 });
  }
  return { config, ids };
}

/** Terraform's refresh: one Describe per resource in the state, `TERRAFORM_PARALLELISM` at a time. */
async function terraformStyleRefresh(cloud: CloudServices, ids: readonly Ids[]): Promise<void> {
  const limit = createLimiter(TERRAFORM_PARALLELISM);
  const reads: (() => Promise<unknown>)[] = ids.flatMap((r) => [
    () => cloud.ga.describeAccelerator(r.accelerator),
    () => cloud.ga.describeBandwidthPackage(r.plan),
    () => cloud.ga.describeBandwidthPackage(r.plan), // ga_bandwidth_package_attachment reads the plan again
    () => cloud.ga.describeIpSet(r.ipSet),
    () => cloud.ga.describeListener(r.listener),
    () => cloud.ga.describeEndpointGroup(r.group),
    ...r.records.map((id) => () => describeRecord(cloud, id)),
  ]);
  await Promise.all(reads.map((read) => limit(read)));
}

async function describeRecord(cloud: CloudServices, recordId: string): Promise<void> {
  const sdk = loadSdk();
  await cloud.connection.dns.describeDomainRecordInfoWithOptions(new sdk.$Alidns.DescribeDomainRecordInfoRequest({ recordId }), new sdk.$dara.RuntimeOptions({}));
}

interface Measured {
  calls: number;
  wallMs: number;
}

async function measure(admin: EmulatorAdmin, work: () => Promise<unknown>): Promise<Measured> {
  await admin.clearRequests();
  const started = performance.now();
  await work();
  const wallMs = performance.now() - started;
  const log = await admin.requests();
  const failed = log.filter((r) => r.status !== 200);
  if (failed.length) throw new Error(`${failed.length} calls failed, e.g. ${failed[0].action} ${failed[0].code}`);
  return { calls: log.length, wallMs };
}

async function run(emulator: RunningEmulator, admin: EmulatorAdmin, n: number): Promise<string> {
  await admin.reset();
  const { config, ids } = buildAccount(emulator.getState(), n, Date.now());
  await admin.setFault({ action: '*', latencyMs: LATENCY_MS });
  const cloud = createCloudServices(createSandboxProfile({ port: emulator.port }), { queue: new MutationQueue() });
  // Credentials and the first connection are set up once per session: not what is measured.
  await cloud.ga.listAccelerators();
  await cloud.dns.describeDomains();
  let changes = -1;
  const ours = await measure(admin, async () => {
    changes = (await planConfig(config, cloud)).changes.length;
  });
  if (changes !== 0) throw new Error(`the plan of the matching file has ${changes} changes`);
  const terraform = await measure(admin, () => terraformStyleRefresh(cloud, ids));
  const budget = 1 + 3 * n + 1;
  return [
    String(n).padStart(5),
    `${String(ours.calls).padStart(5)} (1+3·${n}+1 = ${budget})`.padEnd(22),
    ours.wallMs.toFixed(0).padStart(9),
    String(terraform.calls).padStart(17),
    terraform.wallMs.toFixed(0).padStart(13),
    `${(terraform.calls / ours.calls).toFixed(1)}× calls, ${(terraform.wallMs / ours.wallMs).toFixed(1)}× time`.padStart(26),
  ].join('  ');
}

async function main(): Promise<void> {
  const sdkStarted = performance.now();
  loadSdk();
  console.log(`SDK loaded in ${(performance.now() - sdkStarted).toFixed(0)} ms (once per process, not included below)`);
  const emulator = await startEmulator({ seed: 'empty', credentials: [{ accessKeyId: SANDBOX_ACCESS_KEY_ID, accessKeySecret: SANDBOX_ACCESS_KEY_SECRET }] });
  const admin = new EmulatorAdmin(`http://${emulator.endpoint}`);
  try {
    console.log(`plan of a matching ga.yaml (no changes), ${LATENCY_MS} ms per call; each accelerator: plan, IPv6 area, listener, endpoint group, AAAA + CNAME\n`);
    console.log('accel  plan calls              plan ms   Terraform calls  Terraform ms                 Terraform/plan');
    for (const n of SIZES) console.log(await run(emulator, admin, n));
    console.log(`\nTerraform: one Describe per resource (8 per accelerator here), ${TERRAFORM_PARALLELISM} at a time (terraform -parallelism default).`);
    console.log('plan: ListAccelerators + (ListIpSets, ListListeners, ListEndpointGroups) per accelerator, 5 accelerators at a time, + DescribeDomainRecords per zone.');
  } finally {
    await emulator.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exitCode = 1;
});
