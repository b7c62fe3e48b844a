// Measures the HTML as a reader sees it, in Debian's Chromium, and fails when:
//   at 390 px (a phone), a picture sits closer to the text of the chunk
//   before it than to its own text, or body text is under 20 px;
//   at 320 px, anything is wider than the screen (a long address);
//   at 1200 px, a line of chunk text holds more than 62 characters.
// usage: node phone-check.mjs FILE.html [SCREENSHOT]
import { chromium } from 'playwright-core';
import path from 'node:path';

const file = process.argv[2];
const shot = process.argv[3];
if (!file) {
  console.error('usage: node phone-check.mjs FILE.html [SCREENSHOT]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const problems = [];
try {
  const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
  await page.goto('file://' + path.resolve(file));
  const phone = await page.evaluate(() => {
    const out = { chunks: 0, problems: [], minFont: 1e9, minBetween: 1e9, maxWithin: 0 };
    const chunks = [...document.querySelectorAll('.chunk')];
    let previousText = null;
    for (const c of chunks) {
      const img = c.querySelector('.picture img');
      const text = c.querySelector('.text');
      if (!text) continue;
      for (const p of text.querySelectorAll('p'))
        out.minFont = Math.min(out.minFont, parseFloat(getComputedStyle(p).fontSize));
      if (img && previousText) {
        const pic = img.getBoundingClientRect();
        const own = text.getBoundingClientRect();
        const before = previousText.getBoundingClientRect();
        const within = own.top - pic.bottom;      // picture to its own text
        const between = pic.top - before.bottom;  // text before to the picture
        out.chunks++;
        out.maxWithin = Math.max(out.maxWithin, within);
        out.minBetween = Math.min(out.minBetween, between);
        if (!(between > within))
          out.problems.push(`"${text.innerText.slice(0, 40)}": ${within.toFixed(0)} px to its own text, ` +
                            `${between.toFixed(0)} px to the text before`);
      }
      previousText = text;
    }
    return out;
  });
  if (shot) await page.screenshot({ path: shot, fullPage: false });
  if (phone.chunks === 0) problems.push('no chunk with a picture after another chunk was found');
  problems.push(...phone.problems);
  if (phone.minFont < 20) problems.push(`body text is ${phone.minFont} px at 390 px wide (at least 20)`);

  // The smallest phones (320 px): nothing wider than the screen, however
  // long a web or email address is.
  await page.setViewportSize({ width: 320, height: 700 });
  const narrow = await page.evaluate(() => {
    let widest = '', right = 0;
    for (const e of document.querySelectorAll('.chunk .text p, .chunk .text a, footer p'))
      if (e.getBoundingClientRect().right > right) { right = e.getBoundingClientRect().right; widest = e.innerText; }
    return { scroll: document.documentElement.scrollWidth, right, widest: widest.slice(0, 50) };
  });
  if (narrow.scroll > 320 || narrow.right > 320)
    problems.push(`at 320 px the page is ${narrow.scroll} px wide, text reaching ${narrow.right.toFixed(0)} px ` +
                  `("${narrow.widest}")`);

  await page.setViewportSize({ width: 1200, height: 900 });
  const wide = await page.evaluate(() => {
    let longest = 0, where = '';
    for (const p of document.querySelectorAll('.chunk .text p')) {
      // Characters per line: walk the text, one range per character, and
      // count the characters on each line box.
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const perLine = new Map();
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (let i = 0; i < n.data.length; i++) {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + 1);
          const box = r.getBoundingClientRect();
          if (box.width === 0 && box.height === 0) continue;
          const key = Math.round(box.top);
          perLine.set(key, (perLine.get(key) || 0) + 1);
        }
      }
      for (const count of perLine.values())
        if (count > longest) { longest = count; where = p.innerText.slice(0, 40); }
    }
    return { longest, where };
  });
  if (wide.longest > 62) problems.push(`a line of ${wide.longest} characters at 1200 px ("${wide.where}")`);
  console.log(`${phone.chunks} chunks measured at 390 px: picture to own text at most ` +
              `${phone.maxWithin.toFixed(0)} px, to the text before at least ${phone.minBetween.toFixed(0)} px; ` +
              `body text ${phone.minFont} px; longest line at 1200 px ${wide.longest} characters`);
} finally {
  await browser.close();
}
if (problems.length) {
  for (const p of problems) console.error('phone-check: ' + p);
  process.exit(1);
}
