// Benchmark (not a test): what a full expansion of the Global Accelerator explorer costs, in API calls and wall
// time, for 1, 10 and 50 accelerators with 3 listeners each, against the local emulator answering every call
// after 50 ms (its latency fault). "Full" means every node the tree has: each accelerator, its areas and their
// addresses, its listeners, their endpoint groups and endpoints (with health) and its DNS records.
//
// Run:  npm run compile && node out/bench/explorer.js
//
// The accounts are built in the emulator's state directly with its own GA handlers (as its fixtures are), so
// building costs no API calls and no waiting; the request log is cleared before each measured expansion.
import { performance } from 'node:perf_hooks';
import { createCloudServices, MutationQueue } from '../src/cloud';
import { loadSdk } from '../src/cloud/sdk';
import { EmulatorAdmin } from '../src/emulator/adminClient';
import type { Params, RequestContext, RunningEmulator } from '../src/emulator/api';
import { addRecord, createZone } from '../src/emulator/dns';
import { gaModule } from '../src/emulator/ga';
import { advanceGa } from '../src/emulator/ga/lifecycle';
import { startEmulator } from '../src/emulator/server';
import type { EmulatorState } from '../src/emulator/state';
import { ExplorerLoader } from '../src/explorer/loader';
import type { ExplorerNode } from '../src/explorer/nodes';
import { ExplorerModel } from '../src/explorer/treeModel';
import { createSandboxProfile, SANDBOX_ACCESS_KEY_ID, SANDBOX_ACCESS_KEY_SECRET } from '../src/profiles/sandboxProfile';

const SIZES = [1, 10, 50];
const LISTENERS_PER_ACCELERATOR = 3;
const LATENCY_MS = 50;
const ZONE = 'bench.example';

/** Calls that make up the tree itself (the issue's budget: 1 + 3 per accelerator, plus extra pages). */
const TREE_ACTIONS = ['ListAccelerators', 'ListIpSets', 'ListListeners', 'ListEndpointGroups'];

function buildAccount(state: EmulatorState, accelerators: number, now: number): void {
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
  for (let i = 0; i < accelerators; i++) {
    // What an ordinary account buys (model OFFERED_PURCHASES): a subscription instance with a subscription plan.
    const term = { PricingCycle: 'Month', Duration: 1, AutoPay: true };
    const id = run('CreateAccelerator', { InstanceChargeType: 'PREPAY', Spec: '3', Name: `bench-${i}`, ...term }).AcceleratorId as string;
    const plan = run('CreateBandwidthPackage', { Type: 'Basic', ChargeType: 'PREPAY', Bandwidth: 10, BandwidthType: 'Enhanced', ...term, Duration: '1' }).BandwidthPackageId as string;
    run('BandwidthPackageAddAccelerator', { AcceleratorId: id, BandwidthPackageId: plan });
    run('CreateIpSets', { AcceleratorId: id, AccelerateRegion: [{ AccelerateRegionId: 'cn-beijing', Bandwidth: 2, IpVersion: 'IPv6' }] });
    for (let l = 0; l < LISTENERS_PER_ACCELERATOR; l++) {
      const port = 80 + l;
      const listener = run('CreateListener', { AcceleratorId: id, Name: `bench-${i}-${port}`, Protocol: 'TCP', PortRanges: [{ FromPort: port, ToPort: port }] }).ListenerId as string;
      run('CreateEndpointGroup', {
        AcceleratorId: id,
        ListenerId: listener,
        EndpointGroupRegion: 'cn-beijing',
        EndpointConfigurations: [{ Type: 'Ip', Endpoint: `203.0.113.${(i % 200) + 10}`, Weight: 100 }],
      });
    }
    addRecord(state.dns, zone, { rr: `app${i}`, type: 'CNAME', value: state.ga.accelerators[id].DnsName, ttl: 600, line: 'default' }, now);
  }
}

