// Retakes the README's picture (media/screenshot-explorer.png): the sandbox's walk-through accelerator (web-ipv6)
// expanded down to its endpoint and DNS records, and "Probe over IPv6" on www.example.com passing in its
// terminal. Run with `npm run screenshots`; not part of npm test.
import { test } from 'node:test';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../extension/manifest';
import { journey } from './journey';
import { expandRow, treeRow, untilTerminalShows } from './terminal';
import { expectViewSection, openViewContainer } from './workbench';

test('README screenshot of the explorer and a passing probe', { timeout: 180_000 }, async () => {
  await journey('readme screenshot', async (page) => {
    await page.setViewportSize({ width: 1600, height: 1000 });
    await openViewContainer(page, 'Global Accelerator');
    await expectViewSection(page, 'Accelerators');
    // A wider side bar so descriptions are readable.
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    if (sidebar) {
      const edge = sidebar.x + sidebar.width;
      await page.mouse.move(edge, sidebar.y + 300);
      await page.mouse.down();
      await page.mouse.move(edge + 200, sidebar.y + 300, { steps: 8 });
      await page.mouse.up();
    }
    await expandRow(page, 'web-ipv6');
    await treeRow(page, 'China (Beijing)').waitFor();
    await expandRow(page, /^TCP:80/);
    const group = page.locator('.part.sidebar .monaco-list-row', { hasText: 'web-backend' }).first();
    await group.waitFor();
    if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
    await treeRow(page, '127.0.0.1').waitFor({ timeout: 20_000 });
    await expandRow(page, /^DNS records/);
    const record = treeRow(page, 'www.example.com');
    await record.waitFor({ timeout: 20_000 });
    await record.click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Probe over IPv6' }).click();
    await untilTerminalShows(page, /^PASS /m, 60_000);
    await page.mouse.move(1200, 300);
    // Hovers and the tree's transient spinners fade out; the terminal's content is final already.
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(PROJECT_ROOT, 'media', 'screenshot-explorer.png'), clip: { x: 0, y: 0, width: 1600, height: 1000 } });
  });
});
