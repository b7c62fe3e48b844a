// What a browser test of the studio needs: the studio started as a person
// starts it, Debian's Chromium at 1366x768, polling the page (the studio's
// policy forbids the eval waitForFunction needs), and a screenshot of each
// screen checked by axe-core.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);

// The studio as a person starts it, in one of two modes:
//   'single': `easyread studio DIR --port 0`, the documents in DIR;
//   'team':   `easyread studio --team DIR --listen 127.0.0.1:0`, the documents
//             in DIR/documents (documents put there before the start are the team's).
// Resolves with { child, url (ending in /), easyread, mode, dir, documents }.
export const MODES = ['single', 'team'];
export const documentsOf = (dir, mode) => (mode === 'team' ? path.join(dir, 'documents') : dir);
export function startStudio(easyread, dir, mode = 'single') {
  if (!MODES.includes(mode)) throw new Error(`the mode is one of ${MODES.join(', ')}, not "${mode}"`);
  const args = mode === 'team' ? ['studio', '--team', dir, '--listen', '127.0.0.1:0'] : ['studio', dir, '--port', '0', '--no-open'];
  return new Promise((resolve, reject) => {
    const child = spawn(easyread, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve({ child, url: m[1], easyread, mode, dir, documents: documentsOf(dir, mode) });
    });
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('exit', (code) => reject(new Error(`the studio ended (${code}) before it served: ${out}`)));
  });
}

// kill -9, then the same studio again (a new port; in team mode everyone signs in again).
export async function restartStudio(studio) {
  studio.child.kill('SIGKILL');
  await new Promise((r) => studio.child.once('exit', r));
  return startStudio(studio.easyread, studio.dir, studio.mode);
}

// Team mode: `easyread studio --team DIR --add-user NAME --role ROLE` and the setup link it prints.
export function setupLink(studio, name, role) {
  const out = execFileSync(studio.easyread, ['studio', '--team', studio.dir, '--add-user', name, '--role', role, '--url', studio.url.replace(/\/$/, '')],
    { encoding: 'utf8' });
  const m = /(http:\/\/\S+\/setup\.html#user=\S+&token=[0-9a-f]{64})/.exec(out);
  if (!m) throw new Error(`no setup link in: ${out}`);
  return m[1];
}

// The person a journey signs in as in team mode: an editor, who owns only
// what they make (the documents put in the folder by hand are the team's).
export const EDITOR = { name: 'eve', role: 'editor', password: 'Kites over the harbour wall 4' };

// Team mode: the account made and its password chosen on the setup page,
// then signed in through the sign-in page, which "/" sends a stranger to.
// Does nothing for the single-user studio.
export async function signInFirst(page, studio, who = EDITOR) {
  if (studio.mode !== 'team') return;
  await page.goto(setupLink(studio, who.name, who.role));
  for (const id of ['#setup-password', '#setup-again']) await page.fill(id, who.password);
  await page.click('#setup-form button[type=submit]');
  await until(page, () => !document.getElementById('setup-message').hidden && !/…/.test(document.getElementById('setup-message').textContent));
  const said = await page.textContent('#setup-message');
  if (!/saved/i.test(said)) throw new Error(`the setup page refused ${who.name}'s password: ${said}`);
  await page.goto(studio.url);
  await signInIfAsked(page, studio, who);
}

// Team mode: when the page was sent to the sign-in page (a restarted studio
// forgets every session), signs in there and waits for the page it comes back to.
export async function signInIfAsked(page, studio, who = EDITOR) {
  if (studio.mode !== 'team' || !/\/login\.html/.test(page.url())) return;
  await page.waitForSelector('#login-form');
  await page.fill('#login-user', who.name);
  await page.fill('#login-password', who.password);
  await page.press('#login-password', 'Enter');
  await page.waitForURL((u) => !u.pathname.endsWith('/login.html'), { timeout: 15000 * timeScale });
  await page.waitForSelector('#who:not([hidden])', { timeout: 15000 * timeScale });
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
  // Said when it happens too, so the log shows which step it came in.
  const problem = (text) => { problems.push(text); console.log(`  problem: ${text}`); };
  page.on('pageerror', (e) => problem(`script error: ${e.message} (${page.url()}) ${(e.stack || '').split('\n').slice(1, 3).join(' ')}`));
  page.on('console', (m) => { if (m.type() === 'error' && !/4\d\d|Failed to load resource/.test(m.text())) problem(`console: ${m.text()}`); });
  page.on('dialog', (d) => { problem(`a dialog opened: ${d.message()}`); d.dismiss(); });
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

// A server answering late: the first request to `pattern` that `held(request)`
// chooses is sent on, but its answer is held back until release(); others
// pass. asked() waits until such a request was made.
export async function holdAnswer(page, pattern, held) {
  let release = null;
  await page.route(pattern, async (route) => {
    if (release || !held(route.request())) return route.continue();
    const response = await route.fetch();
    release = async () => {
      await route.fulfill({ response });
      await page.unroute(pattern);
    };
  });
  return {
    async asked() {
      for (const end = Date.now() + 15000 * timeScale; !release && Date.now() < end;) await new Promise((r) => setTimeout(r, 50));
      if (!release) throw new Error(`no request to ${pattern} was held`);
    },
    release: () => release(),
  };
}

// screen(name): a numbered screenshot in `folder`, and axe-core's WCAG 2.2 AA
// and best-practice rules run on it (on the part `within` names, a CSS
// selector, when given); `violations` collects what they find.
export function screens(page, folder) {
  const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const violations = [];
  let shot = 0;
  async function screen(name, within = null) {
    await page.waitForTimeout(100);
    const file = path.join(folder, `${String(++shot).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file });
    // Through the debugger, not a script tag: the studio's policy rightly blocks inline scripts.
    if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(axeSource);
    const result = await page.evaluate((part) => axe.run(part || document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    }), within);
    for (const v of result.violations)
      violations.push(`${name}: ${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
    console.log(`  screen ${path.basename(file)}: axe ${result.violations.length} violations${within ? ` (${within})` : ''}`);
  }
  return { screen, violations, count: () => shot };
}

// The end of a browser test, passed or not: the browser closed, the studio stopped.
export async function stop(browser, studio) {
  await browser.close();
  studio.child.kill('SIGKILL');
}

// After it: no script errors or dialogs on the way, and axe-core found nothing on any screen.
export function assertClean(problems, violations) {
  for (const v of violations) console.log(`axe: ${v}`);
  if (problems.length) throw new Error(`script errors or dialogs: ${problems.join(' | ')}`);
  if (violations.length) throw new Error(`axe-core: ${violations.length} violations (listed above)`);
}
