// UI journey on the packaged extension (scripts/run-package-tests.mjs installed the .vsix with
// --install-extension into a fresh VS Code, gave it no sandbox variables and an empty home): a first-time user
// opens the Global Accelerator view, sees the welcome view, clicks "Start Local Sandbox", which starts the
// emulator bundled in the package, sees the demo account in the explorer, and probes the demo's IPv6 address,
// whose terminal must end with PASS: the sandbox the package starts serves its IPv4 origin and the demo's
// walk-through forwards to it, so the production bundle proves the whole path (DNS-free here: the address itself)
// over IPv6, emulator, data plane and origin.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { journey } from '../e2e/journey';
import { expectViewSection, openViewContainer } from '../e2e/workbench';
import { declaredViewContainers, declaredViews, extensionId, PROJECT_ROOT } from '../extension/manifest';

const EXTENSIONS_DIR_ENV = 'GA_INSTALLED_EXTENSIONS_DIR';
const START_SANDBOX = 'Start Local Sandbox';
const DEMO_ACCELERATOR = 'web-ipv6';
const DEMO_AREA = 'China (Beijing)';
const IPV6_ADDRESS = /^[0-9a-f]{1,4}(:[0-9a-f]{0,4}){2,7}$/i;
/** The probe terminal's last line once the probe is over (src/probeUi/probeTerminal.ts). */
const PROBE_DONE = /Press\s+any\s+key\s+to\s+close\s+this\s+terminal/;
/** The verdict line: the badge, then the reason (src/probe/render.ts). */
const VERDICT = /^(PASS|WARN|FAIL) (.+)$/m;
/** A probe that fails waits for its connect timeouts (3 attempts × 5 s by default), so this is generous. */
const PROBE_TIMEOUT_MS = 90_000;

function row(page: Page, label: string | RegExp): Locator {
  return page.locator('.part.sidebar .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: label }) });
}

/** The folder VS Code unpacked the .vsix into. */
function installedFolder(): string {
  const dir = process.env[EXTENSIONS_DIR_ENV];
  if (!dir) throw new Error(`${EXTENSIONS_DIR_ENV} is not set: run this journey with npm run test:package (scripts/run-package-tests.mjs)`);
  const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  return join(dir, `${extensionId()}-${version}`);
}

/** Processes on this machine running the installed package's emulator bundle (the sandbox the extension started). */
function bundledEmulatorProcesses(): string[] {
  const bundle = join(installedFolder(), 'dist', 'emulator.js');
  return readdirSync('/proc').filter((pid) => /^\d+$/.test(pid)).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(bundle);
    } catch {
      return false; // gone meanwhile
    }
  });
}

test('the installed .vsix is an unpacked copy of the package, not a link to the project', () => {
  const folder = installedFolder();
  assert.ok(existsSync(folder), `--install-extension did not create ${folder}`);
  assert.ok(!lstatSync(folder).isSymbolicLink(), `${folder} is a link: the journey must run the package, not the project`);
  assert.ok(existsSync(join(folder, 'dist', 'emulator.js')), 'the installed extension has no dist/emulator.js');
  assert.ok(!existsSync(join(folder, 'src')), 'the installed extension has its sources');
  assert.deepEqual(bundledEmulatorProcesses(), [], 'an emulator of the installed extension runs before anyone asked for the sandbox');
});

