// A board officer's journey in Debian's Chromium: upload two events' kiosk
// answers files (made through the kiosk's answers store) and a typed-up
// paper CSV, see the board report, filter it by event, write the "You said,
// we did" actions, download every output and read each back (pdftotext, the
// CSV's rows, the JSON's totals); then write a kiosk survey with the form
// and see its kiosk screens. Every screen is screenshotted at 1366x768 and
// checked by axe-core.
// usage: node board_journey.mjs EASYREAD MAKE_KIOSK_ANSWERS SOURCE_DIR WORK_FOLDER
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { startStudio, openBrowser, until as untilIn, screens as screensIn, timeScale, stop, assertClean, holdAnswer } from './browser_kit.mjs';

const [easyread, makeAnswers, source, workDir] = process.argv.slice(2);
if (!workDir) {
  console.error('usage: node board_journey.mjs EASYREAD MAKE_KIOSK_ANSWERS SOURCE_DIR WORK');
  process.exit(2);
}
const started = Date.now();
const work = path.join(workDir, 'board-journey');
const folder = path.join(work, 'team');
const files = path.join(work, 'files');
const downloads = path.join(work, 'downloads');
const screens = path.join(workDir, 'board-screens');
for (const d of [work, screens]) fs.rmSync(d, { recursive: true, force: true });
for (const d of [folder, files, downloads, screens]) fs.mkdirSync(d, { recursive: true });

// Two kiosks' answers files, as staff bring them back, from the bundled board survey.
const survey = path.join(source, 'templates/surveys/board-event.md');
const PHONE = '07700 900123';
execFileSync(makeAnswers, [survey, path.join(files, 'kiosk-march.db'), 'March meeting', '2026-03-12', '9', `Ring me on ${PHONE} about the bus`]);
execFileSync(makeAnswers, [survey, path.join(files, 'kiosk-may.db'), 'May meeting', '2026-05-14', '7']);
// The n-th person of a file chose the (n mod 3)-th face: March 3 happy, 3 middle, 3 sad; May 3, 2, 2.
fs.writeFileSync(path.join(files, 'paper-may.csv'),
  'response_id,respondent,meeting,hear,choice-control,housing,co-production,information,information-easy-read,next-topics\n' +
  '1,self,happy,yes,happy,sad,middle,happy,no,homes;jobs\n2,carer,happy,no,,,,,,\n3,,sad,yes,middle,middle,middle,middle,yes,jobs\n');
fs.writeFileSync(path.join(files, 'not-answers.db'), 'These are my notes, not a kiosk file.\n'.repeat(20));
const expected = { all: { happy: 3 + 3 + 2, middle: 3 + 2, sad: 3 + 2 + 1 }, march: { happy: 3, middle: 3, sad: 3 } };

// The bundled surveys, as an engagement officer would have them in the team's surveys folder.
fs.mkdirSync(path.join(folder, 'surveys'));
for (const name of ['board-event', 'easy-to-understand'])
  fs.copyFileSync(path.join(source, 'templates/surveys', `${name}.md`), path.join(folder, 'surveys', `${name}.md`));
const studio = await startStudio(easyread, folder);
const { browser, page, problems } = await openBrowser();
const { screen, violations: axeViolations, count: shots } = screensIn(page, screens);
const until = (fn, arg, timeout) => untilIn(page, fn, arg, timeout);
const step = (name) => console.log(`- ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

// The bars of one question on the page, by answer words: { Happy: 8, ... }.
async function bars(question) {
  return page.evaluate((words) => {
    const h = [...document.querySelectorAll('#report h4.question')].find((x) => x.textContent.includes(words));
    let n = h?.nextElementSibling;
    while (n && !n.querySelector?.('table.chart')) n = n.nextElementSibling;
    const out = {};
    for (const tr of n ? n.querySelectorAll('tbody tr') : []) out[tr.querySelector('th').textContent] = tr.querySelector('.count').textContent;
    return out;
  }, question);
}
const numberWords = { 1: 'one', 2: 'two', 3: 'three', 4: 'four', 5: 'five', 6: 'six', 7: 'seven', 8: 'eight', 9: 'nine' };
const said = (n) => [String(n), numberWords[n]];

async function upload(file, event, date) {
  await page.setInputFiles('#board-file', path.join(files, file));
  if (event) await page.fill('#paper-event', event);
  if (date) await page.fill('#paper-date', date);
  await page.click('#board-upload button[type=submit]');
  await until((f) => { const m = document.getElementById('board-message'); return m.dataset.kind !== 'info' && m.textContent.includes(f); }, file);
  return page.evaluate(() => ({ text: document.getElementById('board-message').textContent, kind: document.getElementById('board-message').dataset.kind }));
}

async function download(format) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30000 * timeScale }), page.click(`#board-downloads a[data-format="${format}"]`)]);
  const file = path.join(downloads, dl.suggestedFilename());
  await dl.saveAs(file);
  return file;
}
const pdfText = (file) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

