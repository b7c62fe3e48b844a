// The parts' words boxes in Debian's Chromium, as an officer who never
// writes Markdown uses them: every Markdown file of the templates and test
// cases opened and each part's words written back through its box gives the
// file back byte for byte, with no "**" on screen; typing changes only that
// part's line; Ctrl+B and the Hard word button make a hard word shown bold;
// a paste of HTML (an <img onerror>, a <script>) arrives as plain text only.
// usage: node words_box.mjs EASYREAD_BINARY SOURCE_DIR WORK_FOLDER
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { repositoryMarkdown } from './markdown_files.mjs';

const require = createRequire(import.meta.url);
const [easyread, root, work] = process.argv.slice(2);
const folder = path.join(work, 'words-box');
fs.rmSync(folder, { recursive: true, force: true });
fs.mkdirSync(folder, { recursive: true });

const sources = repositoryMarkdown(root);
assert.ok(sources.length > 20, 'the repository has Markdown files to try');
const names = sources.map((f) => {
  const name = path.relative(root, f).replace(/[\\/]/g, '-');
  fs.copyFileSync(f, path.join(folder, name));
  return name;
});
const onDisk = (name) => fs.readFileSync(path.join(folder, name), 'utf8');

const child = spawn(easyread, ['studio', folder, '--port', '0', '--no-open'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
    const m = /open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
    if (m) resolve(m[1]);
  });
  child.on('exit', (code) => reject(new Error(`the studio ended (${code}): ${out}`)));
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
const problems = [];
page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
page.on('dialog', (d) => { problems.push(`a dialog opened: ${d.message()}`); d.dismiss(); });

