// UI journeys of guided creation, in the sandbox's workbench (demo fixture): the whole walk-through through the
// form filled by label, with a loopback backend on a test port and an AAAA host on example.com, then the tree
// shows the gateway and a probe of the name passes through the emulator's DNS and data plane; a step failing
// under an injected fault, then "Retry from this step" finishing with one instance bought; the keyboard alone.
// The emulator's admin API (GA_IPV6_SANDBOX_ENDPOINT) injects the fault and shows what was bought.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from 'playwright-core';
import { EmulatorAdmin } from '../../src/emulator/adminClient';
import { answerDialog, choose, field, fieldProblems, fill, formFrame, press } from './forms';
import { journey } from './journey';
import { runFromCommandPalette } from './workbench';

const COMMAND = 'Global Accelerator: Create IPv6 Gateway…';
const TITLE = 'Create IPv6 Gateway';
const BACKEND_TEXT = 'IPv4 web service behind the IPv6 gateway';

function admin(): EmulatorAdmin {
  const endpoint = process.env.GA_IPV6_SANDBOX_ENDPOINT;
  assert.ok(endpoint, 'GA_IPV6_SANDBOX_ENDPOINT is not set: run the journeys with npm run test:e2e');
  return new EmulatorAdmin(`http://${endpoint}`);
}

async function backend(): Promise<{ port: number; server: Server }> {
  const server = createServer((_req, res) => res.end(BACKEND_TEXT));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, server };
}

/** Runs the command from the palette; the form's first paint after the command was chosen, in ms. */
async function openForm(page: Page): Promise<{ frame: Frame; paintMs: number }> {
  // The journeys share one workbench: editors an earlier journey left open (a form restored on reload) go first.
  await runFromCommandPalette(page, 'View: Close All Editors');
  await runFromCommandPalette(page, COMMAND);
  const chosen = Date.now();
  const frame = await formFrame(page, TITLE);
  return { frame, paintMs: Date.now() - chosen };
}

async function instancesNamed(name: string): Promise<number> {
  const state = await admin().state();
  return Object.values(state.ga.accelerators).filter((a) => a.Name === name).length;
}

async function creates(action: string, name?: string): Promise<number> {
  return (await admin().requests()).filter((r) => r.action === action && r.status === 200 && (name === undefined || r.params.Name === name)).length;
}

