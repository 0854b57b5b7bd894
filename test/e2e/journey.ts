// A UI journey: a fresh browser page on the workbench, the person's steps, and, when a step fails, a screenshot
// and the page's text in .test-artifacts/e2e/ named in the failure message, so CI output says where to look.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../extension/manifest';
import { launchBrowser } from './browser';
import { openWorkbench, workbenchErrors } from './workbench';

export const E2E_ARTIFACTS_DIR = join(PROJECT_ROOT, '.test-artifacts', 'e2e');

/** Playwright's per-action wait: generous for a 2-core CI machine, far below node:test's journey timeout. */
const ACTION_TIMEOUT_MS = 20_000;

export async function journey(name: string, steps: (page: Page) => Promise<void>): Promise<void> {
  const chromium = await launchBrowser();
  try {
    const page = await chromium.browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    try {
      await openWorkbench(page);
      await steps(page);
      const errors = await workbenchErrors(page);
      if (errors.length) throw new Error(`the journey ended with errors on screen: ${errors.join(' | ')}`);
      if (process.env.GA_E2E_SCREENSHOTS) await saveArtifacts(page, name);
    } catch (error) {
      const saved = await saveArtifacts(page, name);
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${name}: ${message}\n  screenshot: ${saved.png}\n  page text:  ${saved.txt}`, { cause: error });
    }
  } finally {
    await chromium.close();
  }
}

async function saveArtifacts(page: Page, name: string): Promise<{ png: string; txt: string }> {
  mkdirSync(E2E_ARTIFACTS_DIR, { recursive: true });
  const base = join(E2E_ARTIFACTS_DIR, `${slug(name)}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  const png = `${base}.png`;
  const txt = `${base}.txt`;
  await page.screenshot({ path: png }).catch((e: Error) => writeFileSync(png.replace(/\.png$/, '.screenshot-failed.txt'), e.message));
  const text = await page.locator('body').innerText({ timeout: 5000 }).catch((e: Error) => `(page text unavailable: ${e.message})`);
  writeFileSync(txt, `${page.url()}\n\n${text}\n`);
  return { png, txt };
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