async function until(fn, arg, timeout = 15000) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(fn, arg)) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${fn.toString().slice(0, 200)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const waitSaved = () => until(() => document.getElementById('save-state').dataset.kind === 'saved'
  && document.getElementById('save-state').textContent === 'Saved');
async function open(name) {
  await page.goto(url);
  await page.waitForSelector('#doc-list button');
  await page.evaluate((n) => [...document.querySelectorAll('#doc-list button')].find((b) => b.textContent.includes(n)).click(), name);
  await page.waitForSelector('#workspace:not([hidden])');
  await until(() => document.querySelectorAll('#parts li.part').length > 0);
}

let boxes = 0, bold = 0, links = 0;
try {
  // Open, write every box's words back through the box, save: the same bytes.
  for (const name of names) {
    const before = onDisk(name);
    await open(name);
    const seen = await page.evaluate(() => {
      const out = { boxes: 0, bold: 0, links: 0, marks: [] };
      for (const f of document.querySelectorAll('#parts words-box')) {
        out.boxes++;
        out.bold += f.querySelectorAll('strong').length;
        out.links += f.querySelectorAll('a').length;
        if (f.querySelector('strong') && f.textContent.includes('**')) out.marks.push(f.textContent);
        f.value = f.value;
        f.dispatchEvent(new Event('input', { bubbles: true }));
      }
      return out;
    });
    assert.deepEqual(seen.marks, [], `${name}: no ** shown beside a bold word`);
    boxes += seen.boxes; bold += seen.bold; links += seen.links;
    await waitSaved();
    assert.equal(onDisk(name), before, `${name}: its words written back through the boxes give the file back byte for byte`);
  }
  assert.ok(boxes > 100 && bold > 20, `words boxes (${boxes}) and hard words shown bold (${bold}) were tried`);

  // One word typed at the end of a part that has a hard word: only that line changes.
  const name = names.find((n) => n.endsWith('examples-strategy.md'));
  assert.ok(name, 'the strategy example is there');
  await open(name);
  const index = await page.evaluate(() => [...document.querySelectorAll('#parts words-box')].findIndex((f) => f.querySelector('strong')));
  assert.ok(index >= 0, 'a part with a hard word');
  let box = (await page.$$('#parts words-box'))[index];
  const hard = await box.evaluate((f) => f.querySelector('strong').textContent);
  const before = onDisk(name);
  await box.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Thanks');
  await waitSaved();
  let a = before.split('\n'), b = onDisk(name).split('\n');
  let changed = a.map((l, i) => i).filter((i) => a[i] !== b[i]);
  assert.equal(b.length, a.length);
  assert.equal(changed.length, 1, 'one line changed');
  assert.ok(b[changed[0]].includes(`**${hard}**`) && /Thanks( \{[^}]*\})?$/.test(b[changed[0]]), `typed after the words: ${b[changed[0]]}`);

  // Ctrl+B on the word just typed: a hard word, bold in the box, no marks shown.
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await page.keyboard.press('Control+b');
  await waitSaved();
  const line = onDisk(name).split('\n')[changed[0]];
  assert.match(line, /\*\*Thanks\*\*( \{[^}]*\})?$/, `Ctrl+B wrote the hard word: ${line}`);
  assert.deepEqual(await box.evaluate((f) => [[...f.querySelectorAll('strong')].map((s) => s.textContent).pop(), f.textContent.includes('**')]), ['Thanks', false]);
  // Typing after a hard word is plain again.
  await page.keyboard.press('End');
  await page.keyboard.type(' again');
  await waitSaved();
  assert.match(onDisk(name).split('\n')[changed[0]], /\*\*Thanks\*\* again( \{[^}]*\})?$/);
  // The Hard word button on the caret's word takes the hard word away.
  await page.keyboard.press('Control+ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.click('#part-hard');
  await waitSaved();
  assert.match(onDisk(name).split('\n')[changed[0]], / Thanks again( \{[^}]*\})?$/, 'the button toggles the hard word off');
  // Enter starts a new line of the same part, and Undo takes it all back.
  await box.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('New line');
  await waitSaved();
  b = onDisk(name).split('\n');
  assert.equal(b.length, a.length + 1, 'Enter made one more line');
  assert.equal(b[changed[0] + 1].trim(), 'New line');
  for (let i = 0; i < 12 && onDisk(name) !== before; i++) {
    await page.click('#part-undo');
    await page.waitForTimeout(300);
    await waitSaved();
  }
  for (let i = 0; i < 50 && onDisk(name) !== before; i++) await page.waitForTimeout(100);
  assert.equal(onDisk(name), before, 'Undo gives the file back');

  // Paste: HTML on the clipboard never reaches the file, only its plain text.
  const pasteBefore = onDisk(name);
  box = (await page.$$('#parts words-box'))[index];  // drawn again by Undo
  await box.click();
  await page.keyboard.press('Control+End');
  for (const [html, plain] of [
    ['<img src=x onerror="window.pwned=1"><b>Bold</b> words', ' Pasted words'],
    ['<script>window.pwned=2</script><a href="javascript:alert(1)">link</a>', ' <script>window.pwned=3</script>'],
  ]) {
    await box.evaluate((f, [h, p]) => {
      const data = new DataTransfer();
      data.setData('text/html', h);
      data.setData('text/plain', p);
      f.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, [html, plain]);
  }
  await waitSaved();
  const pasted = onDisk(name).split('\n');
  const pastedLine = pasted.find((l, i) => l !== pasteBefore.split('\n')[i]);
  assert.match(pastedLine, /Pasted words <script>window\.pwned=3<\/script>( \{[^}]*\})?$/, `the plain text only: ${pastedLine}`);
  assert.ok(!/onerror|<img|<b>|\*\*Bold|javascript:/.test(onDisk(name)), 'no HTML of the clipboard in the file');
  assert.deepEqual(await box.evaluate((f) => [f.querySelectorAll('img, script, b, a').length, window.pwned]), [0, undefined], 'nothing of it in the box, nothing ran');
  assert.equal(await box.evaluate((f) => [f.getAttribute('role'), f.getAttribute('aria-multiline'), document.getElementById(f.getAttribute('aria-labelledby'))?.textContent].join()), 'textbox,true,Words');

  // axe-core on the editor with its boxes.
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const result = await page.evaluate(() => axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  for (const v of result.violations) problems.push(`axe: ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
  await page.screenshot({ path: path.join(work, 'words-box.png') });
} finally {
  for (const p of problems) console.log(`problem: ${p}`);
  await browser.close();
  child.kill('SIGKILL');
}
assert.deepEqual(problems, [], 'no script errors, dialogs or axe violations');
console.log(`words boxes passed: ${names.length} files, ${boxes} boxes, ${bold} hard words and ${links} links shown`);