test('the whole walk-through through the form, filled by label; the tree shows it; a probe of the name passes', { timeout: 240_000 }, async () => {
  const { port, server } = await backend();
  try {
    await journey('forms create gateway', async (page) => {
      const { frame, paintMs } = await openForm(page);
      console.log(`# figure: command → first paint of "${TITLE}" (UI journey, sandbox): ${paintMs} ms`);

      // Step 1: the purchase guide, then the recommendation it generates.
      await choose(frame, 'Acceleration Area', 'China (Beijing)');
      await choose(frame, 'Service Region', 'China (Beijing)');
      await choose(frame, 'ICP Filing', 'Yes');
      await choose(frame, 'Server Area', 'Off Alibaba Cloud');
      await fill(frame, 'Peak Bandwidth Range', '2');
      await choose(frame, 'Maximum Concurrent Connections', '5 Thousand');
      await press(frame, 'Generate Service List');
      await frame.getByText('Small I instance, Enhanced basic bandwidth plan of 2 Mbit/s').waitFor();
      assert.equal(await field(frame, 'Specification').evaluate((e) => (e as unknown as { value: string }).value), '1');
      assert.equal(await field(frame, 'Bandwidth Type').evaluate((e) => (e as unknown as { value: string }).value), 'Enhanced');
      assert.equal(await field(frame, 'Peak Bandwidth').inputValue(), '2');
      await fill(frame, 'Instance Name', 'journey-ipv6');
      await choose(frame, 'Term', 'Subscription, 1 month');
      // Step 2.
      await choose(frame, 'Regions', 'China (Beijing)');
      await fill(frame, 'Bandwidth', '2');
      await choose(frame, 'Internet Protocol', 'IPv6');
      // Step 3: a listener on the backend's port, forwarding to the loopback backend.
      await fill(frame, 'Listener Name', 'web');
      await choose(frame, 'Protocol', 'TCP');
      await fill(frame, 'Port Number', '65500');
      assert.match((await fieldProblems(frame, 'Port Number')).join(' '), /reserved by GA/, 'a wrong value is explained next to its field');
      assert.equal(await frame.getByRole('button', { name: 'Create', exact: true }).isDisabled(), true, 'Create is disabled while an error remains');
      await fill(frame, 'Port Number', String(port));
      await choose(frame, 'Client Affinity', 'Source IP Address');
      await fill(frame, 'Endpoint Group Name', 'web-backend');
      await choose(frame, 'Region', 'China (Beijing)');
      await choose(frame, 'Backend Service Type', 'Custom IP Address');
      await fill(frame, 'Backend Service', '127.0.0.1');
      await fill(frame, 'Weight', '100');
      // Step 4: an AAAA record on example.com.
      await choose(frame, 'Domain Name', 'example.com');
      await choose(frame, 'Type', 'AAAA');
      await fill(frame, 'Host', 'journey');
      await choose(frame, 'TTL', '10 minutes');
      assert.equal(await field(frame, 'Value').inputValue(), 'the IPv6 address GA allocates to China (Beijing)');
      assert.deepEqual(await frame.locator('.problem-summary .problem-error').allInnerTexts(), []);

      // Step 5: Create asks first, in a modal, what will be bought and on what terms.
      await press(frame, 'Create');
      const dialog = await answerDialog(page, 'Buy and Create');
      assert.match(dialog, /Buy and create IPv6 gateway "journey-ipv6"\?/);
      assert.match(dialog, /GA instance journey-ipv6 \(Small I\)/);
      assert.match(dialog, /Basic bandwidth plan: Enhanced, 2 Mbit\/s, subscription, 1 month/);
      await frame.getByRole('heading', { name: 'IPv6 gateway "journey-ipv6" is ready' }).waitFor({ timeout: 90_000 });
      const address = (await frame.locator('.result-value[data-what=ipv6Address]').innerText()).trim();
      assert.match(address, /^fd6a:6761:/);
      assert.equal((await frame.locator('.result-value[data-what=fqdn]').innerText()).trim(), 'journey.example.com');
      assert.equal(await instancesNamed('journey-ipv6'), 1);
      assert.equal(await creates('CreateAccelerator', 'journey-ipv6'), 1);

      // The tree shows the gateway.
      await press(frame, 'Reveal in Explorer');
      await page.locator('.part.sidebar .monaco-list-row.selected', { hasText: 'journey-ipv6' }).waitFor({ timeout: 20_000 })
        .catch(() => { throw new Error('"Reveal in Explorer" did not select journey-ipv6 in the Global Accelerator explorer'); });

      // A probe of the name: the sandbox's DNS answers journey.example.com, the data plane forwards to the backend.
      await press(frame, 'Probe over IPv6');
      const verdict = frame.locator('.probe-verdict:not(.probe-running)');
      await verdict.waitFor({ timeout: 60_000 });
      const report = await frame.locator('.probe').innerText();
      assert.match(await verdict.innerText(), /^Pass: journey\.example\.com resolves to /, report);
      assert.match(report, new RegExp(`\\[${address.replace(/[.:]/g, (c) => `\\${c}`)}\\]:${port}`));
      assert.match(report, /200/);
    });
  } finally {
    server.close();
  }
});

test('a step failing under an injected fault; "Retry from this step" completes with exactly one instance bought', { timeout: 240_000 }, async () => {
  const { port, server } = await backend();
  try {
    await admin().clearRequests();
    await admin().setFault({ action: 'CreateEndpointGroup', forbidden: 1, times: 1 });
    await journey('forms retry from this step', async (page) => {
      const { frame } = await openForm(page);
      await fill(frame, 'Instance Name', 'retry-ipv6');
      await fill(frame, 'Port Number', String(port));
      await fill(frame, 'Backend Service', '127.0.0.1');
      await fill(frame, 'Host', 'retry');
      await press(frame, 'Create');
      await answerDialog(page, 'Buy and Create');
      const retry = frame.getByRole('button', { name: 'Retry from this step', exact: true });
      await retry.waitFor({ timeout: 90_000 });
      const failed = await frame.locator('.run-step.run-failed').innerText();
      assert.match(failed, /3\. Add a listener and an endpoint group/);
      assert.match(await frame.locator('.run-message').innerText(), /Kept: .*GA instance/s);
      assert.equal(await creates('CreateAccelerator', 'retry-ipv6'), 1);
      await retry.click();
      await frame.getByRole('heading', { name: 'IPv6 gateway "retry-ipv6" is ready' }).waitFor({ timeout: 90_000 });
      assert.equal(await creates('CreateAccelerator', 'retry-ipv6'), 1, 'the retry bought no second instance');
      assert.equal(await instancesNamed('retry-ipv6'), 1);
      assert.equal(await creates('CreateBandwidthPackage'), 1, 'one bandwidth plan bought in this journey');
    });
  } finally {
    await admin().clearFaults();
    server.close();
  }
});

