// An officer's whole journey through the studio in Debian's Chromium, by
// mouse and by keyboard: upload a council's Word file, make a first draft,
// follow a source paragraph to its parts, fix a warning, swap a picture,
// explain a hard word, fill the document details, export every format,
// kill -9 the server and open the document again, and meet a second tab's
// change. Every screen is screenshotted (1366x768) and checked by axe-core.
// In team mode (`easyread studio --team`) the officer is an editor who
// chooses a password from a setup link and signs in first, and again after
// the kill -9; the journey is a sample there: every step, but three of the
// export formats (PDF, Word, the conformance report), and screenshots only
// of the start, the top bar, the reopened document and the difference, with
// axe-core on the top bar only (what team mode adds to the page) after the start.
// usage: node journey.mjs EASYREAD_BINARY WORK_FOLDER COUNCIL.docx [single|team]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { startStudio, restartStudio, signInFirst, signInIfAsked, EDITOR, documentsOf, openBrowser, until, screens as screensIn,
  timeScale, stop, assertClean, holdAnswer } from './browser_kit.mjs';

const [easyread, work, councilDocx, mode = 'single'] = process.argv.slice(2);
if (!easyread || !work || !councilDocx) {
  console.error('usage: node journey.mjs EASYREAD WORK COUNCIL.docx [single|team]');
  process.exit(2);
}
const team = mode === 'team';
const dir = path.join(work, team ? 'journey-team' : 'documents');
const folder = documentsOf(dir, mode);
const screens = path.join(work, team ? 'screens-team' : 'screens');
const downloads = team ? path.join(work, 'downloads-team') : work;
for (const d of [dir, screens]) fs.rmSync(d, { recursive: true, force: true });
for (const d of [folder, screens, downloads]) fs.mkdirSync(d, { recursive: true });
// A document whose text tries to run script: the studio must only ever show it.
fs.writeFileSync(path.join(folder, 'hostile.md'), '---\ntitle: <img src=x onerror=alert(1)>\n---\n\n# <script>alert(2)</script>\n\n' +
  'We help you <img src=x onerror=alert(3)> **<b onmouseover=alert(4)>word</b>**. It means <svg onload=alert(5)>.\n');

