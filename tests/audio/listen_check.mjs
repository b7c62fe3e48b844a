// The HTML's Listen buttons in Debian's Chromium: axe-core finds no
// violations; every chunk and heading has a labelled button; nothing plays by
// itself; a click, and Enter on a focused button, play that chunk's speech.
// usage: node listen_check.mjs FILE.html
import { createRequire } from 'node:module';
import path from 'node:path';

// The packages installed for the HTML tests (tests/html/node_modules).
const require = createRequire(new URL('../html/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const file = process.argv[2];
let failed = 0;
const check = (ok, what) => { console.log((ok ? 'ok   ' : 'FAIL ') + what); if (!ok) failed++; };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  // Note every media element that is told to play.
  await page.addInitScript(() => {
    window.__played = [];
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function () { window.__played.push(this); return play.call(this); };
  });
  await page.goto('file://' + path.resolve(file));
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(() => axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  for (const v of result.violations) console.log(`  ${v.id} (${v.impact}): ${v.help} ${v.nodes[0].target.join(' ')}`);
  check(result.violations.length === 0, `axe-core: ${result.violations.length} violations, ${result.passes.length} rules passed`);

  const counts = await page.evaluate(() => ({
    buttons: document.querySelectorAll('button.listen').length,
    chunks: document.querySelectorAll('main .chunk').length,
    chunksWith: document.querySelectorAll('main .chunk button.listen').length,
    headings: document.querySelectorAll('main h2, main h3').length,
    headingsWith: [...document.querySelectorAll('main h2, main h3')]
      .filter(h => h.nextElementSibling && h.nextElementSibling.matches('button.listen')).length,
    autoplay: document.querySelectorAll('audio[autoplay], video[autoplay]').length,
    played: window.__played.length,
  }));
  check(counts.chunks > 0 && counts.chunksWith === counts.chunks, `a Listen button on every chunk (${counts.chunksWith} of ${counts.chunks})`);
  check(counts.headingsWith === counts.headings, `and after every heading (${counts.headingsWith} of ${counts.headings})`);
  check(counts.autoplay === 0 && counts.played === 0, 'nothing plays by itself');

  const first = page.locator('main .chunk button.listen').first();
  const name = await first.evaluate(b => b.textContent.trim());
  const box = await first.boundingBox();
  check(/Listen$/.test(name), `the button says "${name}"`);

  // Each button's name says what it reads: "Listen: " and the first words of its chunk or heading.
  const names = await page.evaluate(() => [...document.querySelectorAll('button.listen')].map(b => {
    const owner = b.closest('.chunk') || b.previousElementSibling;
    const text = (owner ? owner.innerText : '').replace(/\s+/g, ' ').trim();
    return { label: b.getAttribute('aria-label') || '', text };
  }));
  const words = t => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const named = names.filter(n => n.label.startsWith('Listen: ') && n.label.length > 10 &&
    words(n.text).startsWith(words(n.label.slice(8))));
  check(named.length === names.length, `every button names its chunk (${named.length} of ${names.length}), e.g. "${names[1] && names[1].label}"`);
  if (named.length !== names.length) for (const n of names.filter(x => !named.includes(x)).slice(0, 3)) console.log(`  "${n.label}" for "${n.text.slice(0, 80)}"`);
  const inline = await page.evaluate(() => document.documentElement.outerHTML.includes('data:audio'));
  check(!inline, 'the clips are files beside the page, not inside it');
  check(box.height >= 44 && box.width >= 44, `it is large: ${Math.round(box.width)} x ${Math.round(box.height)} px`);

  await first.click();
  await page.waitForTimeout(1500);
  const after = await page.evaluate(() => {
    const a = window.__played[window.__played.length - 1];
    return a ? { n: window.__played.length, t: a.currentTime, d: a.duration, paused: a.paused, err: a.error && a.error.code,
                 pressed: document.querySelector('main .chunk button.listen').getAttribute('aria-pressed') } : null;
  });
  check(after && after.n === 1, 'a click plays one clip');
  check(after && !after.err && after.d > 0.5 && after.t > 0.3, `the clip plays: ${after && after.t.toFixed(2)} s of ${after && after.d.toFixed(2)} s`);
  check(after && after.pressed === 'true', 'the button shows it is playing (aria-pressed)');
  await first.click();
  check(await page.evaluate(() => window.__played[0].paused), 'a second click stops it');

  // Keyboard: Tab reaches the buttons, Enter plays.
  const heading = page.locator('main h2 + button.listen').first();
  await heading.focus();
  check(await heading.evaluate(b => document.activeElement === b && b.tabIndex === 0), 'a heading\'s button takes keyboard focus');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(1000);
  const keyed = await page.evaluate(() => { const a = window.__played[window.__played.length - 1];
    return { n: window.__played.length, t: a.currentTime, src: a.src.slice(0, 30) }; });
  check(keyed.n === 2 && keyed.t > 0.2, `Enter plays the heading's clip (${keyed.t.toFixed(2)} s in)`);
} finally {
  await browser.close();
}
console.log(failed ? `${failed} failed` : 'all passed');
process.exitCode = failed ? 1 : 0;