/** Expands every node, siblings in parallel, as far down as the tree goes. */
async function expandAll(model: ExplorerModel, node: ExplorerNode | undefined): Promise<number> {
  const children = await model.children(node);
  const below = await Promise.all(children.map((c) => expandAll(model, c)));
  return children.length + below.reduce((a, b) => a + b, 0);
}

interface Result {
  accelerators: number;
  nodes: number;
  wallMs: number;
  byAction: Record<string, number>;
}

async function measure(emulator: RunningEmulator, admin: EmulatorAdmin, accelerators: number): Promise<Result> {
  await admin.reset();
  buildAccount(emulator.getState(), accelerators, Date.now());
  await admin.setFault({ action: '*', latencyMs: LATENCY_MS });
  await admin.clearRequests();
  const profile = createSandboxProfile({ port: emulator.port });
  const { ga, dns } = createCloudServices(profile, { queue: new MutationQueue() });
  const loader = new ExplorerLoader(ga, dns);
  const model = new ExplorerModel({ connected: () => [profile], activeId: () => profile.id }, () => loader);
  const started = performance.now();
  const nodes = await expandAll(model, undefined);
  const wallMs = performance.now() - started;
  const byAction: Record<string, number> = {};
  for (const r of await admin.requests()) byAction[r.action] = (byAction[r.action] ?? 0) + 1;
  const failed = (await admin.requests()).filter((r) => r.status !== 200);
  if (failed.length) throw new Error(`${failed.length} calls failed, e.g. ${failed[0].action} ${failed[0].code}`);
  return { accelerators, nodes, wallMs, byAction };
}

async function main(): Promise<void> {
  // Loading the SDK is a one-time cost of the first expansion in a session; it is not what is measured here.
  const sdkStarted = performance.now();
  loadSdk();
  console.log(`SDK loaded in ${(performance.now() - sdkStarted).toFixed(0)} ms (once per session, not included below)`);
  const emulator = await startEmulator({ seed: 'empty', credentials: [{ accessKeyId: SANDBOX_ACCESS_KEY_ID, accessKeySecret: SANDBOX_ACCESS_KEY_SECRET }] });
  const admin = new EmulatorAdmin(`http://${emulator.endpoint}`);
  let overBudget = false;
  try {
    console.log(`Full expansion, ${LISTENERS_PER_ACCELERATOR} listeners per accelerator, ${LATENCY_MS} ms per call, siblings expanded in parallel\n`);
    console.log('accel  nodes  tree calls (budget 1+3N)  plans  health  DNS  total  wall ms');
    for (const n of SIZES) {
      const r = await measure(emulator, admin, n);
      const count = (actions: string[]) => actions.reduce((sum, a) => sum + (r.byAction[a] ?? 0), 0);
      const tree = count(TREE_ACTIONS);
      const budget = 1 + 3 * n;
      const total = Object.values(r.byAction).reduce((a, b) => a + b, 0);
      if (tree > budget) overBudget = true;
      console.log(
        [
          String(n).padStart(5),
          String(r.nodes).padStart(6),
          `${String(tree).padStart(5)} / ${String(budget).padEnd(5)}${tree <= budget ? ' ok' : ' OVER'}`.padEnd(26),
          String(count(['ListBandwidthPackages'])).padStart(5),
          String(count(['GetHealthStatus'])).padStart(7),
          String(count(['DescribeDomains', 'DescribeDomainRecords'])).padStart(4),
          String(total).padStart(6),
          r.wallMs.toFixed(0).padStart(8),
        ].join('  '),
      );
      console.log(`       ${Object.entries(r.byAction).sort().map(([a, c]) => `${a} ${c}`).join(', ')}`);
    }
    console.log('\nplans: ListBandwidthPackages, once per refresh for the profile; health: GetHealthStatus, one per listener,');
    console.log('when the listener is expanded (its groups and endpoints show health); DNS: DescribeDomains + DescribeDomainRecords per zone, once per refresh.');
  } finally {
    await emulator.stop();
  }
  if (overBudget) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exitCode = 1;
});
