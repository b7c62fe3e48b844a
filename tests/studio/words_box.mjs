// The parts' words boxes in Debian's Chromium, as an officer who never
// writes Markdown uses them: every Markdown file of the templates and test
// cases opened and each part's words written back through its box gives the
// file back byte for byte, with no "**" on screen; typing changes only that
// part's line; Ctrl+B and the Hard word button make a hard word shown bold;
// a paste of HTML (an <img onerror>, a <script>) arrives as plain text only.
// Tables (every Markdown file of the repository with one) are grids of such
// boxes: a cell typed in changes only that cell, Tab and the arrow keys go
// from cell to cell, rows and columns are added and removed by named buttons.
// In team mode (`easyread studio --team`, the files the team's) an editor
// chooses a password from a setup link and signs in first; the byte-for-byte
// round trip is then a sample, every twelfth file, the rest as above.
// usage: node words_box.mjs EASYREAD_BINARY SOURCE_DIR WORK_FOLDER [single|team]
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { repositoryMarkdown, tableMarkdown } from './markdown_files.mjs';
import { startStudio, signInFirst, documentsOf, openBrowser, until as untilIn, screens, stop, assertClean } from './browser_kit.mjs';

const [easyread, root, work, mode = 'single'] = process.argv.slice(2);
const team = mode === 'team';
const dir = path.join(work, team ? 'words-box-team' : 'words-box');
const folder = documentsOf(dir, mode);
const shots = path.join(work, team ? 'words-box-team-screens' : 'words-box-screens');
for (const d of [dir, shots]) fs.rmSync(d, { recursive: true, force: true });
for (const d of [folder, shots]) fs.mkdirSync(d, { recursive: true });

const sources = [...new Set([...repositoryMarkdown(root), ...tableMarkdown(root)])];
assert.ok(sources.length > 20, 'the repository has Markdown files to try');
const names = sources.map((f) => {
  const name = path.relative(root, f).replace(/[\\/]/g, '-');
  fs.copyFileSync(f, path.join(folder, name));
  return name;
});
const roundTrip = team ? names.filter((n, i) => i % 12 === 0) : names;
const onDisk = (name) => fs.readFileSync(path.join(folder, name), 'utf8');

