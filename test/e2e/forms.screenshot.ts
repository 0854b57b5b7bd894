// Retakes the pictures of the guided-creation form in media/ (run with `npm run screenshots`; not part of npm
// test): the form after "Generate Service List" (light theme), an error next to its field (high contrast), the
// created gateway with its probe verdict (dark theme), and a per-resource form opened from the tree.
import { test } from 'node:test';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../extension/manifest';
import { answerDialog, choose, fill, formFrame, press } from './forms';
import { journey } from './journey';
import { expectViewSection, openViewContainer, runFromCommandPalette } from './workbench';

const TITLE = 'Create IPv6 Gateway';

/** Sets the colour theme in the user's settings file (the workbench applies it live) and waits until it shows. */
async function theme(page: Page, id: string, kind: 'vs' | 'vs-dark' | 'hc-black'): Promise<void> {
  const file = process.env.GA_E2E_USER_SETTINGS;
  if (!file) throw new Error('GA_E2E_USER_SETTINGS is not set: run the screenshots with npm run screenshots');
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), 'workbench.colorTheme': id }, null, 2));
  await page.locator(`.monaco-workbench.${kind}`).waitFor({ timeout: 20_000 });
}

/** The editor area only: the panel is what the picture is about. */
async function shoot(page: Page, frame: Frame, file: string, scrollTo?: string): Promise<void> {
  if (scrollTo) await frame.locator(scrollTo).first().evaluate((e) => (e as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'start' }));
  await frame.waitForTimeout(600); // let the smooth scroll and the toolkit's transitions finish for the picture
  const box = await page.locator('.part.editor').boundingBox();
  await page.screenshot({ path: join(PROJECT_ROOT, 'media', file), clip: box ?? undefined });
}

test('pictures of the Create IPv6 Gateway form', { timeout: 300_000 }, async () => {
  const server = createServer((_req, res) => res.end('IPv4 web service'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  try {
    await journey('forms screenshots', async (page) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await theme(page, 'Default Light Modern', 'vs');
      await runFromCommandPalette(page, 'View: Close All Editors');
      await runFromCommandPalette(page, 'Global Accelerator: Create IPv6 Gateway…');
      const frame = await formFrame(page, TITLE);
      await fill(frame, 'Peak Bandwidth Range', '30');
      await choose(frame, 'Maximum Concurrent Connections', '10 Thousand');
      await press(frame, 'Generate Service List');
      await fill(frame, 'Instance Name', 'store-ipv6');
      await shoot(page, frame, 'screenshot-create-gateway.png');

      await theme(page, 'Default High Contrast', 'hc-black');
      await fill(frame, 'Port Number', '65500');
      await fill(frame, 'Weight', '300');
      await shoot(page, frame, 'screenshot-create-gateway-errors-hc.png', '#section-listener');

      await theme(page, 'Default Dark Modern', 'vs-dark');
      await fill(frame, 'Port Number', String(port));
      await fill(frame, 'Weight', '100');
      await fill(frame, 'Backend Service', '127.0.0.1');
      await fill(frame, 'Host', 'store');
      await press(frame, 'Create');
      await answerDialog(page, 'Buy and Create');
      await frame.getByRole('heading', { name: 'IPv6 gateway "store-ipv6" is ready' }).waitFor({ timeout: 90_000 });
      await press(frame, 'Probe over IPv6');
      await frame.locator('.probe-verdict:not(.probe-running)').waitFor({ timeout: 60_000 });
      await runFromCommandPalette(page, 'View: Close Panel');
      await shoot(page, frame, 'screenshot-create-gateway-done.png', '#run');

      await theme(page, 'Default Light Modern', 'vs');
      await openViewContainer(page, 'Global Accelerator');
      await expectViewSection(page, 'Accelerators');
      const row = page.locator('.part.sidebar .monaco-list-row', { hasText: 'web-ipv6' }).first();
      await row.click({ button: 'right' });
      await page.getByRole('menuitem', { name: 'Add Listener…' }).click();
      const listener = await formFrame(page, 'Add Listener to "web-ipv6"');
      await shoot(page, listener, 'screenshot-add-listener.png');
    });
  } finally {
    server.close();
  }
});