const started = Date.now();
function step(name) {
  console.log(`- ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

let studio = await startStudio(easyread, dir, mode);
const { browser, page, problems } = await openBrowser();
const context = page.context();
const { screen: screenOf, violations: axeViolations, count: shots } = screensIn(page, screens);
// Team mode changes the sign-in and the top bar: its sample takes those screens only.
const teamScreens = /^(start|top-bar-|reopened|difference)/;
const screen = (name) => (!team ? screenOf(name) : teamScreens.test(name) ? screenOf(name, name === 'start' ? null : 'header.topbar') : null);
await signInFirst(page, studio);

// What of the top bar does not show whole: outside the window, cut off,
// overlapping, or a shortened title without its "…" and tooltip or with
// room for less than about 15 letters.
function topBarCut() {
  const out = [];
  const width = document.documentElement.clientWidth;
  const items = [...document.querySelectorAll('header.topbar :is(p, h1, button, summary, a)')]
    .filter((e) => e.getClientRects().length && !e.closest('.menu'));
  const rects = items.map((e) => e.getBoundingClientRect());
  items.forEach((e, i) => {
    const name = e.id || e.textContent.trim();
    const r = rects[i];
    if (r.left < 0 || r.right > width + 0.5) out.push(`${name}: outside the window (${Math.round(r.left)} to ${Math.round(r.right)})`);
    if (e.id === 'doc-title') {
      if (e.scrollWidth > e.clientWidth && (getComputedStyle(e).textOverflow !== 'ellipsis' || e.title !== e.textContent)) out.push('the title: cut without "…" and tooltip');
      if (e.scrollWidth > e.clientWidth && e.clientWidth < 12 * 16) out.push(`the title: ${e.clientWidth} px wide`);
    } else if (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1) {
      out.push(`${name}: cut (${e.scrollWidth}x${e.scrollHeight} in ${e.clientWidth}x${e.clientHeight})`);
    }
    for (let j = 0; j < i; j++) {
      const o = rects[j];
      if (r.left < o.right - 0.5 && o.left < r.right - 0.5 && r.top < o.bottom - 0.5 && o.top < r.bottom - 0.5) out.push(`${name} overlaps ${items[j].id || items[j].textContent.trim()}`);
    }
  });
  return out;
}

const onDisk = (name) => fs.readFileSync(path.join(folder, name), 'utf8');
async function waitSaved() {
  await until(page, () => document.getElementById('save-state').dataset.kind === 'saved'
    && document.getElementById('save-state').textContent === 'Saved');
}
async function waitPages() {
  await page.waitForSelector('#pages li img', { state: 'attached', timeout: 30000 * timeScale });
  await until(page, () => [...document.querySelectorAll('#pages img')].every((i) => i.complete && i.naturalWidth > 0), undefined, 30000);
}

try {
  // 1. The start screen.
  await page.goto(studio.url);
  await page.waitForSelector('#template-choices input');
  step('start screen');
  await screen('start');

  // A document's text is shown, never run.
  await page.click('#doc-list button');
  await waitPages();
  assert.equal(await page.textContent('#doc-title'), '<img src=x onerror=alert(1)>');
  await page.click('#tab-words');
  await page.click('#tab-check');
  await page.click('#btn-home');
  await page.waitForSelector('#start:not([hidden])');
  step('a document with script in it is shown as text');

  // 2. Upload the council's Word file; make a first draft from it.
  await page.setInputFiles('#upload-file', councilDocx);
  await page.click('#upload-form button[type=submit]');
  await page.waitForSelector('#source-list button');
  assert.match(await page.textContent('#start-message'), /uploaded/);
  step('uploaded the Word file');
  await screen('uploaded');
  await page.click('#source-list button');
  await page.waitForSelector('#workspace:not([hidden])');
  await waitPages();
  await page.waitForSelector('#source-list-paras button');
  const draftName = (await page.evaluate(() => decodeURIComponent(location.hash.slice(5))));
  assert.match(draftName, /-easy-read\.md$/);
  assert.ok(fs.existsSync(path.join(folder, draftName)), 'the draft is a file in the folder');
  step('first draft made and shown beside its source');
  await screen('draft-with-source');

  // The top bar, with the draft's long title, at the sizes of councils'
  // laptops and at 200 % zoom: the title and every button show; a title too
  // long for its row ends in "…" and is whole in its tooltip. The page never
  // scrolls sideways.
  for (const [width, height, name] of [[1366, 768, '1366x768'], [1280, 800, '1280x800'], [683, 384, 'zoom-200']]) {
    await page.setViewportSize({ width, height });
    assert.deepEqual(await page.evaluate(topBarCut), [], `the top bar at ${name}`);
    assert.ok(await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.querySelector('main').scrollWidth) <= innerWidth),
      `no sideways scrolling at ${name}`);
    await screen(`top-bar-${name}`);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  step('the top bar shows the title and its buttons at 1366x768, 1280x800 and 200 % zoom');

  // 3. A source paragraph lights up the parts made from it, and the other way.
  const paras = await page.$$('#source-list-paras button.para');
  assert.ok(paras.length > 10, 'the source has its paragraphs');
  const withParts = await page.$$('#source-list-paras button.para:not(.heading)');
  await withParts[2].click();
  const selected = await page.evaluate(() => {
    const t = document.activeElement;
    return t.classList.contains('part-field') && t.closest('li.part.lit') ? t.value.slice(t.selectionStart, t.selectionEnd) : '';
  });
  assert.ok(selected.trim().length > 10, 'the parts made from the paragraph are lit and the first one selected');
  assert.ok((await page.$$('#parts li.part.lit')).length >= 1);
  assert.equal(await withParts[2].getAttribute('aria-pressed'), 'true');
  const summary = await page.textContent('#source-summary');
  assert.match(summary, /\d+ paragraphs/);
  step('source paragraph linked to its parts');
  await screen('source-linked');

  // The parts editor: no Markdown codes of the draft's source links on screen.
  const shown = await page.evaluate(() => [...document.querySelectorAll('#parts .part-field')].map((f) => f.value).join('\n') +
    document.getElementById('parts').textContent);
  assert.ok(!/<!--|from line/.test(shown), 'no source-link comments in the parts');
  assert.ok(/<!-- from line \d+ -->/.test(onDisk(draftName)), 'the source links stay in the file');
  await page.evaluate(() => { document.getElementById('parts-scroll').scrollTop = 0; });
  await screen('parts-editor');

  // Edit one part's words: the file changes in that part's line only.
  {
    const before = onDisk(draftName);
    const field = (await page.$$('#parts li.part-text words-box.part-field'))[3];
    const old = await field.evaluate((f) => f.value);
    await field.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' We mean it.');
    await waitSaved();
    const a = before.split('\n'), b = onDisk(draftName).split('\n');
    assert.equal(b.length, a.length, 'one part edited: as many lines as before');
    const changed = a.map((l, i) => i).filter((i) => a[i] !== b[i]);
    assert.equal(changed.length, 1, `only the edited part's line changed: ${changed.map((i) => `${i + 1}: ${a[i]} -> ${b[i]}`).join(' | ')}`);
    const k = changed[0];
    const tail = /\s*\{[^{}]*\}\s*$/.exec(a[k]);
    const expected = tail ? a[k].slice(0, tail.index) + ' We mean it.' + a[k].slice(tail.index) : a[k] + ' We mean it.';
    assert.equal(b[k], expected, 'the words were added to that line, its picture choice kept');
    assert.ok(a[k].includes(old.split('\n').pop().replace(/\s+$/, '')), 'the line is the part that was edited');
    assert.match(b[k - 1], /^<!-- from line \d+/, 'its source link is kept above it');
    step('edited one part: one line of the file changed');

    // Move it down, then undo: the file is as it was, byte for byte.
    const middle = onDisk(draftName);
    const item = await page.evaluateHandle((f) => f.closest('li.part'), field);
    await (await item.$('button[data-act=down]')).click();
    await waitSaved();
    const moved = onDisk(draftName);
    assert.notEqual(moved, middle, 'moving a part changes the file');
    assert.deepEqual(moved.split('\n').sort(), middle.split('\n').sort(), 'moving keeps every line');
    // Its TODO note (about its source line) moves with it; the Down button kept is the moved part's.
    {
      const m = middle.split('\n'), v = moved.split('\n');
      const source = /^<!-- from line (\d+)/.exec(m[k - 1])[1];
      const note = m[k + 1] === '' && m[k + 2]?.startsWith(`<!-- TODO (line ${source})`) ? m[k + 2] : null;
      const at = v.indexOf(m[k]);
      assert.ok(at > k, 'the part moved down');
      if (note) assert.equal(v[at + 2], note, 'its TODO note came along');
      step(note ? 'a part moved down with its TODO note' : 'a part moved down (it has no TODO note)');
      const focused = await page.evaluate(() => document.activeElement.closest('li.part')?.querySelector('.part-field')?.value || '');
      assert.equal(focused.split('\n').pop().trim(), (old + ' We mean it.').split('\n').pop().trim(), 'the moved part keeps the focus');
    }
    await page.click('#part-undo');
    await waitSaved();
    assert.equal(onDisk(draftName), middle, 'undo puts the part back, byte for byte');
    step('moved a part and undid it');
  }

  // A table of the council's Word file is a grid in the draft: a cell typed
  // in changes that cell of its row's line only; Tab and the up arrow go
  // from cell to cell; undo gives the file back.
  {
    const before = onDisk(draftName);
    const table = await page.$('#parts li.part-table');
    assert.ok(table, "the Word file's table is a table in the draft");
    const [r, c] = await table.evaluate((t) => {
      const row = [...t.querySelectorAll('tr')].find((tr) => tr.querySelector('words-box').value === 'Liaison nurses');
      const last = [...row.querySelectorAll('words-box')].pop();
      return [Number(last.dataset.row), Number(last.dataset.col)];
    });
    const cell = await table.$(`words-box[data-row="${r}"][data-col="${c}"]`);
    assert.equal(await cell.evaluate((f) => f.value), 'ICB');
    // The source's row is linked to the draft's row, not flagged as left out.
    const para = await page.evaluate(() => {
      const b = [...document.querySelectorAll('#source-list-paras button.para')].find((x) => x.querySelector('.para-text').textContent.startsWith('Liaison nurses'));
      return b ? [b.querySelector('.para-where').textContent.replace(/^.*· /, ''), b.classList.contains('flagged')] : null;
    });
    assert.deepEqual(para, ['1 part', false], "the Word table's row is found in the draft's table");
    await cell.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' and the council');
    await waitSaved();
    const a = before.split('\n'), b = onDisk(draftName).split('\n');
    const changed = a.map((l, i) => i).filter((i) => a[i] !== b[i]);
    assert.equal(b.length, a.length);
    assert.equal(changed.length, 1, 'one line changed');
    assert.ok(a[changed[0]].startsWith('| Liaison nurses |'), `the row typed in: ${a[changed[0]]}`);
    assert.equal(b[changed[0]], a[changed[0]].replace(/\| ICB \|$/, '| ICB and the council |'), `only the cell: ${b[changed[0]]}`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowUp');
    assert.deepEqual(await page.evaluate(() => [document.activeElement.dataset.row, document.activeElement.dataset.col]), [String(r), '0'],
      'Tab to the next row, up to the edited row');
    await table.scrollIntoViewIfNeeded();
    await screen('table-grid');
    for (let i = 0; i < 5 && onDisk(draftName) !== before; i++) {
      await page.click('#part-undo');
      await waitSaved();
    }
    assert.equal(onDisk(draftName), before, 'undo gives the file back, byte for byte');
    step('edited a cell of the Word table in the draft: one cell of one line changed');
  }

  // The Markdown view is there for those who want it.
  await page.click('#tab-markdown');
  assert.ok((await page.inputValue('#text')).includes('We mean it.'));
  await screen('markdown-view');
  await page.click('#tab-text');

  // 4. Check: fix a warning with one click.
  await page.click('#tab-check');
  await page.waitForSelector('#check-list li');
  const fixButton = await page.$('#check-list button.primary');
  assert.ok(fixButton, 'the check offers a one-click fix');
  const fixLabel = await fixButton.getAttribute('aria-label');
  const before = onDisk(draftName);
  // By its name: the list is drawn again whenever a check's results come in.
  const named = (label) => page.locator('#check-list').getByRole('button', { name: label, exact: true }).first();
  await named(fixLabel).click();
  await waitSaved();
  const after = onDisk(draftName);
  assert.notEqual(after, before, `the fix (${fixLabel}) changed the file`);
  // The fix writes the checker's stated words in place of the quoted ones, and nothing else.
  const [, fixLine, to, from] = /^Fix line (\d+): write "([^"]+)" instead of "([^"]+)"$/.exec(fixLabel);
  const a = before.split('\n'), b = after.split('\n');
  const differ = a.map((l, i) => i).filter((i) => a[i] !== b[i]);
  assert.deepEqual(differ, [Number(fixLine) - 1], 'only the warning\'s line changed');
  const was = a[fixLine - 1], now = b[fixLine - 1];
  const replacedOnce = [...was.matchAll(new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))]
    .some((m) => was.slice(0, m.index) + to + was.slice(m.index + from.length) === now);
  assert.ok(replacedOnce, `"${from}" became "${to}" on that line, the rest as it was`);
  step(`fixed: ${fixLabel}`);
  await screen('check-fixed');

  // A warning whose hint only advises has no fix button: "Go to" puts the cursor on its words.
  await page.click('#tab-check');
  const advice = await page.evaluateHandle(() => [...document.querySelectorAll('#check-list li')]
    .find((li) => !li.querySelector('button.primary') && /: /.test(li.querySelector('button')?.getAttribute('aria-label') || '')));
  assert.ok(await advice.evaluate((li) => !!li), 'the check lists a warning with no fix');
  const goLabel = await advice.evaluate((li) => li.querySelector('button').getAttribute('aria-label'));
  const hint = await advice.evaluate((li) => li.querySelector('.hint')?.textContent || '');
  assert.ok(hint.length > 10, 'its hint is shown');
  await named(goLabel).click();
  const quotedWords = goLabel.slice(goLabel.indexOf(': ') + 2);
  const atCursor = await page.evaluate(() => {
    const f = document.activeElement;
    return f.classList.contains('part-field') ? f.value.slice(f.selectionStart, f.selectionEnd) : null;
  });
  assert.equal(atCursor, quotedWords, `"${goLabel}" selects the words in their part`);
  step(`no fix offered for advice; the cursor is on "${quotedWords}"`);
  await screen('check-go-to');

  // 5. Swap a picture: click one on a page, choose another.
  await page.click('#tab-pages');
  await waitPages();
  // By locator: the pages are drawn again whenever their pictures come in.
  const picButton = page.locator('#pages .pic-button').first();
  assert.ok(await picButton.count(), 'the pages have pictures to click');
  await picButton.click();
  await page.waitForSelector('#panel-pictures:not([hidden])');
  await page.fill('#pic-search', 'house');
  await page.click('#pic-search-form button');
  await page.waitForSelector('#pic-results button');
  step('picture chooser open');
  await screen('pictures');
  await page.click('#pic-results li:first-child button');
  await waitSaved();
  assert.match(onDisk(draftName), /\{picture=[a-z0-9-]+\}/);
  step('picture swapped');

  // 6. Hard words: a word with no meaning gets one.
  await page.click('#tab-words');
  await page.waitForSelector('#words-list li');
  await screen('hard-words');
  // By locators: the list is drawn again whenever a check's results come in.
  const word = await page.locator('#words-list li strong').first().textContent();
  const wordItem = page.locator(`#words-list li[data-word="${word}"]`);
  await wordItem.locator('input').fill('');
  await wordItem.locator('input').pressSequentially('a word that the studio test explains for you');
  await wordItem.locator('button').click();
  await until(page, () => /The document now says: |Not changed/.test(document.querySelector('#words-list li [id$=-state]').textContent));
  const said = await page.textContent('#words-list li [id$=-state]');
  assert.match(said, /The document now says: /, `the meaning of ${word} was written`);
  const meaning = said.slice(said.indexOf(': ') + 2);
  assert.match(meaning, /the studio test explains for you/);
  await waitSaved();
  assert.ok(onDisk(draftName).includes(meaning), `the meaning of ${word} is in the file`);
  await until(page, () => document.querySelector('#words-list li input').value.includes('the studio test explains'));
  step(`hard word "${word}" explained: ${meaning}`);

  // 7. Document details as a form.
  await page.click('#tab-details');
  await page.fill('#d-organisation', 'Eastmoor Borough Council');
  await page.fill('#d-contact', 'Phone 01632 960 771');
  await waitSaved();
  assert.match(onDisk(draftName), /\norganisation: Eastmoor Borough Council\n/);
  // The standard to follow is a line of the file: build and check follow it too.
  await page.selectOption('#d-rules', 'easy-read-standard');
  await waitSaved();
  assert.match(onDisk(draftName), /\nrules: easy-read-standard\n/);
  step('document details');
  await screen('details');

  // 8. Export every format, named after the title.
  await page.click('#export summary');
  await screen('export-menu');
  const expected = { pdf: '%PDF', html: '<!DOCTYPE', docx: 'PK', odt: 'PK', mp3: null, png: 'PK', zip: 'PK', conformance: '%PDF' };
  for (const [format, magic] of Object.entries(expected).filter(([f]) => !team || ['pdf', 'docx', 'conformance'].includes(f))) {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 300000 * timeScale }),
      page.click(`#export-list a[data-format=${format}]`, { noWaitAfter: true }),
    ]);
    const file = path.join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    assert.ok(bytes.length > 1000, `${format} is not empty`);
    if (magic) assert.equal(bytes.subarray(0, magic.length).toString('latin1').toUpperCase(), magic.toUpperCase(), `${format} starts as a ${format} file`);
    else assert.ok(bytes.subarray(0, 3).toString('latin1') === 'ID3' || bytes[0] === 0xff, 'mp3 is MPEG audio');
    assert.match(download.suggestedFilename(), /^Eastmoor/, `the ${format} is named after the title`);
    if (format === 'pdf') {
      // The printed Hard words page says the new meaning (read back by pdftotext).
      const printed = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      const hardPage = printed.slice(printed.lastIndexOf('Hard words'));
      assert.ok(hardPage.includes(meaning.replace(/\s+/g, ' ')), `the PDF's Hard words page says "${meaning}"`);
    }
    if (format === 'conformance') {
      // Which rules of the chosen standard the pages meet, measured on them.
      const report = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      assert.ok(report.includes('Conformance report'), 'the conformance report is titled');
      assert.ok(report.includes('Easy Read Standard'), 'it names the standard chosen in Details');
      assert.ok(report.includes('Every sentence starts on a new line'), 'it lists the standard\'s layout rules');
    }
    if (!(await page.$('#export[open]'))) await page.click('#export summary');
  }
  await page.click('#export summary');
  step(team ? 'exported PDF, Word and the conformance report' : 'exported PDF, HTML, Word, ODT, MP3, PNG pages, a zip of all and the conformance report');
  // Back to the usual standard for the rest of the journey.
  await page.click('#tab-details');
  await page.selectOption('#d-rules', '');
  await waitSaved();
  assert.ok(!/\nrules:/.test(onDisk(draftName)), 'choosing the usual standard removes the line');

  // Listen to the part where the cursor is: the audio version's speech.
  await page.click('#tab-text');
  await (await page.$$('#parts li.part-text .part-field'))[2].click();
  await page.click('#part-listen');
  await page.waitForSelector('#player-box:not([hidden])');
  const heard = await page.evaluate(async () => {
    const r = await fetch(document.getElementById('player').src);
    return { status: r.status, type: r.headers.get('content-type'), size: (await r.arrayBuffer()).byteLength };
  });
  assert.equal(heard.status, 200);
  assert.equal(heard.type, 'audio/mpeg');
  assert.ok(heard.size > 2000, 'the part is said aloud');
  await page.click('#player-close');
  step('listened to a part');

  // 9. Type, see "Saved", kill -9 the server: nothing saved is lost.
  await page.click('#tab-text');
  await page.click('#add-words-end');
  await page.keyboard.type('We will check this plan every year.');
  await waitSaved();
  step('typed and saved');
  await screen('typed-saved');
  studio = await restartStudio(studio);
  assert.ok(onDisk(draftName).includes('We will check this plan every year.'), 'the typing is on disk after kill -9');
  await page.goto(`${studio.url}#doc=${encodeURIComponent(draftName)}`);
  // Team mode: the restarted studio knows no session; signed in again, the page comes back to the document.
  await signInIfAsked(page, studio);
  await until(page, () => document.getElementById('text').value.includes('We will check this plan every year.'));
  await waitPages();
  step('reopened after kill -9');
  await screen('reopened');

  // 10. A second tab saves first: this tab is told and shown the difference.
  const other = await context.newPage();
  await other.goto(`${studio.url}#doc=${encodeURIComponent(draftName)}`);
  await until(other, () => document.querySelectorAll('#parts li').length > 0);
  await other.click('#add-words-end');
  await other.keyboard.type('From the second tab.');
  await until(other, () => document.getElementById('save-state').textContent === 'Saved');
  await page.waitForSelector('#difference:not([hidden])', { timeout: 15000 * timeScale });
  await until(page, () => /From the second tab\./.test(document.getElementById('difference-list').textContent));
  step('the first tab is shown the second tab\'s change');
  await screen('difference');
  await page.click('#use-theirs');
  await other.close();
  assert.ok(onDisk(draftName).includes('From the second tab.'));

  // 11. Keyboard only: open a document, mark a hard word, switch tabs, go back.
  await page.goto(studio.url);
  await page.waitForSelector('#doc-list button');
  // Two documents clicked in turn open the second, even when the server
  // answers the first one last.
  {
    const names = await page.evaluate(() => [...document.querySelectorAll('#doc-list button')].map((b) => b.textContent));
    const firstName = names.find((n) => !n.includes(draftName));
    const lateDoc = await holdAnswer(page, '**/api/doc?*',
      (r) => r.method() === 'GET' && !r.url().includes(encodeURIComponent(draftName)));
    await page.evaluate((n) => [...document.querySelectorAll('#doc-list button')].find((b) => b.textContent === n).click(), firstName);
    await lateDoc.asked();
    await page.evaluate((d) => [...document.querySelectorAll('#doc-list button')].find((b) => b.textContent.includes(d)).click(), draftName);
    await until(page, (d) => decodeURIComponent(location.hash.slice(5)) === d && !document.getElementById('workspace').hidden, draftName);
    await lateDoc.release();
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => decodeURIComponent(location.hash.slice(5))), draftName, 'the document clicked last stays open');
    await page.goto(studio.url);
    await page.waitForSelector('#doc-list button');
  }
  const keys = async (...list) => { for (const k of list) await page.keyboard.press(k); };
  for (let i = 0; i < 40; i++) {
    await keys('Tab');
    const label = await page.evaluate(() => document.activeElement.textContent);
    if (label.startsWith('Open ') && label.includes(draftName)) break;
  }
  await keys('Enter');
  await page.waitForSelector('#workspace:not([hidden])');
  await until(page, () => document.activeElement.classList.contains('part-field'));
  // Tab to the first part of words, and write a new line at its end.
  for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement.tagName === 'WORDS-BOX')); i++) await keys('Tab');
  await keys('Control+End');
  await page.keyboard.type('\nYou can get a grant');
  await keys('Control+Shift+ArrowLeft', 'Control+b', 'End');  // "grant" becomes a hard word
  await page.keyboard.type(' from us.');
  const focusTab = async (id) => {
    for (let i = 0; i < 30 && await page.evaluate(() => document.activeElement.getAttribute('role')) !== 'tab'; i++) await keys('Shift+Tab');
    for (let i = 0; i < 6 && await page.evaluate(() => document.activeElement.id) !== id; i++) await keys('ArrowRight');
  };
  await focusTab('tab-check');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-check');
  assert.equal(await page.getAttribute('#panel-check', 'hidden'), null, 'the arrow keys show the Check panel');
  await keys('Tab');
  step('keyboard only: opened, typed, switched to Check');
  await screen('keyboard');
  await waitSaved();
  const typed = onDisk(draftName);
  assert.match(typed, /\nYou can get a \*\*grant\*\* from us\.( \{[^}]*\})?\n/, 'keyboard typing and Ctrl+B are saved on a line of their own');

  if (team) {
    // What team mode keeps beside: the upload and its draft are the editor's own, and the
    // audit log names her two sign-ins, her saves and her exports.
    const owners = fs.readFileSync(path.join(dir, 'owners.tsv'), 'utf8');
    assert.ok(owners.split('\n').includes(`${draftName}\t${EDITOR.name}\town`), `the draft is the editor's: ${owners}`);
    const audit = fs.readFileSync(path.join(dir, 'audit.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const count = (action) => audit.filter((a) => a.user === EDITOR.name && a.action === action).length;
    assert.ok(count('sign in') === 2 && count('PUT /api/doc') > 5 && count('export pdf') === 1, 'the audit log has her sign-ins, saves and export');
    step('the draft is the editor\'s; the audit log names her sign-ins, saves and exports');
  }
} finally {
  await stop(browser, studio);
}
assertClean(problems, axeViolations);
console.log(`journey passed: ${shots()} screens in ${screens} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
