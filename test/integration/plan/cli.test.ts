// `ga-ipv6 plan | apply | export` against the emulator, run in-process with captured streams: the contract's
// flags, exit codes and JSON, colour only on a terminal without NO_COLOR, progress lines, and clear errors for a
// missing credential or an unreachable endpoint. The export is parsed back and planned: no changes.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addZone, startCloud, TEST_KEY, type Harness } from '../cloudHarness';
import { runApply } from '../../../src/cli/commands/apply';
import { runExport } from '../../../src/cli/commands/export';
import { runPlan } from '../../../src/cli/commands/plan';
import type { CliIo } from '../../../src/cli/io';
import { runCli } from '../../../src/cli/program';
import { writeGaYaml } from '../../../src/gaYaml';
import { walkThrough } from './configs';

interface Captured {
  io: CliIo;
  out: () => string;
  err: () => string;
}

function capture(dir: string, o: { tty?: boolean; env?: Record<string, string>; answer?: string } = {}): Captured {
  let out = '';
  let err = '';
  return {
    io: {
      out: (t: string) => void (out += t),
      err: (t: string) => void (err += t),
      readFile: async (path: string) => readFileSync(path, 'utf8'),
      readStdin: async () => '',
      isTTY: o.tty ?? false,
      env: { ALIBABA_CLOUD_ACCESS_KEY_ID: TEST_KEY.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: TEST_KEY.accessKeySecret, ...o.env },
      cwd: dir,
      home: dir,
      ...(o.answer !== undefined ? { ask: async () => o.answer as string } : {}),
    },
    out: () => out,
    err: () => err,
  };
}

