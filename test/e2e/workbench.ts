// What a person does in the VS Code workbench, in DOM terms (VS Code 1.100 class names and aria labels). Every
// helper fails with a message that says what was expected on screen, not just which selector timed out.
import type { Page } from 'playwright-core';

export const WORKBENCH_URL_ENV = 'GA_E2E_WORKBENCH_URL';

/** A workbench that takes longer than this to appear is broken, not slow. */
const WORKBENCH_TIMEOUT_MS = 60_000;

export function workbenchUrl(): string {
  const url = process.env[WORKBENCH_URL_ENV];
  if (!url) throw new Error(`${WORKBENCH_URL_ENV} is not set: run the UI journeys with npm run test:e2e (scripts/run-e2e.mjs), which starts code-server`);
  return url;
}

export async function openWorkbench(page: Page): Promise<void> {
  // The page loads the whole workbench; on a busy 2-core machine that can take longer than one action.
  await page.goto(workbenchUrl(), { timeout: WORKBENCH_TIMEOUT_MS });
  await page.locator('.monaco-workbench').waitFor({ timeout: WORKBENCH_TIMEOUT_MS })
    .catch(() => { throw new Error(`the VS Code workbench (.monaco-workbench) did not appear within ${WORKBENCH_TIMEOUT_MS / 1000}s at ${page.url()}`); });
  // The activity bar is filled once the extension host has registered contributions.
  await page.locator('.activitybar .action-label').first().waitFor({ timeout: WORKBENCH_TIMEOUT_MS });
}

/**
 * F1, type the label, pick the row with exactly that label. The palette lists an extension's commands only once
 * the extension host has read its manifest, which can be after the workbench appears: until the deadline, a
 * palette without the command is closed and opened again.
 */
export async function runFromCommandPalette(page: Page, label: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const widget = page.locator('.quick-input-widget');
  // A row's aria-label is the command's label, followed by ", similar commands" or a keybinding when it has one.
  const rows = page.locator('.quick-input-list .monaco-list-row');
  const row = page.locator(`.quick-input-list .monaco-list-row:is([aria-label=${css(label)}], [aria-label^=${css(`${label},`)}])`).first();
  for (let f1 = 0; ; ) {
    await page.keyboard.press('F1');
    // A webview with the focus forwards its keys to the workbench; when that one is lost, take the focus out of
    // the webview's frame and press F1 again.
    const opened = await widget.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
    if (!opened) {
      if (++f1 >= 3 || Date.now() > deadline) throw new Error('F1 did not open the command palette');
      await page.evaluate(`document.activeElement && document.activeElement.blur && document.activeElement.blur()`);
      continue;
    }
    await page.keyboard.type(label);
    try {
      await row.waitFor({ state: 'visible', timeout: 3000 });
      break;
    } catch {
      if (Date.now() > deadline) {
        const offered = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')).filter(Boolean).slice(0, 8));
        throw new Error(`the command palette has no command "${label}"; for that text it offers: ${offered.length ? offered.map((o) => `"${o}"`).join(', ') : 'nothing'}`);
      }
      await page.keyboard.press('Escape');
      await widget.waitFor({ state: 'hidden' });
    }
  }
  await row.click();
  // The palette closes, or a command that asks for input (a filter, a name) reuses its widget at once.
  await page.waitForFunction(PALETTE_GONE, undefined, { timeout: 30_000 }).catch(() => { throw new Error(`the command palette stayed open after choosing "${label}"`); });
}

/** The quick-input widget is hidden, or no longer the command palette (whose input starts with ">"). */
const PALETTE_GONE = `(() => {
  const w = document.querySelector('.quick-input-widget');
  if (!w || getComputedStyle(w).display === 'none' || w.getBoundingClientRect().height === 0) return true;
  const input = w.querySelector('input');
  return !input || !input.value.startsWith('>');
})()`;

/** Clicks the activity-bar item titled `title` and waits for the side bar to show that container. */
export async function openViewContainer(page: Page, title: string): Promise<void> {
  // With a keybinding the label reads "Title (Ctrl+Shift+X)".
  const item = page.locator(`.activitybar .action-label:is([aria-label=${css(title)}], [aria-label^=${css(`${title} (`)}])`).first();
  try {
    await item.waitFor({ state: 'visible', timeout: 20_000 });
  } catch {
    const present = await page.locator('.activitybar .action-label').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    throw new Error(`the activity bar has no "${title}" item (VS Code hides a container without visible views); it shows: ${present.map((p) => `"${p}"`).join(', ')}`);
  }
  const heading = page.locator('.part.sidebar .composite.title h2');
  // Clicking the item of the container already shown would hide the side bar (the workbench keeps the last
  // journey's layout): click only when it is not showing.
  const showing = (await page.locator('.part.sidebar').isVisible()) && ((await heading.first().textContent({ timeout: 1000 }).catch(() => '')) ?? '').startsWith(title);
  if (!showing) await item.click();
  await heading.filter({ hasText: new RegExp(`^${escapeRegExp(title)}`) }).waitFor({ timeout: 10_000 }).catch(async () => {
    throw new Error(`clicking "${title}" in the activity bar did not show it in the side bar (its title is "${await heading.textContent({ timeout: 1000 }).catch(() => '')}")`);
  });
}

/** Waits for the side bar to show a section (view) named `name`. */
export async function expectViewSection(page: Page, name: string): Promise<void> {
  await page.locator(`.part.sidebar .pane-header[aria-label=${css(`${name} Section`)}]`).waitFor({ state: 'attached', timeout: 10_000 })
    .catch(async () => {
      const shown = await page.locator('.part.sidebar .pane-header').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
      throw new Error(`the side bar shows no "${name}" view; its sections: ${shown.map((s) => `"${s}"`).join(', ') || 'none'}`);
    });
}

/** Error dialogs ("Command … resulted in an error") and error notifications currently on screen. */
export async function workbenchErrors(page: Page): Promise<string[]> {
  const dialogs = await page.locator('.monaco-dialog-box')
    .filter({ has: page.locator('.codicon-error, .codicon-dialog-error') })
    .locator('.dialog-message-container')
    .allInnerTexts();
  const toasts = await page.locator('.notifications-toasts .notification-list-item')
    .filter({ has: page.locator('.codicon-error') })
    .locator('.notification-list-item-message')
    .allInnerTexts();
  return [...dialogs.map((t) => `dialog: ${oneLine(t)}`), ...toasts.map((t) => `notification: ${oneLine(t)}`)];
}

/**
 * Watches the screen for `ms` and fails on the first error dialog or notification. A command runs
 * asynchronously and nothing on screen says it has finished, so its failure can only be seen by watching;
 * this can miss a very late error, but never fails a command that worked.
 */
export async function expectNoErrorsWithin(page: Page, ms: number, after: string): Promise<void> {
  const deadline = Date.now() + ms;
  do {
    const errors = await workbenchErrors(page);
    if (errors.length) throw new Error(`after ${after} the workbench shows: ${errors.join(' | ')}`);
    await page.waitForTimeout(200);
  } while (Date.now() < deadline);
}

/** A CSS string literal (JSON's escaping is valid CSS for the labels used here). */
function css(text: string): string {
  return JSON.stringify(text);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
