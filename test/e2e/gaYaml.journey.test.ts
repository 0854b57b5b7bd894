// UI journey: a person opens the sandbox workspace's ga.yaml, makes a mistake (a weight of 300), sees the error in
// the status bar's Problems count, fixes it with the quick fix the light bulb offers, and sees zero problems again.
// Typing the original value back leaves the file as it was for the other journeys.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { journey } from './journey';

/** The page's document (this project compiles without the DOM library, so its type is spelled out). */
type PageGlobals = { document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null } };

/** The status bar's Problems entry (VS Code's `status.problems`): "No Problems", or "Errors: 1, Warnings: 0". */
async function problemsLabel(page: Page): Promise<string> {
  return (await page.locator('[id="status.problems"]').first().getAttribute('aria-label', { timeout: 10_000 })) ?? '';
}

function counts(label: string): { errors: number; warnings: number } {
  return { errors: Number(/Errors?: (\d+)/.exec(label)?.[1] ?? 0), warnings: Number(/Warnings?: (\d+)/.exec(label)?.[1] ?? 0) };
}

/** Waits until the Problems count is `errors` errors (watching the status bar, no fixed sleep). */
async function expectErrors(page: Page, errors: number, after: string): Promise<void> {
  await page
    .waitForFunction(
      (want) => {
        const page = globalThis as unknown as PageGlobals;
        const label = page.document.querySelector('[id="status.problems"]')?.getAttribute('aria-label') ?? '';
        const found = Number(/Errors?: (\d+)/.exec(label)?.[1] ?? 0);
        return found === want;
      },
      errors,
      { timeout: 20_000 },
    )
    .catch(async () => {
      throw new Error(`after ${after} the Problems count reads "${await problemsLabel(page)}", expected ${errors} error${errors === 1 ? '' : 's'}`);
    });
}


test('opens ga.yaml, sees a mistake counted in Problems, fixes it with the quick fix, sees zero', { timeout: 180_000 }, async () => {
  await journey('ga.yaml mistake and quick fix', async (page) => {
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget').waitFor({ state: 'visible' });
    await page.keyboard.type('ga.yaml');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'ga.yaml' }).first().waitFor({ timeout: 20_000 })
      .catch(() => { throw new Error('Quick Open finds no ga.yaml in the sandbox workspace'); });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab', { hasText: 'ga.yaml' }).first().waitFor({ timeout: 20_000 });
    await editor.waitFor();
    // The language is recognised (status bar) and the file starts clean.
    await page.locator('[id="status.editor.mode"]', { hasText: 'ga.yaml' }).waitFor({ timeout: 20_000 })
      .catch(async () => { throw new Error(`the status bar's language is "${await page.locator('[id="status.editor.mode"]').innerText().catch(() => '?')}", not ga.yaml`); });
    await expectErrors(page, 0, 'opening the sandbox\'s ga.yaml');

    // The mistake: find "weight: 100" and type over it.
    await editor.click();
    await page.keyboard.press('Control+F');
    await page.keyboard.type('weight: 100');
    await page.keyboard.press('Escape');
    await page.keyboard.type('weight: 300');
    await expectErrors(page, 1, 'typing weight: 300');
    assert.deepEqual(counts(await problemsLabel(page)), { errors: 1, warnings: 0 });

    // The quick fix on the error: Ctrl+. with the cursor in it. The count above may have come from a moment of
    // the typing ("weight: " has no value yet); the menu is asked again until it offers the clamp.
    await editor.locator('.squiggly-error').first().waitFor({ timeout: 20_000 });
    await page.keyboard.press('ArrowLeft');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Use 255' }).first();
    const deadline = Date.now() + 30_000;
    for (;;) {
      await page.keyboard.press('Control+.');
      const shown = await fix.waitFor({ timeout: 3000 }).then(() => true, () => false);
      if (shown) break;
      if (Date.now() > deadline) {
        const offered = await page.locator('.action-widget .monaco-list-row').allInnerTexts();
        throw new Error(`Ctrl+. on the weight offers no "Use 255"; it offers: ${offered.join(' | ') || 'nothing'}`);
      }
      await page.keyboard.press('Escape');
    }
    // The preferred fix is focused ("Enter to Apply").
    await page.keyboard.press('Enter');
    await expectErrors(page, 0, 'the quick fix "Use 255"');
    await editor.locator('.view-lines', { hasText: 'weight: 255' }).waitFor({ timeout: 10_000 });

    // Leave the file as it was for the other journeys (the workbench may save as it goes): type the original
    // weight back and save.
    await editor.click();
    await page.keyboard.press('Control+F');
    await page.keyboard.type('weight: 255');
    await page.keyboard.press('Escape');
    await page.keyboard.type('weight: 100');
    await editor.locator('.view-lines', { hasText: 'weight: 100' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Control+S');
    await expectErrors(page, 0, 'typing the original weight back');
    await page.keyboard.press('Control+W');
    await page.locator('.tabs-container .tab', { hasText: 'ga.yaml' }).waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => { throw new Error('ga.yaml did not close (is it still modified?)'); });
  });
});
