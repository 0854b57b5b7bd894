// UI journey: a person opens blog.ga.yaml in the sandbox workspace, clicks "Plan" above its accelerator and reads
// the preview, clicks "Apply", confirms the modal, and finds the new accelerator in the Global Accelerator tree.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { journey } from './journey';
import { expectViewSection, openViewContainer } from './workbench';

const FILE = 'blog.ga.yaml';
const ACCELERATOR = 'blog-ipv6';

async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget').waitFor({ state: 'visible' });
  await page.keyboard.type(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 20_000 })
    .catch(() => { throw new Error(`quick open finds no ${name} in the sandbox workspace`); });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab', { hasText: name }).waitFor({ timeout: 20_000 });
}

/** A code lens of the active editor by its title. */
function lens(page: Page, title: string) {
  return page.locator('.editor-group-container.active .codelens-decoration a', { hasText: new RegExp(`^${title}$`) }).first();
}

test('opens a ga.yaml, plans it, applies it, and sees the new accelerator in the tree', { timeout: 240_000 }, async () => {
  await journey('ga.yaml plan and apply', async (page) => {
    // Opening the view activates the extension, and with it the sandbox profile.
    await openViewContainer(page, 'Global Accelerator');
    await expectViewSection(page, 'Accelerators');
    await openFile(page, FILE);

    await lens(page, 'Plan').waitFor({ timeout: 30_000 }).catch(() => { throw new Error(`no "Plan" code lens above ${ACCELERATOR} in ${FILE}`); });
    await lens(page, 'Plan').click();
    const preview = page.locator('.tabs-container .tab', { hasText: `Plan of ${ACCELERATOR}` });
    await preview.waitFor({ timeout: 30_000 }).catch(() => { throw new Error('Plan opened no preview'); });
    const lines = page.locator('.editor-group-container.active .view-lines');
    // The editor renders only the lines in view: the top of the plan is enough here (the modal lists the purchase).
    await lines.filter({ hasText: `GA instance ${ACCELERATOR} will be created` }).waitFor({ timeout: 10_000 });

    // Back to the file: its Apply lens.
    await page.locator('.tabs-container .tab', { hasText: FILE }).first().click();
    await lens(page, 'Apply').click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 }).catch(() => { throw new Error('Apply asked nothing: no modal dialog'); });
    assert.match(await dialog.innerText(), new RegExp(`GA instance ${ACCELERATOR} \\(Small I\\)`));
    await dialog.getByRole('button', { name: 'Buy and Apply' }).click();

    const done = page.locator('.notifications-toasts .notification-list-item-message', { hasText: `Applied ${ACCELERATOR}` });
    await done.waitFor({ timeout: 120_000 }).catch(async () => {
      const toasts = await page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts();
      throw new Error(`no "Applied ${ACCELERATOR}" notification; on screen: ${toasts.join(' | ') || 'nothing'}`);
    });

    await openViewContainer(page, 'Global Accelerator');
    const row = page.locator('.part.sidebar .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: ACCELERATOR }) });
    await row.first().waitFor({ timeout: 30_000 }).catch(async () => {
      const shown = await page.locator('.part.sidebar .monaco-list-row').allInnerTexts();
      throw new Error(`the tree shows no ${ACCELERATOR} after apply; rows: ${shown.map((t) => JSON.stringify(t)).join(', ')}`);
    });
  });
});
