// What a browser test of the studio needs: the studio started as a person
// starts it, Debian's Chromium at 1366x768, polling the page (the studio's
// policy forbids the eval waitForFunction needs), and a screenshot of each
// screen checked by axe-core.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);

// `easyread studio FOLDER --port 0`; resolves with { child, url }.
export function startStudio(easyread, folder) {
  return new Promise((resolve, reject) => {
    const child = spawn(easyread, ['studio', folder, '--port', '0', '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('exit', (code) => reject(new Error(`the studio ended (${code}) before it served: ${out}`)));
  });
}

// A browser and one page; `problems` collects script errors, console errors and dialogs.
export async function openBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' && !/4\d\d|Failed to load resource/.test(m.text())) problems.push(`console: ${m.text()}`); });
  page.on('dialog', (d) => { problems.push(`a dialog opened: ${d.message()}`); d.dismiss(); });
  return { browser, page, problems };
}

// Under the sanitizers the studio runs several times slower, so a build
// there sets EASYREAD_TIME_SCALE and every wait here is stretched by it.
export const timeScale = Math.max(1, Number(process.env.EASYREAD_TIME_SCALE) || 1);

// Polls fn(arg) in the page until it is true (a page still loading counts as not yet).
export async function until(page, fn, arg, timeout = 15000) {
  const end = Date.now() + timeout * timeScale;
  let last = '';
  for (;;) {
    try {
      if (await page.evaluate(fn, arg)) return;
    } catch (e) {
      last = ` (last: ${e.message.split('\n')[0]})`;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${fn.toString().slice(0, 200)}${last}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// screen(name): a numbered screenshot in `folder`, and axe-core's WCAG 2.2 AA
// and best-practice rules run on it; `violations` collects what they find.
export function screens(page, folder) {
  const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const violations = [];
  let shot = 0;
  async function screen(name) {
    await page.waitForTimeout(100);
    const file = path.join(folder, `${String(++shot).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file });
    // Through the debugger, not a script tag: the studio's policy rightly blocks inline scripts.
    if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(axeSource);
    const result = await page.evaluate(() => axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    }));
    for (const v of result.violations)
      violations.push(`${name}: ${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
    console.log(`  screen ${path.basename(file)}: axe ${result.violations.length} violations`);
  }
  return { screen, violations, count: () => shot };
}
