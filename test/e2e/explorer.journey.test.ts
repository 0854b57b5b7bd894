// UI journey: a person opens the Global Accelerator view, expands the accelerator the seed walk-through
// configured (web-ipv6 in the sandbox's demo account), sees its IPv6 address under its acceleration area and
// copies it from the row's context menu. The page's clipboard must then hold exactly that address. Then they
// filter the accelerators ("shop"), see the filter above the tree, clear it, and find web-ipv6 still expanded.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { journey } from './journey';
import { expectViewSection, openViewContainer, runFromCommandPalette } from './workbench';

const CONTAINER_TITLE = 'Global Accelerator';
const VIEW_NAME = 'Accelerators';
const SEED_ACCELERATOR = 'web-ipv6';
const IPV6_ADDRESS = /^[0-9a-f]{1,4}(:[0-9a-f]{0,4}){2,7}$/i;

/** The page's clipboard (this project compiles without the DOM library, so its type is spelled out). */
type PageGlobals = { navigator: { clipboard: { readText(): Promise<string>; writeText(text: string): Promise<void> } } };

/** A row of the side bar's tree whose label is exactly `label` (or matches it). */
function row(page: Page, label: string | RegExp): Locator {
  return page.locator('.part.sidebar .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: label }) });
}

test('expands the seed accelerator, sees its IPv6 address and copies it; a filter hides the others and, cleared, keeps what was expanded', { timeout: 180_000 }, async () => {
  await journey('explorer copy IPv6 address', async (page) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    await openViewContainer(page, CONTAINER_TITLE);
    await expectViewSection(page, VIEW_NAME);

    const accelerator = row(page, SEED_ACCELERATOR).first();
    await accelerator.waitFor({ timeout: 30_000 }).catch(async () => {
      const shown = await page.locator('.part.sidebar .monaco-list-row').allInnerTexts();
      throw new Error(`the explorer shows no accelerator "${SEED_ACCELERATOR}" (is the sandbox profile active?); rows: ${shown.map((t) => JSON.stringify(t)).join(', ') || 'none'}`);
    });
    await accelerator.click();
    // Acceleration areas and their addresses open by themselves once the accelerator is expanded.
    const area = row(page, 'China (Beijing)').first();
    await area.waitFor({ timeout: 20_000 }).catch(() => { throw new Error(`expanding "${SEED_ACCELERATOR}" showed no acceleration area "China (Beijing)"`); });
    const address = row(page, IPV6_ADDRESS).first();
    await address.waitFor({ timeout: 20_000 }).catch(() => { throw new Error('the acceleration area shows no IPv6 address row'); });
    const shownAddress = (await address.locator('.label-name').innerText()).trim();
    assert.match(shownAddress, IPV6_ADDRESS);

    await page.evaluate(() => (globalThis as unknown as PageGlobals).navigator.clipboard.writeText(''));
    await address.click({ button: 'right' });
    const copy = page.getByRole('menuitem', { name: 'Copy IPv6 Address' });
    await copy.waitFor({ timeout: 10_000 }).catch(() => { throw new Error('the address row\'s context menu has no "Copy IPv6 Address"'); });
    await copy.click();
    // The command writes the clipboard asynchronously: wait for it rather than for a guessed time.
    await page.waitForFunction(async (expected) => (await (globalThis as unknown as PageGlobals).navigator.clipboard.readText()) === expected, shownAddress, { timeout: 10_000 })
      .catch(async () => { throw new Error(`after "Copy IPv6 Address" the clipboard holds "${await page.evaluate(() => (globalThis as unknown as PageGlobals).navigator.clipboard.readText())}", not ${shownAddress}`); });

    // The filter: it shows above the tree (and as the view's description) and hides the other accelerators;
    // clearing it brings them back as they were expanded.
    const seed = accelerator;
    await page.keyboard.press('Escape');

    await runFromCommandPalette(page, 'Global Accelerator: Filter Accelerators by Name or State…');
    await page.locator('.quick-input-widget input').fill('shop');
    await page.keyboard.press('Enter');
    const title = page.locator('.part.sidebar').getByText('filter: shop').filter({ visible: true });
    await title.first().waitFor({ timeout: 10_000 }).catch(async () => {
      throw new Error(`the side bar does not show "filter: shop"; its title reads "${await page.locator('.part.sidebar .composite.title').innerText()}"`);
    });
    await row(page, 'shop-ipv6').first().waitFor({ timeout: 10_000 });
    await seed.waitFor({ state: 'detached', timeout: 10_000 }).catch(() => { throw new Error(`${SEED_ACCELERATOR} is still shown under the filter "shop"`); });

    await runFromCommandPalette(page, 'Global Accelerator: Clear Accelerator Filter');
    await seed.waitFor({ timeout: 10_000 });
    await title.first().waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(await seed.getAttribute('aria-expanded'), 'true', `${SEED_ACCELERATOR} comes back expanded, as it was`);
    await row(page, 'China (Beijing)').first().waitFor({ timeout: 10_000 });
  });
});
