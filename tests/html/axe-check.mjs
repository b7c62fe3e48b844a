// Runs axe-core over an HTML file in Debian's Chromium and fails on any
// violation. Also saves wide and narrow screenshots next to the file.
// usage: node axe-check.mjs FILE.html [SCREENSHOT_PREFIX]
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const file = process.argv[2];
const shots = process.argv[3];
if (!file) {
  console.error('usage: node axe-check.mjs FILE.html [SCREENSHOT_PREFIX]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto('file://' + path.resolve(file));
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(() => axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  if (shots) {
    await page.screenshot({ path: shots + '-wide.png' });
    await page.setViewportSize({ width: 380, height: 800 });
    await page.screenshot({ path: shots + '-narrow.png' });
  }
  for (const v of result.violations) {
    console.log(`${v.id} (${v.impact}): ${v.help}`);
    for (const n of v.nodes.slice(0, 3)) console.log('  ' + n.target.join(' ') + ': ' + n.failureSummary.split('\n')[1]);
  }
  console.log(`${result.passes.length} passed, ${result.violations.length} failed`);
  process.exitCode = result.violations.length === 0 ? 0 : 1;
} finally {
  await browser.close();
}
