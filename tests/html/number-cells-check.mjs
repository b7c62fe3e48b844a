// Every table cell holding a number or a date shows it on one line, on a phone
// (320 and 390 px) and a desktop (1200 px), in Debian's Chromium: "116" never breaks as
// "11 / 6", nor "14 March 2024" as "14 March / 2024"; and the page is never
// wider than the screen.
// usage: node number-cells-check.mjs FILE.html [SCREENSHOT.png]
import { chromium } from 'playwright-core';
import path from 'node:path';

const [file, shot] = process.argv.slice(2);
if (!file) {
  console.error('usage: node number-cells-check.mjs FILE.html [SCREENSHOT.png]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
let failed = 0, checked = 0, dates = 0;
try {
  for (const width of [320, 390, 1200]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto('file://' + path.resolve(file));
    const found = await page.evaluate(() => {
      const out = { cells: 0, dates: 0, split: [] };
      for (const td of document.querySelectorAll('td')) {
        const text = td.textContent.trim();
        // Cells of text alone (a chart's bar cell draws its bar beside the count).
        if (td.children.length > 0 || !/^([0-9][0-9,]*|[0-9]{1,2} [A-Za-z]+ [0-9]{4})$/.test(text)) continue;
        out.cells++;
        if (/ /.test(text)) out.dates++;
        const range = document.createRange();
        range.selectNodeContents(td);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) out.split.push(text);
      }
      out.pageWidth = document.documentElement.scrollWidth;
      return out;
    });
    if (found.pageWidth > width) {  // a wide table scrolls in its own box, never the page
      console.log(`at ${width} px the page is ${found.pageWidth} px wide`);
      failed++;
    }
    checked += found.cells;
    dates += found.dates;
    for (const s of found.split) {
      console.log(`at ${width} px the cell ${s} is split across lines`);
      failed++;
    }
    if (shot && width === 390) await page.screenshot({ path: shot, fullPage: true });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`${checked} number and date cells (${dates} dates), ${failed} split`);
process.exit(failed === 0 && checked > 0 && dates > 0 ? 0 : 1);
