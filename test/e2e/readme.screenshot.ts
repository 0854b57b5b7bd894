// Retakes the README's picture (media/screenshot-explorer.png): the sandbox's seed accelerator expanded down to
// its endpoint and DNS records. Run with `npm run screenshots`; not part of npm test.
import { test } from 'node:test';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../extension/manifest';
import { journey } from './journey';
import { expectViewSection, openViewContainer } from './workbench';

function row(page: Page, label: string | RegExp) {
  return page.locator('.part.sidebar .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: label }) }).first();
}

async function expand(page: Page, label: string | RegExp): Promise<void> {
  const r = row(page, label);
  await r.waitFor();
  if ((await r.getAttribute('aria-expanded')) !== 'true') await r.click();
}

test('README screenshot of the explorer', { timeout: 180_000 }, async () => {
  await journey('readme screenshot', async (page) => {
    await openViewContainer(page, 'Global Accelerator');
    await expectViewSection(page, 'Accelerators');
    // A wider side bar so descriptions are readable.
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    if (sidebar) {
      const edge = sidebar.x + sidebar.width;
      await page.mouse.move(edge, sidebar.y + 300);
      await page.mouse.down();
      await page.mouse.move(edge + 260, sidebar.y + 300, { steps: 8 });
      await page.mouse.up();
    }
    await expand(page, 'web-ipv6');
    await row(page, 'China (Beijing)').waitFor();
    await expand(page, /^TCP:80/);
    const group = page.locator('.part.sidebar .monaco-list-row', { hasText: 'web-backend' }).first();
    await group.waitFor();
    if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
    await row(page, '203.0.113.10').waitFor({ timeout: 20_000 }).catch(() => undefined);
    await expand(page, /^DNS records/);
    await row(page, /www/).waitFor({ timeout: 20_000 }).catch(() => undefined);
    await page.mouse.move(900, 600);
    await page.waitForTimeout(1500); // let spinners and hovers settle for the picture
    await page.screenshot({ path: join(PROJECT_ROOT, 'media', 'screenshot-explorer.png'), clip: { x: 0, y: 0, width: 1000, height: 560 } });
  });
});
