// Headless Chromium (Debian's, driven by playwright-core) for the workbench. Used by the UI journeys and, via
// out/test/e2e/browser.js, by scripts/run-extension-tests.mjs: one place for the flags.
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.GA_CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  // The workbench is served from loopback; nothing else may be resolved, so nothing else can be reached.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