describe('ga-ipv6 plan, apply and export', () => {
  let h: Harness;
  let dir: string;
  let endpoint: string;
  before(async () => {
    h = await startCloud('empty');
    endpoint = `http://${h.emulator.endpoint}`;
    dir = mkdtempSync(join(tmpdir(), 'ga-cli-'));
    writeFileSync(join(dir, 'ga.yaml'), writeGaYaml(walkThrough(), { comments: true }));
  });
  after(async () => {
    await h.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await h.admin.reset();
    await addZone(h.services().connection, 'example.com');
  });

  it('plan: Terraform-like text without colour off a terminal, --detailed-exitcode 2, and the JSON of the contract', async () => {
    const text = capture(dir);
    assert.equal(await runPlan({ endpoint, detailedExitcode: true }, text.io), 2);
    assert.match(text.out(), /^Accelerator web-ipv6\n  \+   GA instance web-ipv6 will be created/);
    assert.match(text.out(), /Purchases \(2\): applying orders these/);
    assert.match(text.out(), /Plan: 7 to create, 0 to update, 0 to replace, 0 to delete; 2 purchases\.\n$/);
    assert.doesNotMatch(text.out(), /\x1b\[/, 'no colour when stdout is not a terminal');
    assert.match(text.err(), /Reading the account \(profile "Environment variables", http:\/\/127\.0\.0\.1:\d+\): 1 accelerator and 1 DNS zone of ga\.yaml…/);

    const json = capture(dir);
    assert.equal(await runPlan({ endpoint, format: 'json' }, json.io), 0);
    const parsed = JSON.parse(json.out()) as { changes: { action: string; kind: string; address: string; before: unknown; after: unknown }[]; purchases: { title: string; lines: string[]; subscription: boolean }[] };
    assert.deepEqual(parsed.changes.map((c) => [c.action, c.kind, c.address, c.before]), [
      ['create', 'accelerator', 'accelerators.web-ipv6', null],
      ['create', 'bandwidthPlan', 'accelerators.web-ipv6.bandwidthPlan', null],
      ['create', 'area', 'accelerators.web-ipv6.areas.cn-beijing', null],
      ['create', 'listener', 'accelerators.web-ipv6.listeners.web-http', null],
      ['create', 'endpointGroup', 'accelerators.web-ipv6.listeners.web-http.endpointGroups.web-backend.cn-beijing', null],
      ['create', 'dnsRecord', 'dns.example.com.www.AAAA', null],
      ['create', 'dnsRecord', 'dns.example.com.app.CNAME', null],
    ]);
    assert.deepEqual(parsed.purchases.map((p) => [Object.keys(p), p.subscription]), [[['title', 'lines', 'subscription'], true], [['title', 'lines', 'subscription'], true]]);
  });

  it('is registered in the ga-ipv6 program with the contract\'s flags', async () => {
    const help = capture(dir);
    assert.equal(await runCli(['--help'], help.io), 0);
    assert.match(help.out(), /validate \[options\] \[FILE\][\s\S]*plan \[options\] \[FILE\][\s\S]*apply \[options\] \[FILE\][\s\S]*export \[options\]/);
    const planHelp = capture(dir);
    await runCli(['plan', '--help'], planHelp.io);
    for (const flag of ['--format <format>', '--detailed-exitcode', '--profile <name>', '--endpoint <url>']) assert.ok(planHelp.out().includes(flag), `plan ${flag}`);
    const exportHelp = capture(dir);
    await runCli(['export', '--help'], exportHelp.io);
    for (const flag of ['--accelerator <name>', '--zone <zone>']) assert.ok(exportHelp.out().includes(flag), `export ${flag}`);

    const plan = capture(dir);
    assert.equal(await runCli(['plan', 'ga.yaml', '--format', 'json', '--detailed-exitcode', '--endpoint', endpoint], plan.io), 2, plan.err());
    assert.equal((JSON.parse(plan.out()) as { changes: unknown[] }).changes.length, 7);
    const badFormat = capture(dir);
    assert.equal(await runCli(['plan', '--format', 'yaml', '--endpoint', endpoint], badFormat.io), 1);
    assert.match(badFormat.err(), /--format <format>' argument 'yaml' is invalid\. Allowed choices are text, json/);
    const apply = capture(dir);
    assert.equal(await runCli(['apply', '--yes', '--endpoint', endpoint], apply.io), 0, apply.err());
    const exported = capture(dir);
    assert.equal(await runCli(['export', '--accelerator', 'web-ipv6', '--zone', 'example.com', '--endpoint', endpoint], exported.io), 0, exported.err());
    assert.match(exported.out(), /^accelerators:\n  web-ipv6:/m);
  });

  it('colour on a terminal, none with NO_COLOR', async () => {
    const tty = capture(dir, { tty: true });
    await runPlan({ endpoint }, tty.io);
    assert.match(tty.out(), /\x1b\[32m\+/);
    const noColor = capture(dir, { tty: true, env: { NO_COLOR: '1' } });
    await runPlan({ endpoint }, noColor.io);
    assert.doesNotMatch(noColor.out(), /\x1b\[/);
  });

  it('apply asks first: no terminal and no --yes, or an answer other than yes, changes nothing', async () => {
    const noTerminal = capture(dir);
    assert.equal(await runApply({ endpoint }, noTerminal.io), 1);
    assert.match(noTerminal.err(), /there is no terminal to ask at\. Review the plan \(ga-ipv6 plan\) and pass --yes/);
    const declined = capture(dir, { answer: 'no' });
    assert.equal(await runApply({ endpoint }, declined.io), 1);
    assert.match(declined.out(), /Apply cancelled: nothing was changed\./);
    assert.deepEqual(Object.keys((await h.admin.state()).ga.accelerators), []);
  });

  it('apply --yes: progress lines, a closing report, then plan has nothing left (exit 0 with --detailed-exitcode)', async () => {
    const run = capture(dir);
    assert.equal(await runApply({ endpoint, yes: true }, run.io), 0, run.err());
    assert.match(run.out(), /web-ipv6: Create GA instance web-ipv6 \(Small I\)…/);
    assert.match(run.out(), /web-ipv6: ✔ Create listener web-http \(TCP:80\) \(lsr-[a-z0-9]+\)/);
    assert.match(run.out(), /dns: ✔ Add DNS record www\.example\.com AAAA/);
    assert.match(run.out(), /Apply complete: 8 steps done, 8 changes sent\./);
    const again = capture(dir);
    assert.equal(await runPlan({ endpoint, detailedExitcode: true }, again.io), 0);
    assert.match(again.out(), /^No changes\. The account matches the file\.\n$/);
  });

  it('export writes ga.yaml that plans to no changes', async () => {
    assert.equal(await runApply({ endpoint, yes: true }, capture(dir).io), 0);
    const exported = capture(dir);
    assert.equal(await runExport({ endpoint }, exported.io), 0, exported.err());
    assert.match(exported.out(), /^# Exported by ga-ipv6 export/);
    assert.match(exported.out(), /to: web-ipv6\/cn-beijing/);
    const roundTrip = mkdtempSync(join(tmpdir(), 'ga-export-'));
    try {
      writeFileSync(join(roundTrip, 'ga.yaml'), exported.out());
      const plan = capture(roundTrip);
      assert.equal(await runPlan({ endpoint, detailedExitcode: true }, plan.io), 0, plan.out() + plan.err());
      assert.match(plan.out(), /^No changes\./);
    } finally {
      rmSync(roundTrip, { recursive: true, force: true });
    }
  });

  it('says what to do about missing credentials, a bad endpoint or an unreachable one', async () => {
    const none = capture(dir, { env: { ALIBABA_CLOUD_ACCESS_KEY_ID: '', ALIBABA_CLOUD_ACCESS_KEY_SECRET: '' } });
    assert.equal(await runPlan({ endpoint }, none.io), 1);
    assert.match(none.err(), /^Error: No credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET .* or pass --profile NAME/m);
    const missingProfile = capture(dir);
    assert.equal(await runPlan({ endpoint, profile: 'prod' }, missingProfile.io), 1);
    assert.match(missingProfile.err(), /No profile named "prod" in ~\/\.aliyun\/config\.json or ~\/\.alibabacloud\/credentials/);
    const http = capture(dir);
    assert.equal(await runPlan({ endpoint: 'http://ga.example.com' }, http.io), 1);
    assert.match(http.err(), /plain http is allowed only for a local emulator/);
    const unreachable = capture(dir);
    assert.equal(await runPlan({ endpoint: 'http://127.0.0.1:1' }, unreachable.io), 1);
    assert.match(unreachable.err(), /^Error: Could not call ListAccelerators: the Global Accelerator endpoint 127\.0\.0\.1:1 refused the connection\./m);
    const noFile = capture(dir);
    assert.equal(await runPlan({ endpoint, file: 'missing.yaml' }, noFile.io), 1);
    assert.match(noFile.err(), /^Error: missing\.yaml does not exist\./m);
  });
});
