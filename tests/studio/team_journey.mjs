// Team mode in Debian's Chromium, as a council's admin and an editor meet
// it: the admin's setup link from `easyread studio --add-user`, a common
// password refused, the sign-in page (a wrong password, then the right one
// by keyboard), the People page making an editor's link, a document written
// and saved, sign-out; the editor signs in and does not see the admin's
// private document. Every screen is screenshotted and checked by axe-core.
// usage: node team_journey.mjs EASYREAD_BINARY WORK_FOLDER
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { startStudio, setupLink as linkFor, openBrowser, screens as screensOf, until, stop, assertClean } from './browser_kit.mjs';

const [easyread, work] = process.argv.slice(2);
const team = path.join(work, 'team-journey');
const screens = path.join(work, 'team-screens');
fs.rmSync(team, { recursive: true, force: true });
fs.rmSync(screens, { recursive: true, force: true });
fs.mkdirSync(screens, { recursive: true });

const studio = await startStudio(easyread, team, 'team');
const url = studio.url.replace(/\/$/, '');
const setupLink = (name, role) => linkFor(studio, name, role);

const { browser, page: admin, problems } = await openBrowser();
const adminScreens = screensOf(admin, screens);
let editorScreens = { violations: [], count: () => 0 };
// The editor in a browser context of its own (its own cookies).
async function secondPage() {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('dialog', (d) => { problems.push(`a dialog opened: ${d.message()}`); d.dismiss(); });
  return page;
}
const message = (page, id) => page.$eval(`#${id}`, (e) => (e.hidden ? '' : e.textContent));

