// UI journeys: what a newcomer does first in the sandbox. Expand the walk-through's accelerator (web-ipv6), open
// its DNS records, right-click www.example.com and "Probe over IPv6": the probe terminal must end with PASS.
// Then "Run curl -6 -g in a Terminal…" on the same record: the real curl must show the sandbox origin's page.
// The terminal's text is read from xterm's DOM rows (the workbench runs the DOM renderer: gpuAcceleration off).
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { journey } from './journey';
import { expandRow, screenshotTerminal, terminalText, treeRow, untilTerminalShows } from './terminal';
import { expectViewSection, openViewContainer } from './workbench';

const RECORD = 'www.example.com';
/** What the sandbox's IPv4 origin page says (src/emulator/origin.ts). */
const ORIGIN_ANSWER = /answered by the IPv4 origin/i;

async function openRecordMenu(page: Page): Promise<void> {
  await openViewContainer(page, 'Global Accelerator');
  await expectViewSection(page, 'Accelerators');
  await expandRow(page, 'web-ipv6');
  await expandRow(page, /^DNS records/);
  const record = treeRow(page, RECORD);
  await record.waitFor({ timeout: 30_000 }).catch(() => { throw new Error(`the DNS records of web-ipv6 show no ${RECORD}`); });
  await record.click({ button: 'right' });
}

// One journey for both (each journey costs a browser and a workbench load): the probe, then curl.
test('"Probe over IPv6" on www.example.com passes in the sandbox, and "Run curl -6" on it shows the IPv4 origin\'s answer', { timeout: 240_000 }, async () => {
  await journey('probe and curl www.example.com', async (page) => {
    await openRecordMenu(page);
    await page.getByRole('menuitem', { name: 'Probe over IPv6' }).click();
    const text = await untilTerminalShows(page, /Press any key to close/, 60_000);
    await screenshotTerminal(page, 'probe-www-example-com');
    if (!/^\s*PASS\b/m.test(text)) throw new Error(`the probe of ${RECORD} did not end with PASS; the terminal shows:\n${text}`);
    if ((text.match(/^\s*(PASS|FAIL|WARN)\b/gm) ?? []).length !== 1) throw new Error(`the verdict is not printed exactly once:\n${text}`);

    // A narrower window: the terminal is laid out again for its new width, one block per address, no word split.
    await page.setViewportSize({ width: 760, height: 900 });
    const narrow = await untilTerminalShows(page, /^ {2}\[fd6a:[0-9a-f:]+\]:80 {2}PASS$/m, 20_000).catch(async (e: Error) => {
      throw new Error(`${e.message}: after the resize the terminal shows\n${await terminalText(page)}`);
    });
    await screenshotTerminal(page, 'probe-www-example-com-narrow');
    if ((narrow.match(/^\s*(PASS|FAIL|WARN)\b/gm) ?? []).length !== 1) throw new Error(`the verdict is not printed exactly once at the narrow width:\n${narrow}`);
    if (/^TARGET/m.test(narrow)) throw new Error(`the wide table is still shown at the narrow width:\n${narrow}`);
    if (!/^PASS www\.example\.com resolves to/m.test(narrow)) throw new Error(`the verdict line is missing or broken inside a word:\n${narrow}`);

    await page.setViewportSize({ width: 1400, height: 900 });
    const record = treeRow(page, RECORD);
    await record.click({ button: 'right' });
    await page.getByRole('menuitem', { name: /^Run curl -6 -g in a Terminal/ }).click();
    // A pick would appear if the record's accelerator had several ports; web-ipv6 has one (TCP:80).
    const curl = await untilTerminalShows(page, /curl exited with/, 60_000).catch(async (e: Error) => {
      throw new Error(`${e.message}\nterminal:\n${await terminalText(page)}`);
    });
    await screenshotTerminal(page, 'curl-www-example-com');
    const commandLines = curl.split('\n').filter((l) => /curl(\.exe)? -6 -g/.test(l));
    if (commandLines.length !== 1) throw new Error(`the curl command line is printed ${commandLines.length} times:\n${curl}`);
    if (!commandLines[0].includes(`--resolve '${RECORD}:80:[fd6a:`) && !commandLines[0].includes(`--resolve ${RECORD}:80:[fd6a:`)) {
      throw new Error(`curl was not told where the sandbox's DNS resolves ${RECORD}: ${commandLines[0]}`);
    }
    if (!ORIGIN_ANSWER.test(curl) || !/^curl exited with 0/m.test(curl)) throw new Error(`curl did not get the origin's page:\n${curl}`);
  });
});