const studio = await startStudio(easyread, dir, mode);
const { url } = studio;
const { browser, page, problems } = await openBrowser();
const until = (fn, arg, timeout) => untilIn(page, fn, arg, timeout);
const started = Date.now();
const step = (name) => console.log(`- ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
const { screen, violations } = screens(page, shots);
const waitSaved = () => until(() => document.getElementById('save-state').dataset.kind === 'saved'
  && document.getElementById('save-state').textContent === 'Saved');
async function open(name) {
  await page.goto(url);
  await page.waitForSelector('#doc-list button');
  await page.evaluate((n) => [...document.querySelectorAll('#doc-list button')].find((b) => b.textContent.includes(n)).click(), name);
  await page.waitForSelector('#workspace:not([hidden])');
  await until(() => document.querySelectorAll('#parts li.part').length > 0);
}

let boxes = 0, bold = 0, links = 0, cells = 0;

// Undo (the button), at most `times` times, until the file is as it was.
async function undoAll(name, before, times) {
  for (let i = 0; i < times && onDisk(name) !== before; i++) {
    await page.click('#part-undo');
    await page.waitForTimeout(200);
    await waitSaved();
  }
  for (let i = 0; i < 50 && onDisk(name) !== before; i++) await page.waitForTimeout(100);
  assert.equal(onDisk(name), before, 'Undo gives the file back');
}

// A table of the stocktake example edited as a grid, by keyboard and buttons.
async function tableGrid() {
  const name = names.find((n) => n.endsWith('examples-stocktake.md'));
  assert.ok(name, 'the stocktake example is there');
  await open(name);
  const before = onDisk(name);
  const lines = before.split('\n');
  const table = '#parts li.part-table';
  const cell = (r, c) => page.$(`${table} words-box[data-row="${r}"][data-col="${c}"]`);
  const focused = () => page.evaluate(() => {
    const f = document.activeElement;
    return f.classList.contains('cell-field') ? `${f.dataset.row},${f.dataset.col}` : f.getAttribute('aria-label') || f.id;
  });
  const changedLines = () => {
    const now = onDisk(name).split('\n');
    return { now, changed: now.map((_, i) => i).filter((i) => now[i] !== lines[i]) };
  };
  assert.equal(await page.$eval(table, (t) => t.querySelectorAll('table th words-box').length), 3, 'a grid of three columns');
  assert.equal(await page.$eval(table, (t) => t.querySelector('.part-label').textContent), 'Table');
  assert.ok(!(await page.$eval(table, (t) => t.textContent)).includes('|'), 'no pipes on the screen');
  assert.ok(!(await page.$eval(table, (t) => t.textContent)).includes('{picture'), 'no picture codes on the screen');

  // Typing at the end of a cell with a picture: the words go before its {picture=...}.
  const row1 = lines.findIndex((l) => l.startsWith('| Do the council and the local NHS'));
  assert.ok(row1 > 0 && lines[row1].includes('{picture=check}'), 'the first row of the first table');
  await (await cell(1, 2)).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Thanks');
  await waitSaved();
  let { now, changed } = changedLines();
  assert.deepEqual(changed, [row1], 'only the row typed in changed');
  assert.equal(now[row1], lines[row1].replace('this now. {picture=check}', 'this now. Thanks {picture=check}'), `the cell's words: ${now[row1]}`);
  assert.equal(now.length, lines.length);

  // Keys: Tab to the next cell (the next row's first), arrows between cells, Enter down.
  const keys = [['Tab', '2,0'], ['ArrowUp', '1,0'], ['ArrowRight', '1,1'], ['Home', '1,1'], ['ArrowLeft', '1,0'],
    ['ArrowDown', '2,0'], ['Enter', '3,0'], ['Shift+Tab', '2,2']];
  for (const [key, want] of keys) {
    if (key === 'ArrowRight') await page.keyboard.press('Control+End');
    if (key === 'ArrowLeft') await page.keyboard.press('Control+Home');
    await page.keyboard.press(key);
    assert.equal(await focused(), want, `${key} goes to cell ${want}`);
  }
  assert.equal(onDisk(name).split('\n').length, lines.length, 'Enter made no new line in the file');

  // Ctrl+B on a word of a cell: a hard word, bold in the cell.
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Carers');
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await page.keyboard.press('Control+b');
  await waitSaved();
  ({ now, changed } = changedLines());
  const row2 = row1 + 1;
  assert.deepEqual(changed, [row1, row2]);
  assert.match(now[row2], /care companies\. \*\*Carers\*\* \|$/, `the hard word in its cell: ${now[row2]}`);
  assert.equal(await (await cell(2, 2)).evaluate((f) => f.querySelector('strong')?.textContent), 'Carers');

  // A row added below the row in use: named after it, one new line under it, the focus in it.
  await (await cell(1, 0)).click();
  const addRow = await page.$(`${table} [data-act=row-add]`);
  assert.equal(await addRow.getAttribute('aria-label'), 'Add row below row 1');
  await addRow.click();
  assert.equal(await focused(), '2,0', 'the new row\'s first cell has the focus');
  await page.keyboard.type('A new question?');
  await waitSaved();
  ({ now, changed } = changedLines());
  assert.equal(now.length, lines.length + 1, 'one line more');
  assert.equal(now[row1 + 1], '| A new question? | | |', `the new row: ${now[row1 + 1]}`);

  // A column added after the first: every row of this table has one more cell, the dashes too.
  const addColumn = await page.$(`${table} [data-act=col-add]`);
  assert.equal(await addColumn.getAttribute('aria-label'), 'Add column after column 1 (Question)');
  await addColumn.click();
  assert.equal(await focused(), '2,1');
  await page.keyboard.type('Who');
  await waitSaved();
  now = onDisk(name).split('\n');
  const head = now.findIndex((l, i) => i < row1 && l.startsWith('| Question'));
  assert.equal(now[head], '| Question | | What we found | Support we need |');
  assert.equal(now[head + 1], '|---|---|---|---|', `the dashes: ${now[head + 1]}`);
  assert.equal(now[row1 + 1], '| A new question? | Who | | |');
  const second = now.findIndex((l, i) => i > row1 + 4 && l.startsWith('| Question'));
  assert.equal(now[second], lines[second - 1], 'the next table is not changed');
  assert.equal(await (await page.$(table)).$$eval('th', (t) => t.length), 4, 'four columns on the screen');

  // The buttons name the cell in use; Remove column and Remove row take them away again.
  const removeColumn = await page.$(`${table} [data-act=col-remove]`);
  assert.equal(await removeColumn.getAttribute('aria-label'), 'Remove column 2');
  await removeColumn.click();
  await (await cell(2, 1)).click();
  const removeRow = await page.$(`${table} [data-act=row-remove]`);
  assert.equal(await removeRow.getAttribute('aria-label'), 'Remove row 2');
  await removeRow.click();
  await waitSaved();
  ({ now, changed } = changedLines());
  assert.deepEqual(changed, [row1, row2], 'only the typed cells differ now');
  // The headings cannot be removed: their button says so and is off.
  await (await cell(0, 0)).click();
  assert.deepEqual(await page.$eval(`${table} [data-act=row-remove]`, (b) => [b.disabled, b.getAttribute('aria-label')]),
    [true, 'Remove row (the headings stay)']);

  // A pasted line break becomes a space: a cell is one line.
  await (await cell(3, 0)).click();
  await page.keyboard.press('Control+End');
  await (await cell(3, 0)).evaluate((f) => {
    const data = new DataTransfer();
    data.setData('text/plain', ' First line\nsecond line');
    f.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await waitSaved();
  ({ now, changed } = changedLines());
  assert.equal(now.length, lines.length);
  assert.match(now[row1 + 2], /going\? First line second line \|/, `pasted into one line: ${now[row1 + 2]}`);

  // A picture for one cell: from the Picture button with the cursor in the
  // cell, and from that cell's picture on the page; only that cell changes.
  await (await cell(2, 1)).click();
  await page.click('#part-picture');
  await until(() => !document.getElementById('panel-pictures').hidden);
  assert.equal(await page.$eval('#pic-for', (e) => e.textContent), 'Yes. Housing teams come to the meetings. We have a meeting for care companies in September.');
  assert.match(await page.$eval('#pic-now', (e) => e.textContent), /^Now: \S+/, 'the picture the cell has now');
  await page.click('#pic-none');
  await waitSaved();
  now = onDisk(name).split('\n');
  assert.equal(now[row2], lines[row2].replace('in September. |', 'in September. {picture=none} |').replace('companies. |', 'companies. **Carers** |'),
    `a picture for the cell alone: ${now[row2]}`);
  assert.equal(await focused(), '2,1', 'back in the cell');
  await until(() => [...document.querySelectorAll('.pic-button')].some((b) => b.getAttribute('aria-label').includes('Yes. A group meets')));
  await page.evaluate(() => [...document.querySelectorAll('.pic-button')].find((b) => b.getAttribute('aria-label').includes('Yes. A group meets')).click());
  await until(() => !document.getElementById('panel-pictures').hidden);
  assert.equal(await page.$eval('#pic-for', (e) => e.textContent), 'Yes. A group meets every month. It has written a plan.', 'a picture on the page opens its own cell');
  await page.click('#pic-none');
  await waitSaved();
  now = onDisk(name).split('\n');
  assert.match(now[row1], /It has written a plan\. \{picture=none\} \| We do not need help with this now\. Thanks \{picture=check\} \|$/, now[row1]);

  // Undo takes everything back, byte for byte.
  await undoAll(name, before, 40);
  // axe-core on the editor with its boxes, a table scrolled into view.
  await (await page.$(table)).scrollIntoViewIfNeeded();
  await screen('table-grid');
  console.log('a table edited as a grid: typing, keys, hard word, rows and columns, paste, undo');
}
try {
  await signInFirst(page, studio);
  // Open, write every box's words back through the box, save: the same bytes.
  for (const name of roundTrip) {
    const before = onDisk(name);
    await open(name);
    const seen = await page.evaluate(() => {
      const out = { boxes: 0, bold: 0, links: 0, cells: 0, marks: [] };
      for (const f of document.querySelectorAll('#parts words-box')) {
        out.boxes++;
        if (f.closest('table')) out.cells++;
        out.bold += f.querySelectorAll('strong').length;
        out.links += f.querySelectorAll('a').length;
        if (f.querySelector('strong') && f.textContent.includes('**')) out.marks.push(f.textContent);
        f.value = f.value;
        f.dispatchEvent(new Event('input', { bubbles: true }));
      }
      return out;
    });
    assert.deepEqual(seen.marks, [], `${name}: no ** shown beside a bold word`);
    boxes += seen.boxes; bold += seen.bold; links += seen.links; cells += seen.cells;
    await waitSaved();
    assert.equal(onDisk(name), before, `${name}: its words written back through the boxes give the file back byte for byte`);
  }
  const least = team ? [20, 0, 20] : [100, 20, 200];
  assert.ok(boxes > least[0] && bold > least[1] && cells > least[2], `words boxes (${boxes}), table cells (${cells}) and hard words shown bold (${bold}) were tried`);
  step(`${roundTrip.length} files written back through their boxes`);

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
  await undoAll(name, before, 12);

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

  step('typing, hard words, Enter, Undo and paste in the strategy');
  await tableGrid();
  step('the stocktake\'s table as a grid');
} finally {
  await stop(browser, studio);
}
assertClean(problems, violations);
console.log(`words boxes passed (${mode}): ${roundTrip.length} files, ${boxes} boxes (${cells} table cells), ${bold} hard words and ${links} links shown`);
