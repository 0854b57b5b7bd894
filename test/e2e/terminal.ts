// The explorer's rows and the terminal panel, in DOM terms (VS Code 1.100). The terminal's text comes from
// xterm's DOM renderer rows, which the test workbench uses (terminal.integrated.gpuAcceleration: off).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../extension/manifest';

/** Where journeys keep pictures of the terminal (also when they pass): the lead's before/after shots. */
export const TERMINAL_SHOTS_DIR = join(PROJECT_ROOT, '.test-artifacts', 'terminal');

/** A row of the side bar's tree whose label is `label` (or matches it). */
export function treeRow(page: Page, label: string | RegExp): Locator {
  return page.locator('.part.sidebar .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: label }) }).first();
}

/** Expands the row (a click toggles, so only when it is collapsed). */
export async function expandRow(page: Page, label: string | RegExp): Promise<void> {
  const row = treeRow(page, label);
  await row.waitFor({ timeout: 30_000 }).catch(async () => {
    const shown = await page.locator('.part.sidebar .monaco-list-row').allInnerTexts();
    throw new Error(`the explorer shows no row ${String(label)}; rows: ${shown.map((t) => JSON.stringify(t.replace(/\s+/g, ' '))).join(', ') || 'none'}`);
  });
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
}

function activeTerminalRows(page: Page): Locator {
  return page.locator('.part.panel .terminal-wrapper.active .xterm-rows');
}

/** The active terminal's visible text, one line per terminal row (trailing blanks trimmed). */
export async function terminalText(page: Page): Promise<string> {
  const rows = activeTerminalRows(page);
  if ((await rows.count()) === 0) return '(no terminal is shown)';
  const text = await rows.first().innerText();
  return text.split('\n').map((l) => l.replace(/\u00a0/g, ' ').trimEnd()).join('\n').trimEnd();
}

/** Waits until the active terminal shows `pattern`; resolves with its text then. */
export async function untilTerminalShows(page: Page, pattern: RegExp, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await terminalText(page);
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`the terminal did not show ${pattern} within ${timeoutMs / 1000} s`);
    await page.waitForTimeout(250);
  }
}

/** A picture of the panel with the terminal, as .test-artifacts/terminal/<name>.png. */
export async function screenshotTerminal(page: Page, name: string): Promise<string> {
  mkdirSync(TERMINAL_SHOTS_DIR, { recursive: true });
  const path = join(TERMINAL_SHOTS_DIR, `${name}.png`);
  await page.locator('.part.panel').screenshot({ path });
  return path;
}