try {
  // 1. The admin's setup link: a common password is refused, then one of their own.
  await admin.goto(setupLink('ann', 'admin'));
  assert.equal(await admin.textContent('#setup-user'), 'ann');
  await adminScreens.screen('setup');
  await admin.fill('#setup-password', 'password123');
  await admin.fill('#setup-again', 'password123');
  await admin.click('button[type=submit]');
  await until(admin, () => /common/i.test(document.getElementById('setup-message').textContent));
  await adminScreens.screen('setup-refused');
  await admin.fill('#setup-password', 'Kettle on the windowsill 7');
  await admin.fill('#setup-again', 'Kettle on the windowsill 7');
  await admin.press('#setup-again', 'Enter');
  await until(admin, () => /saved/i.test(document.getElementById('setup-message').textContent));
  assert.ok(!admin.url().includes('token='), 'the token leaves the address bar');
  await adminScreens.screen('setup-done');

  // 2. Sign in: the page itself sends there; a wrong password, then the right one, by keyboard.
  await admin.goto(`${url}/`);
  assert.match(admin.url(), /\/login\.html$/);
  assert.equal(await admin.evaluate(() => document.activeElement.id), 'login-user');
  await admin.keyboard.type('ann');
  await admin.keyboard.press('Tab');
  await admin.keyboard.type('not my password at all');
  await admin.keyboard.press('Enter');
  await until(admin, () => /do not match/i.test(document.getElementById('login-message').textContent));
  await adminScreens.screen('login-wrong');
  await admin.fill('#login-password', 'Kettle on the windowsill 7');
  await admin.keyboard.press('Enter');
  await admin.waitForURL(`${url}/`);
  await admin.waitForSelector('#who:not([hidden])');
  assert.equal(await admin.textContent('#who'), 'ann (admin)');
  const cookies = await admin.context().cookies();
  const session = cookies.find((c) => c.name === 'easyread_session');
  assert.ok(session && session.httpOnly && session.sameSite === 'Strict', 'the session cookie is HttpOnly and SameSite=Strict');
  assert.equal(await admin.evaluate(() => document.cookie), '', 'the page\'s script cannot read the session');
  await adminScreens.screen('signed-in');

  // 3. The People page: a link for an editor.
  await admin.click('#link-users');
  await admin.waitForSelector('#users-body tr');
  await admin.fill('#invite-user', 'ed');
  await admin.selectOption('#invite-role', 'editor');
  await admin.click('#invite-form button[type=submit]');
  await until(admin, () => /setup\.html#user=ed&token=/.test(document.getElementById('users-message').textContent));
  const edLink = /(http:\S+token=[0-9a-f]{64})/.exec(await message(admin, 'users-message'))[1];
  await until(admin, () => document.querySelectorAll('#users-body tr').length === 2);
  await adminScreens.screen('people');

  // 4. A document of the admin's own, written and saved.
  await admin.goto(`${url}/`);
  await admin.fill('#new-title', 'Budget notes');
  await admin.click('#new-form button[type=submit]');
  await admin.waitForSelector('#workspace:not([hidden])');
  await admin.click('#add-words-end');
  await admin.keyboard.type('Only the admin sees this yet.');
  await until(admin, () => document.getElementById('save-state').textContent === 'Saved');
  const saved = fs.readdirSync(path.join(team, 'documents')).filter((f) => f.endsWith('.md'));
  assert.deepEqual(saved, ['budget-notes.md']);
  assert.ok(fs.readFileSync(path.join(team, 'documents', 'budget-notes.md'), 'utf8').includes('Only the admin sees this yet.'));
  await adminScreens.screen('document-saved');

  // Its versions: shared with the team and back; the first version brought back as a new save.
  await admin.click('#versions summary');
  await until(admin, () => document.querySelectorAll('#version-list li').length >= 2);
  await admin.check('#share-team');
  await until(admin, () => /whole team can open it now/.test(document.getElementById('versions-message').textContent));
  await adminScreens.screen('versions');
  await admin.uncheck('#share-team');
  await until(admin, () => /Only you/.test(document.getElementById('versions-message').textContent));
  const owners = fs.readFileSync(path.join(team, 'owners.tsv'), 'utf8');
  assert.equal(owners, 'budget-notes.md\tann\town\n');
  await (await admin.$$('#version-list li button')).at(-1).click();
  await until(admin, () => document.getElementById('save-state').textContent === 'Saved' && !document.getElementById('versions').open);
  await admin.waitForTimeout(300);
  assert.ok(!fs.readFileSync(path.join(team, 'documents', 'budget-notes.md'), 'utf8').includes('Only the admin sees this yet.'),
    'the first version is back on disk');
  assert.ok(!(await admin.isVisible('#difference')), 'no difference shown for the page\'s own restore');
  await admin.click('#btn-signout');
  await admin.waitForURL(/\/login\.html$/);
  await admin.goto(`${url}/`);
  assert.match(admin.url(), /\/login\.html$/, 'signed out for good');

  // 5. The editor: their own link, then signed in; the admin's document is not theirs to see.
  const editor = await secondPage();
  editorScreens = screensOf(editor, screens);
  await editor.goto(edLink);
  await editor.fill('#setup-password', 'Blue bicycles at noon 3');
  await editor.fill('#setup-again', 'Blue bicycles at noon 3');
  await editor.click('button[type=submit]');
  await until(editor, () => /saved/i.test(document.getElementById('setup-message').textContent));
  await editor.goto(`${url}/login.html`);
  await editor.fill('#login-user', 'ed');
  await editor.fill('#login-password', 'Blue bicycles at noon 3');
  await editor.click('#login-form button[type=submit]');
  await editor.waitForSelector('#who:not([hidden])');
  assert.equal(await editor.textContent('#who'), 'ed (editor)');
  assert.ok(await editor.isHidden('#link-users'), 'no People link for an editor');
  await editor.waitForTimeout(300);
  assert.ok(!(await editor.textContent('#doc-list')).includes('budget-notes'), 'the admin\'s private document is not listed');
  await editorScreens.screen('editor-start');

  // 6. Every line of the audit log is JSON; sign-ins, the failure and the save are there.
  const audit = fs.readFileSync(path.join(team, 'audit.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const has = (user, action) => audit.some((a) => a.user === user && a.action === action);
  assert.ok(has('ann', 'sign in') && has('ann', 'sign-in failed') && has('ann', 'PUT /api/doc') && has('ed', 'sign in'));
} finally {
  await stop(browser, studio);
}
assertClean(problems, [...adminScreens.violations, ...editorScreens.violations]);
console.log(`team journey: ${adminScreens.count() + editorScreens.count()} screens, 0 axe violations`);
