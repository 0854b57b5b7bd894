// Renders the marketplace icon media/icon.png (128×128 PNG, package.json "icon") from the activity-bar glyph
// media/ga.svg: the same globe and arrow, white on a rounded square. Run it again after changing ga.svg:
//   node scripts/render-icon.mjs
// Uses Debian's Chromium through playwright-core (both there for the UI journeys; GA_CHROMIUM_PATH overrides).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { projectRoot } from './lib/project.mjs';

const SIZE = 128;
const BACKGROUND = ['#ff8a00', '#e65100']; // Alibaba Cloud's orange, top to bottom
const out = join(projectRoot, 'media', 'icon.png');

// The glyph draws with currentColor on a 24×24 grid; its strokes are thin for 128 px, so thicken them.
const glyph = readFileSync(join(projectRoot, 'media', 'ga.svg'), 'utf8')
  .replace(/<!--[\s\S]*?-->/g, '')
  .replace('stroke-width="1.5"', 'stroke-width="1.7"');
const html = `<!doctype html><html><body style="margin:0;background:transparent">
<div style="width:${SIZE}px;height:${SIZE}px;border-radius:24px;color:#fff;display:flex;align-items:center;justify-content:center;
  background:linear-gradient(${BACKGROUND.join(',')})">
  <div style="width:92px;height:92px">${glyph.replace(/width="24" height="24"/, 'width="92" height="92"')}</div>
</div></body></html>`;

const browser = await chromium.launch({
  executablePath: process.env.GA_CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(html);
  writeFileSync(out, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: SIZE, height: SIZE } }));
  console.log(`wrote ${out} (${SIZE}×${SIZE})`);
} finally {
  await browser.close();
}