/** The accessible name of what has the keyboard focus in the form's page (inside a component's shadow root too). */
const FOCUSED_NAME = `(() => {
  let a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  if (!a || a === document.body) return '';
  const host = a.getRootNode().host;
  const byId = (el) => { const id = el && el.getAttribute('aria-labelledby'); return id ? (document.getElementById(id) || {}).textContent : ''; };
  const name = a.getAttribute('aria-label') || byId(a) || (host && (host.getAttribute('aria-label') || byId(host) || host.textContent)) || a.textContent || '';
  return name.trim();
})()`;

/** The focused text field's whole value is selected (what Ctrl+A does). */
const WHOLE_VALUE_SELECTED = `(() => {
  let a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return !!a && typeof a.value === 'string' && a.value.length > 0 && a.selectionStart === 0 && a.selectionEnd === a.value.length;
})()`;

const FIELD_LABELS = [
  'Acceleration Area', 'Service Region', 'ICP Filing', 'Server Area', 'Peak Bandwidth Range', 'Maximum Concurrent Connections',
  'Instance Name', 'Term', 'Auto-Renewal', 'Specification', 'Bandwidth Type', 'Peak Bandwidth',
  'Regions', 'Bandwidth', 'Internet Protocol',
  'Listener Name', 'Protocol', 'Port Number', 'Client Affinity', 'Endpoint Group Name', 'Region', 'Preserve Client IP',
  'Backend Service Type', 'Backend Service', 'Weight',
  'Domain Name', 'Type', 'Host', 'TTL',
];

test('keyboard only: Tab reaches every field and Create; the form is filled and Create pressed without a mouse; the values survive hiding and a reload', { timeout: 240_000 }, async () => {
  await journey('forms keyboard only', async (page) => {
    const { frame } = await openForm(page);
    const visited: string[] = [];
    for (let i = 0; i < 120 && visited.at(-1) !== 'Create'; i++) {
      await page.keyboard.press('Tab');
      visited.push(String(await frame.evaluate(FOCUSED_NAME)));
    }
    assert.equal(visited.at(-1), 'Create', `Tab never reached Create; it visited: ${visited.join(' → ')}`);
    const fields = visited.filter((name) => FIELD_LABELS.includes(name));
    assert.deepEqual(fields, FIELD_LABELS, `the fields in Tab order: ${visited.join(' → ')}`);
    assert.ok(visited.includes('Generate Service List') && visited.includes('Add Endpoint'), visited.join(' → '));

    // Shift+Tab back to the instance name, type a new one, pick the term with the arrow keys.
    for (let i = 0; i < 120 && String(await frame.evaluate(FOCUSED_NAME)) !== 'Instance Name'; i++) await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Control+A');
    // A webview hands Ctrl+A to the workbench, which selects in the page a moment later: type once it has.
    await frame.waitForFunction(WHOLE_VALUE_SELECTED);
    await page.keyboard.type('keyboard-ipv6');
    await page.keyboard.press('Tab');
    assert.equal(String(await frame.evaluate(FOCUSED_NAME)), 'Term');
    await page.keyboard.press('ArrowDown');
    assert.equal(await field(frame, 'Term').evaluate((e) => (e as unknown as { value: string }).value), 'subscription:Month:2');
    assert.equal(await field(frame, 'Instance Name').inputValue(), 'keyboard-ipv6');
    // Tab on to Create and press it with Enter: the purchase modal opens; Escape declines, nothing is bought.
    for (let i = 0; i < 120 && String(await frame.evaluate(FOCUSED_NAME)) !== 'Create'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /Buy and create IPv6 gateway "keyboard-ipv6"\?/);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await instancesNamed('keyboard-ipv6'), 0, 'declined: nothing was bought');

    // What was typed survives hiding the panel (its page is discarded, then restored from getState) …
    await runFromCommandPalette(page, 'File: New Untitled Text File');
    await runFromCommandPalette(page, 'View: Open Previous Editor');
    const shownAgain = await formFrame(page, TITLE);
    assert.equal(await field(shownAgain, 'Instance Name').inputValue(), 'keyboard-ipv6');
    // … and a window reload (the serializer revives the panel with the state its page saved).
    await page.reload();
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The workbench saves which editor is in front on its own schedule, so the reload may restore the untitled
    // file in front; the form's tab is the group's first: bring it forward (that is when VS Code revives a panel).
    await page.locator('.tabs-container .tab', { hasText: TITLE }).waitFor({ timeout: 60_000 });
    await runFromCommandPalette(page, 'View: Open First Editor in Group');
    const revived = await formFrame(page, TITLE, 60_000);
    assert.equal(await field(revived, 'Instance Name').inputValue(), 'keyboard-ipv6');
    assert.equal(await field(revived, 'Term').evaluate((e) => (e as unknown as { value: string }).value), 'subscription:Month:2');
  });
});
