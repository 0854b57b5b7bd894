// The form panels in the workbench, in a person's terms: the panel's page (a webview: two nested iframes), its
// fields found by their accessible names (getByLabel), drop-downs opened and an option picked, buttons pressed.
import type { Frame, Locator, Page } from 'playwright-core';

/** The page of the form panel whose heading is `title`, once its form is drawn. */
export async function formFrame(page: Page, title: string, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      const heading = await frame.locator('body[data-painted=true] h1').first().textContent({ timeout: 50 }).catch(() => null);
      if (heading?.trim() === title && (await shown(frame))) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no form panel titled "${title}" was drawn within ${timeoutMs / 1000} s (webview frames: ${page.frames().length})`);
    await page.waitForTimeout(100);
  }
}

/** A webview's page is on screen when its iframe and the webview's own iframe around it are visible. */
async function shown(frame: Frame): Promise<boolean> {
  for (let f: Frame | null = frame; f && f.parentFrame(); f = f.parentFrame()) {
    const element = await f.frameElement().catch(() => null);
    if (!element || !(await element.isVisible())) return false;
  }
  return true;
}

/**
 * The control whose accessible name is exactly `label`. The toolkit gives a text field's label to both its host
 * element and the input inside it; the control is the one a person types into or picks from.
 */
export function field(frame: Frame, label: string, nth = 0): Locator {
  return frame.getByLabel(label, { exact: true }).and(frame.locator('input, [role=combobox], [role=checkbox]')).nth(nth);
}

export async function fill(frame: Frame, label: string, text: string, nth = 0): Promise<void> {
  const input = field(frame, label, nth);
  await input.waitFor().catch(() => { throw new Error(`the form has no field labelled "${label}"`); });
  await input.fill(text);
}

export async function choose(frame: Frame, label: string, option: string, nth = 0): Promise<void> {
  const select = field(frame, label, nth);
  await select.waitFor().catch(() => { throw new Error(`the form has no drop-down labelled "${label}"`); });
  await select.click();
  const item = select.getByRole('option', { name: option, exact: true });
  await item.click().catch(async () => {
    const offered = await select.getByRole('option').allInnerTexts();
    throw new Error(`"${label}" offers no "${option}"; it offers: ${offered.join(', ')}`);
  });
}

export async function press(frame: Frame, name: string): Promise<void> {
  await frame.getByRole('button', { name, exact: true }).click();
}

/** The messages shown next to the field labelled `label`. */
export async function fieldProblems(frame: Frame, label: string, nth = 0): Promise<string[]> {
  // The page's DOM types are not in this project's libraries: the element is described by what is used.
  type Described = { getAttribute(name: string): string | null; getRootNode(): { host?: Described } };
  const describedBy = await field(frame, label, nth).evaluate((el) => {
    const e = el as unknown as Described;
    return (e.getRootNode().host ?? e).getAttribute('aria-describedby') ?? '';
  });
  const ids = describedBy.split(/\s+/).filter((x: string) => x.endsWith('-problems'));
  return ids.length ? frame.locator(`[id="${ids[0]}"] .problem`).allInnerTexts() : [];
}

/** Presses a button of the workbench's modal dialog. */
export async function answerDialog(page: Page, button: string): Promise<string> {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 30_000 }).catch(() => { throw new Error('no dialog appeared'); });
  const text = await dialog.innerText();
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  return text;
}