try {
  // 1. The board page, nothing uploaded yet: reached from the start screen.
  await page.goto(studio.url);
  await Promise.all([page.waitForURL('**/boards.html'), page.click('a[href="/boards.html"]')]);
  await until(() => document.body?.dataset.ready === '1');
  step('board page');
  await screen('board-empty');

  // 2. Two kiosks' files and the paper forms; a file that is not one is refused in words.
  for (const f of ['kiosk-march.db', 'kiosk-may.db']) {
    const r = await upload(f);
    assert.equal(r.kind, 'done', r.text);
  }
  const refused = await upload('not-answers.db');
  assert.equal(refused.kind, 'error');
  assert.match(refused.text, /not an SQLite database/);
  await screen('refused');
  const paper = await upload('paper-may.csv', 'May meeting', '2026-05-14');
  assert.equal(paper.kind, 'done', paper.text);
  assert.equal(await page.locator('#board-files li').count(), 3);
  const kept = fs.readdirSync(path.join(folder, '.easyread-boards', 'kiosk'));
  assert.deepEqual(kept.sort(), ['kiosk-march.db', 'kiosk-may.db']);
  for (const f of kept) assert.equal(fs.statSync(path.join(folder, '.easyread-boards', 'kiosk', f)).mode & 0o222, 0, 'kept read-only');
  assert.deepEqual(fs.readdirSync(folder).sort(), ['.easyread-boards', 'surveys'], 'nothing beside the documents');
  step('uploaded two kiosk files and a paper CSV; a notes file refused');

  // 3. The report: the page's numbers are the ones the arguments made.
  await until(() => document.getElementById('report').textContent.includes('paper-may.db'));
  const all = await bars('Did you like the meeting today?');
  for (const [label, key] of [['Happy', 'happy'], ['In the middle', 'middle'], ['Sad', 'sad']])
    assert.ok(said(expected.all[key]).includes(all[label]), `${label}: ${all[label]} on the page, ${expected.all[key]} given`);
  const reportText = await page.textContent('#report');
  assert.ok(!reportText.includes(PHONE), 'the phone number is masked on screen');
  assert.match(reportText, /\[phone number\]/);
  await page.evaluate(() => { document.getElementById('panel-report').scrollTop = 0; });
  await screen('report');
  await page.evaluate(() => { const h = [...document.querySelectorAll('#report h4.question')][0]; h.scrollIntoView(); });
  await screen('report-chart');
  step('report shown, numbers as given, phone number masked');

  // 4. Only the March meeting; the report of every event asked for just
  // before, answered late (a slow server), is not shown over it.
  const lateReport = await holdAnswer(page, '**/api/board/report*', (r) => !r.url().includes('March'));
  await page.click('#board-filter button[type=submit]');
  await lateReport.asked();
  await page.selectOption('#filter-event', 'March meeting');
  await page.click('#board-filter button[type=submit]');
  await until(() => document.getElementById('report').textContent.includes('March') && !document.getElementById('report').textContent.includes('May meeting'));
  await lateReport.release();
  await page.waitForTimeout(500);
  assert.ok(!(await page.textContent('#report')).includes('May meeting'), 'a late report of every event is not shown under the March filter');
  const march = await bars('Did you like the meeting today?');
  assert.ok(said(expected.march.happy).includes(march.Happy), `March happy: ${march.Happy}`);
  await screen('report-march');
  await page.selectOption('#filter-event', '');
  await page.click('#board-filter button[type=submit]');
  await until(() => document.getElementById('report').textContent.includes('May meeting'));
  step('filtered by event');

  // 5. "You said, we did": the board's actions, by keyboard into the form.
  await page.click('#tab-actions');
  await page.waitForSelector('#action-questions fieldset');
  await page.fill('#a-organisation', 'Millbrook Learning Disability Partnership Board');
  await page.fill('#a-what-meeting', 'We will hold the next meeting in a bigger room with more breaks.');
  await page.fill('#a-who-meeting', 'Sam Patel, board chair');
  await page.fill('#a-when-meeting', 'September 2026');
  await page.fill('#a-what-hear', 'We will buy two microphones.');
  await page.click('#actions-form button[type=submit]');
  await until(() => document.getElementById('actions-state').dataset.kind === 'saved');
  assert.match(await page.textContent('#a-warn-hear'), /who will do it/, 'an action with no one named is pointed out at its question');
  const actions = fs.readFileSync(path.join(folder, '.easyread-boards', 'actions.md'), 'utf8');
  assert.match(actions, /## meeting\n\nWe will hold the next meeting in a bigger room with more breaks\.\n\n- Who: Sam Patel, board chair\n- By when: September 2026\n/);
  await screen('actions');
  step('actions written and saved');

  // 6. Every download, read back.
  await page.click('#tab-report');
  await until(() => document.getElementById('report').textContent.includes('bigger room'));
  const got = {};
  for (const f of ['pdf', 'html', 'easy-pdf', 'easy-html', 'easy-md', 'csv', 'json']) got[f] = await download(f);
  const board = pdfText(got.pdf);
  assert.match(board, /March meeting/);
  assert.match(board, /Made from 3 answers files: kiosk-march\.db \(9 people\), kiosk-may\.db \(7 people\) and paper-may\.db \(3 people\)/,
    'the files are named as the board knows them, not by where the server keeps them');
  assert.match(board, /bigger room/);
  assert.ok(!board.includes(PHONE));
  assert.match(fs.readFileSync(got.html, 'utf8'), /Sam Patel, board chair/);
  assert.match(path.basename(got['easy-pdf']), /you-said-we-did\.pdf/);
  const easy = pdfText(got['easy-pdf']);
  assert.match(easy, /bigger room/);
  assert.match(fs.readFileSync(got['easy-html'], 'utf8'), /microphones/);
  assert.match(fs.readFileSync(got['easy-md'], 'utf8'), /bigger room/);
  const rows = fs.readFileSync(got.csv, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).map((l) => l.split(','));
  const col = rows[0].indexOf('question_id'), ans = rows[0].indexOf('answer');
  const count = (v) => rows.filter((r) => r[col] === 'meeting' && r[ans] === v).length;
  for (const key of ['happy', 'middle', 'sad']) assert.equal(count(key), expected.all[key], `CSV ${key}`);
  const json = JSON.parse(fs.readFileSync(got.json, 'utf8'));
  assert.equal(JSON.stringify(json).includes(PHONE), false, 'the JSON is masked too');
  step(`downloaded and read back: ${Object.values(got).map((f) => path.basename(f)).join(', ')}`);

  // 7. Safeguarding: the comments as typed, on request.
  await page.click('#show-unmasked');
  await page.waitForSelector('#unmasked:not([hidden])');
  assert.ok((await page.textContent('#unmasked-list')).includes(PHONE));
  await screen('unmasked');
  await page.click('#hide-unmasked');
  step('comments as typed shown on request, then hidden');

  // 8. A kiosk survey written with the form, its screens as the kiosk makes them.
  await Promise.all([page.waitForURL('**/surveys.html'), page.click('a[href="/surveys.html"]')]);
  await until(() => document.body?.dataset.ready === '1');
  await page.fill('#new-survey-title', 'Our day out');
  await page.click('#new-survey button[type=submit]');
  await page.fill('#q0-text', 'Did you like the trip?');
  // Its picture chosen as in the document studio: the matcher's suggestions, or a search of the bank.
  await page.click('#q0-card button.pick');
  await page.waitForSelector('#picture-dialog[open] #picture-results button');
  await page.fill('#picture-q', 'bus');
  await page.press('#picture-q', 'Enter');
  await until(() => [...document.querySelectorAll('#picture-results button')].some((b) => /bus/i.test(b.textContent)));
  const bus = await page.evaluate(() => [...document.querySelectorAll('#picture-results button')].find((b) => /bus/i.test(b.textContent)).dataset.id);
  await screen('picture-chooser');
  await page.click(`#picture-results button[data-id="${bus}"]`);
  await until(() => !document.getElementById('picture-dialog').open);
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('pick')), true, 'the focus goes back to the picture button');
  await page.click('#add-question');
  await page.fill('#q1-text', 'Where should we go next?');
  await page.selectOption('#q1-kind', 'choose-many');
  await page.fill('#q1-a0', 'The seaside');
  await page.click('#q1-card button:has-text("Add an answer")');
  await page.fill('#q1-a1', 'The zoo');
  await page.check('#q1-a1-neg');
  await until(() => document.querySelectorAll('#screens .kscreen').length === 8 && document.getElementById('screens').textContent.includes('The zoo'));
  await page.click('#survey-form button[type=submit]');
  await until(() => document.getElementById('survey-state').dataset.kind === 'saved');
  const saved = fs.readFileSync(path.join(folder, 'surveys', 'our-day-out.md'), 'utf8');
  assert.match(saved, /## Where should we go next\? \{#where-should-we-go-next type=choose-many\}/);
  assert.ok(saved.includes(`## Did you like the trip? {#did-you-like-the-trip picture=${bus}}`), 'the chosen picture is in the file');
  assert.match(saved, /^- The zoo \{#the-zoo negative=yes\}$/m);
  await screen('survey');
  await page.evaluate(() => { const s = document.querySelectorAll('#screens .kscreen-item')[4]; s.scrollIntoView(); });
  await screen('survey-screens');
  // A change to a saved question raises the version.
  await page.fill('#q0-text', 'Did you enjoy the trip?');
  await page.click('#survey-form button[type=submit]');
  await until(() => document.getElementById('survey-state').textContent === 'Saved as version 2');
  assert.match(fs.readFileSync(path.join(folder, 'surveys', 'our-day-out.md'), 'utf8'), /version: 2/);
  step('survey written, its kiosk screens shown, version raised on a change');

  // A check answered late (a slow server) never draws its screens over the
  // survey opened since: the change above is checked, its answer held back
  // until board-event is open and drawn, then let through.
  const late = await holdAnswer(page, '**/api/survey/check*', (r) => r.postData().includes('id: our-day-out'));
  await page.fill('#q0-text', 'Did you enjoy our trip?');
  await late.asked();
  await page.evaluate(() => [...document.querySelectorAll('#survey-list button')].find((b) => b.textContent === 'board-event').click());
  await until(() => document.getElementById('s-id').value === 'board-event');
  const boardScreens = (await page.locator('#questions > li').count()) + 6;
  await until((n) => document.querySelectorAll('#screens .kscreen').length === n, boardScreens);
  await late.release();
  await page.waitForTimeout(500);
  assert.equal(await page.locator('#screens .kscreen').count(), boardScreens, 'a late check of the survey shown before draws nothing');

  // 9. The bundled surveys read into the form and written back by it ask the
  // same: saving them unchanged raises no version (the server compares the
  // kiosk's parse of the written file with the file's own).
  for (const name of ['board-event', 'easy-to-understand']) {
    await page.evaluate((n) => [...document.querySelectorAll('#survey-list button')].find((b) => b.textContent === n).click(), name);
    await until((n) => document.getElementById('s-id').value === n, name);
    const questions = await page.locator('#questions > li').count();
    await until((n) => document.querySelectorAll('#screens .kscreen').length === n, questions + 6);
    await page.click('#survey-form button[type=submit]');
    await until(() => ['saved', 'error'].includes(document.getElementById('survey-state').dataset.kind));
    assert.equal(await page.textContent('#survey-state'), 'Saved', `${name}: written back by the form, the same survey`);
    assert.match(fs.readFileSync(path.join(folder, 'surveys', `${name}.md`), 'utf8'), /^version: 1$/m);
  }
  step('the bundled surveys written back by the form unchanged');

  // 10. At 200 % zoom on a 1366x768 screen: one column, nothing cut off.
  await page.setViewportSize({ width: 683, height: 384 });
  await page.goto(`${studio.url}boards.html`);
  await until(() => document.body?.dataset.ready === '1' && document.getElementById('report').dataset.loaded);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no sideways scrolling at 200 %');
  await page.evaluate(() => document.getElementById('report').scrollIntoView());
  await screen('board-zoom-200');
  step('the board page at 200 % zoom');
} finally {
  await stop(browser, studio);
}
assertClean(problems, axeViolations);
console.log(`board journey passed in ${((Date.now() - started) / 1000).toFixed(1)} s: ${shots()} screens in ${screens}`);