test('a first-time user starts the local sandbox from the welcome view and probes the demo over IPv6', { timeout: 240_000 }, async () => {
  const container = declaredViewContainers().find((c) => c.location === 'activitybar');
  const view = declaredViews().find((v) => v.container === container?.id);
  assert.ok(container && view?.name, 'package.json declares no activity-bar view container with a view');

  // How long each step took, printed at the end (CI logs show where the journey's time goes; nothing asserts on it).
  let last = Date.now();
  const steps: string[] = [];
  const done = (step: string) => {
    steps.push(`${step} ${((Date.now() - last) / 1000).toFixed(1)}s`);
    last = Date.now();
  };
  await journey('installed vsix sandbox and probe', async (page) => {
    done('workbench');
    // An extension installed from a .vsix is scanned when the workbench starts; its activity-bar item can show
    // up well after the built-in ones on a busy machine, later than openViewContainer waits.
    await page.locator(`.activitybar .action-label[aria-label=${JSON.stringify(container.title)}]`)
      .waitFor({ state: 'visible', timeout: 60_000 })
      .catch(() => { throw new Error(`the activity bar shows no "${container.title}" item within 60s: was the .vsix installed and its manifest accepted? (install.log, code-server.log)`); });
    await openViewContainer(page, container.title);
    await expectViewSection(page, view.name as string);

    // No profile anywhere (empty home, no ALIBABA_CLOUD_* variables): the welcome view offers the sandbox.
    const welcome = page.locator('.part.sidebar .welcome-view-content');
    const start = welcome.getByRole('button', { name: START_SANDBOX });
    await start.waitFor({ timeout: 30_000 }).catch(async () => {
      const shown = await page.locator('.part.sidebar').innerText().catch(() => '');
      throw new Error(`the ${view.name} view shows no welcome view with "${START_SANDBOX}" (is a profile found after all?); the side bar reads: ${JSON.stringify(shown.slice(0, 600))}`);
    });
    assert.match(await welcome.innerText(), /No Global Accelerator profile yet/);
    done('welcome view');
    await start.click();

    const accelerator = row(page, DEMO_ACCELERATOR).first();
    await accelerator.waitFor({ timeout: 60_000 }).catch(async () => {
      const rows = await page.locator('.part.sidebar .monaco-list-row').allInnerTexts();
      throw new Error(`after "${START_SANDBOX}" the explorer shows no demo accelerator "${DEMO_ACCELERATOR}"; rows: ${rows.map((t) => JSON.stringify(t)).join(', ') || 'none'}`);
    });
    const emulators = bundledEmulatorProcesses();
    assert.equal(emulators.length, 1, `expected one process running ${join(installedFolder(), 'dist', 'emulator.js')}, found ${emulators.length}`);

    done('sandbox and demo tree');
    await accelerator.click();
    const area = row(page, DEMO_AREA).first();
    await area.waitFor({ timeout: 30_000 }).catch(() => { throw new Error(`expanding "${DEMO_ACCELERATOR}" showed no acceleration area "${DEMO_AREA}"`); });
    const address = row(page, IPV6_ADDRESS).first();
    await address.waitFor({ timeout: 30_000 }).catch(() => { throw new Error(`the area "${DEMO_AREA}" shows no IPv6 address`); });
    const ipv6 = (await address.locator('.label-name').innerText()).trim();

    await address.click({ button: 'right' });
    const probe = page.getByRole('menuitem', { name: 'Probe over IPv6' });
    await probe.waitFor({ timeout: 10_000 }).catch(() => { throw new Error(`the context menu of ${ipv6} has no "Probe over IPv6"`); });
    done('address row');
    await probe.click();

    // The probe's own terminal: its name in the panel, its text in xterm's rows (DOM renderer, see the launcher).
    const tab = page.locator('.part.panel').getByText(/^IPv6 probe: /).first();
    await tab.waitFor({ timeout: 20_000 }).catch(() => { throw new Error(`"Probe over IPv6" on ${ipv6} opened no "IPv6 probe: …" terminal`); });
    const rows = page.locator('.part.panel .terminal-wrapper.active .xterm-rows');
    const text = async () => (await rows.innerText().catch(() => '')).replace(/\u00a0/g, ' ');
    await rows.filter({ hasText: PROBE_DONE }).waitFor({ timeout: PROBE_TIMEOUT_MS }).catch(async () => {
      throw new Error(`the probe of ${ipv6} did not finish within ${PROBE_TIMEOUT_MS / 1000}s; its terminal reads:\n${await text()}`);
    });
    done('probe');
    const output = await text();
    const verdict = VERDICT.exec(output);
    assert.ok(verdict, `the probe of ${ipv6} ended without a verdict line (PASS, WARN or FAIL); its terminal reads:\n${output}`);
    assert.ok(output.includes(ipv6), `the probe terminal does not mention the address probed (${ipv6}):\n${output}`);
    console.log(`  probe of ${ipv6} from the installed package: ${verdict[1]} ${verdict[2].trim()}`);
    assert.equal(verdict[1], 'PASS', `the demo's IPv6 address forwards to the sandbox's IPv4 origin, so its probe passes; the terminal reads:\n${output}`);
  });
  console.log(`  journey steps: ${steps.join(', ')}`);
});
