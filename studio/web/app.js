// The studio's page: the start screen, the open document (text, details,
// saving, undo), live updates from the server, and the wiring of the panels.
import * as ed from './editor.js';
import * as panels from './panels.js';

const $ = (id) => document.getElementById(id);
const HEADERS = { 'X-Easyread-Studio': '1' };

const state = {
  name: null,        // the open document's file name
  version: null,     // the version on disk this page's text is based on
  doc: null,         // { front, hasFront, body, bodyOffset }
  savedText: null,   // the whole text last known on disk
  saving: false,
  dirty: false,
  firstDirty: 0,
  timer: 0,
  events: null,
  history: new ed.History(),
  pages: null,       // the last "pages" message
  check: null,       // the last "check" message
  pictureLine: -1,   // body line (0-based) the Pictures panel is for
  other: null,       // { version, text } of a change made somewhere else
  hasSource: false,
};

// ---- talking to the studio ----

async function api(method, path, body, headers = {}) {
  const r = await fetch(path, { method, headers: { ...HEADERS, ...headers }, body });
  let data = null;
  try { data = await r.json(); } catch { data = { error: 'the studio did not answer clearly' }; }
  return { ok: r.ok, status: r.status, data };
}

function q(params) {
  return Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

// ---- start screen ----

async function showStart(message) {
  closeDocument();
  $('workspace').hidden = true;
  $('start').hidden = false;
  $('doc-actions').hidden = true;
  $('doc-title').textContent = 'Your documents';
  setSaveState('', '');
  document.title = 'easyread studio';
  const box = $('start-message');
  box.hidden = !message;
  box.textContent = message || '';
  const r = await api('GET', '/api/files');
  if (!r.ok) return startMessage(r.data.error);
  panels.fileList($('doc-list'), r.data.documents, (f) => `Open ${f.name}`, (f) => openDocument(f.name));
  $('no-docs').hidden = r.data.documents.length > 0;
  panels.fileList($('source-list'), r.data.sources, (f) => `Make a first draft from ${f.name}`, (f) => makeDraft(f.name));
  $('no-sources').hidden = r.data.sources.length > 0;
  const choices = $('template-choices');
  if (!choices.children.length) {
    r.data.templates.forEach((t, i) => {
      const id = `tpl-${t}`;
      const wrap = document.createElement('div');
      wrap.className = 'choice';
      const input = Object.assign(document.createElement('input'), { type: 'radio', name: 'template', value: t, id, checked: i === 0 });
      const label = Object.assign(document.createElement('label'), { htmlFor: id, textContent: t[0].toUpperCase() + t.slice(1) });
      wrap.append(input, label);
      choices.append(wrap);
    });
  }
  state.logos = r.data.logos;
}

function startMessage(text) {
  const box = $('start-message');
  box.textContent = text;
  box.hidden = !text;
}

async function makeDraft(source) {
  startMessage(`Making a first draft from ${source}…`);
  const r = await api('POST', '/api/draft?' + q({ source }));
  if (!r.ok) return startMessage(`The draft could not be made: ${r.data.error}.`);
  openDocument(r.data.name, 'source');
}

$('new-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const template = document.querySelector('input[name=template]:checked');
  const r = await api('POST', '/api/new?' + q({ title: $('new-title').value, template: template ? template.value : 'strategy' }));
  if (!r.ok) return startMessage(`The document could not be made: ${r.data.error}.`);
  openDocument(r.data.name);
});

$('paste-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const r = await api('POST', '/api/new?' + q({ title: $('paste-title').value }), $('paste-text').value, { 'Content-Type': 'text/plain' });
  if (!r.ok) return startMessage(`The document could not be made: ${r.data.error}.`);
  openDocument(r.data.name);
});

$('upload-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const file = $('upload-file').files[0];
  if (!file) return;
  const form = new FormData();
  form.append('file', file);
  startMessage(`Uploading ${file.name}…`);
  const r = await api('POST', '/api/upload', form);
  if (!r.ok) return startMessage(`${file.name} could not be used: ${r.data.error}.`);
  if (r.data.kind === 'document') return openDocument(r.data.name);
  await showStart(`${r.data.name} is uploaded. Make a first draft from it below.`);
  const button = [...$('source-list').querySelectorAll('button')].find((b) => b.textContent.endsWith(r.data.name));
  if (button) button.focus();
});

// ---- the open document ----

async function openDocument(name, rightTab) {
  const r = await api('GET', '/api/doc?' + q({ name }));
  if (!r.ok) return showStart(`${name} could not be opened: ${r.data.error}.`);
  closeDocument();
  state.name = name;
  state.version = r.data.version;
  state.savedText = r.data.text;
  state.doc = ed.splitDocument(r.data.text);
  state.history = new ed.History();
  state.pages = state.check = null;
  state.other = null;
  $('difference').hidden = true;
  $('start').hidden = true;
  $('workspace').hidden = false;
  $('doc-actions').hidden = false;
  $('text').value = state.doc.body;
  $('pages').replaceChildren();
  $('pages-state').textContent = 'Making the pages…';
  $('pages-state').hidden = false;
  showTitle();
  fillDetails();
  setSaveState('Saved', 'saved');
  location.hash = 'doc=' + encodeURIComponent(name);
  for (const a of $('export-list').querySelectorAll('a'))
    a.href = '/api/export?' + q({ doc: name, format: a.dataset.format });
  listen();
  checkSource(rightTab === 'source');
  selectTab('left-tabs', 'tab-text');
  $('text').focus();
  $('text').setSelectionRange(0, 0);
  $('text').scrollTop = 0;
}

function closeDocument() {
  if (state.events) state.events.close();
  state.events = null;
  state.name = null;
}

function showTitle() {
  const title = ed.frontValue(state.doc, 'title') || state.name;
  $('doc-title').textContent = title;
  document.title = `${title} - easyread studio`;
}

function fullText() {
  return ed.joinDocument(state.doc);
}

// Server-sent events: pages, check results, and saves from other tabs.
function listen() {
  const source = new EventSource('/api/events?' + q({ doc: state.name }));
  state.events = source;
  source.addEventListener('pages', (e) => {
    state.pages = JSON.parse(e.data);
    panels.pages(state, pageActions);
    syncPages();
  });
  source.addEventListener('check', (e) => {
    state.check = JSON.parse(e.data);
    panels.check(state, checkActions);
    panels.hardWords(state, wordActions);
    panels.pages(state, pageActions);
  });
  source.addEventListener('saved', async (e) => {
    const { version } = JSON.parse(e.data);
    if (state.saving || version === state.version) return;
    // Saved by another tab or program: show the difference, never overwrite.
    const r = await api('GET', '/api/doc?' + q({ name: state.name }));
    if (r.ok && r.data.version !== state.version) showDifference(r.data);
  });
}

// ---- saving: within a second of typing, and "Saved" only once on disk ----

function setSaveState(text, kind) {
  const el = $('save-state');
  el.textContent = text;
  el.dataset.kind = kind;
}

function changed() {
  state.dirty = true;
  if (!state.firstDirty) state.firstDirty = Date.now();
  setSaveState('Saving…', 'saving');
  clearTimeout(state.timer);
  const wait = Date.now() - state.firstDirty > 600 ? 0 : 250;
  state.timer = setTimeout(save, wait);
  showTitle();
}

async function save() {
  if (state.saving || !state.dirty || state.other) return;
  state.saving = true;
  state.dirty = false;
  state.firstDirty = 0;
  const text = fullText();
  const name = state.name;
  let r;
  try {
    r = await api('PUT', '/api/doc?' + q({ name }), text, { 'If-Match': state.version, 'Content-Type': 'text/markdown' });
  } catch {
    r = { ok: false, status: 0, data: { error: 'the studio is not answering' } };
  }
  state.saving = false;
  if (name !== state.name) return;
  if (r.ok) {
    state.version = r.data.version;
    state.savedText = text;
    if (!state.dirty) setSaveState('Saved', 'saved');
    if (state.hasSource) panels.scheduleSource(state, sourceActions);
  } else if (r.status === 409) {
    showDifference(r.data);
  } else {
    state.dirty = true;
    setSaveState(`Not saved: ${r.data.error}. Trying again…`, 'error');
    state.timer = setTimeout(save, 2000);
    return;
  }
  if (state.dirty) save();
}

function showDifference(other) {
  state.other = other;
  clearTimeout(state.timer);
  setSaveState('Not saved: changed somewhere else', 'error');
  const mine = fullText();
  $('difference-text').textContent =
    'Another tab or program saved this document while you were working on it. Lines only in the other version and lines only in yours:';
  panels.difference($('difference-list'), ed.lineDifference(other.text, mine));
  $('difference').hidden = false;
  selectTab('left-tabs', 'tab-text');
  $('keep-mine').focus();
}

$('keep-mine').addEventListener('click', () => {
  state.version = state.other.version;
  state.other = null;
  $('difference').hidden = true;
  state.dirty = true;
  save();
  $('text').focus();
});

$('use-theirs').addEventListener('click', () => {
  recordChange(false);
  state.version = state.other.version;
  state.savedText = state.other.text;
  state.doc = ed.splitDocument(state.other.text);
  state.other = null;
  $('difference').hidden = true;
  $('text').value = state.doc.body;
  fillDetails();
  showTitle();
  setSaveState('Saved', 'saved');
  $('text').focus();
});

// Closing the tab: whatever is not saved yet goes in one last request.
window.addEventListener('pagehide', () => {
  if (!state.name || !(state.dirty || state.saving) || state.other) return;
  fetch('/api/doc?' + q({ name: state.name }), {
    method: 'PUT', keepalive: true, body: fullText(),
    headers: { ...HEADERS, 'If-Match': state.version, 'Content-Type': 'text/markdown' },
  });
});

// ---- the text, its tools and undo ----

function snapshot() {
  const t = $('text');
  return { text: fullText(), start: t.selectionStart, end: t.selectionEnd };
}

function recordChange(merge) {
  state.history.record(snapshot(), merge);
}

function restore(s) {
  state.doc = ed.splitDocument(s.text);
  $('text').value = state.doc.body;
  $('text').setSelectionRange(s.start, s.end);
  fillDetails();
  changed();
}

// Replaces the body (after recording it for undo) and keeps the cursor.
function setBody(body, start, end) {
  recordChange(false);
  state.doc.body = body;
  const t = $('text');
  t.value = body;
  if (start !== undefined) t.setSelectionRange(start, end ?? start);
  changed();
}

// Replaces the whole file's text (fixes touch the details too).
function setWhole(text, line) {
  recordChange(false);
  state.doc = ed.splitDocument(text);
  $('text').value = state.doc.body;
  fillDetails();
  changed();
  if (line) goToLine(line);
}

const text = $('text');
text.addEventListener('beforeinput', () => recordChange(true));
text.addEventListener('input', () => {
  state.doc.body = text.value;
  changed();
});
text.addEventListener('keydown', (e) => {
  const key = e.key.toLowerCase();
  if ((e.ctrlKey || e.metaKey) && key === 'z' && !e.shiftKey) { e.preventDefault(); undo(); }
  else if ((e.ctrlKey || e.metaKey) && (key === 'y' || (key === 'z' && e.shiftKey))) { e.preventDefault(); redo(); }
  else if ((e.ctrlKey || e.metaKey) && key === 'b') { e.preventDefault(); hardWord(); }
});
for (const ev of ['keyup', 'click', 'focus']) text.addEventListener(ev, () => syncPages());

function undo() {
  const s = state.history.undo(snapshot());
  if (s) restore(s);
  text.focus();
}

function redo() {
  const s = state.history.redo(snapshot());
  if (s) restore(s);
  text.focus();
}

function applyTool(result) {
  setBody(result.text, result.start, result.end);
  text.focus();
}

function hardWord() {
  applyTool(ed.toggleHardWord(text.value, text.selectionStart, text.selectionEnd));
}

$('tool-heading').addEventListener('click', () => applyTool(ed.toggleHeading(text.value, text.selectionStart)));
$('tool-list').addEventListener('click', () => applyTool(ed.toggleList(text.value, text.selectionStart, text.selectionEnd)));
$('tool-hard').addEventListener('click', hardWord);
$('tool-undo').addEventListener('click', undo);
$('tool-redo').addEventListener('click', redo);
$('tool-picture').addEventListener('click', () => openPictures(ed.lineAt(text.value, text.selectionStart)));
$('tool-listen').addEventListener('click', () => {
  const line = ed.lineAt(text.value, text.selectionStart) + 1 + state.doc.bodyOffset;
  play('/api/listen?' + q({ doc: state.name, line }), 'this part');
});
$('btn-listen-page').addEventListener('click', () => {
  const page = currentPage();
  play('/api/listen?' + q({ doc: state.name, page: Math.max(0, page) }), `page ${page + 1}`);
});
$('btn-home').addEventListener('click', () => {
  location.hash = '';
  showStart();
});
$('btn-check').addEventListener('click', () => selectTab('left-tabs', 'tab-check', true));

// Puts the cursor on a line of the whole file (1-based), or opens the details for the front matter.
function goToLine(fileLine) {
  const bodyLine = fileLine - 1 - state.doc.bodyOffset;
  if (bodyLine < 0) return selectTab('left-tabs', 'tab-details', true);
  selectTab('left-tabs', 'tab-text');
  const start = ed.lineStart(text.value, bodyLine);
  const end = text.value.indexOf('\n', start) < 0 ? text.value.length : text.value.indexOf('\n', start);
  text.focus();
  text.setSelectionRange(start, end);
  // Scroll the line into view: the share of lines before it.
  const lines = text.value.split('\n').length;
  text.scrollTop = Math.max(0, (bodyLine / lines) * text.scrollHeight - text.clientHeight / 3);
  syncPages();
}

// The page showing the cursor's part, from the last pages message.
function currentPage() {
  if (!state.pages) return 0;
  const fileLine = ed.lineAt(text.value, text.selectionStart) + 1 + state.doc.bodyOffset;
  let page = 0;
  for (const b of state.pages.blocks) {
    if (b.line > fileLine) break;
    if (b.page >= 0) page = b.page;
  }
  return page;
}

function syncPages() {
  if (!state.pages) return;
  panels.showCurrentPage(currentPage());
  if (state.hasSource) panels.lightSource(ed.lineAt(text.value, text.selectionStart) + 1 + state.doc.bodyOffset);
}

// ---- Listen ----

function play(url, what) {
  const player = $('player');
  $('player-box').hidden = false;
  player.setAttribute('aria-label', `Listen to ${what}`);
  setSaveState(`Getting the speech for ${what}…`, state.dirty ? 'saving' : 'saved');
  player.src = url;
  player.play().then(() => setSaveState(state.dirty ? 'Saving…' : 'Saved', state.dirty ? 'saving' : 'saved'))
    .catch(() => setSaveState(`The speech for ${what} could not be played`, 'error'));
}
$('player-close').addEventListener('click', () => {
  $('player').pause();
  $('player-box').hidden = true;
  text.focus();
});

// ---- Document details ----

function fillDetails() {
  const logo = $('d-logo');
  const names = (state.logos || []).map((f) => f.name);
  const current = ed.frontValue(state.doc, 'logo');
  if (current && !names.includes(current)) names.push(current);
  logo.replaceChildren(new Option('No logo', ''), ...names.map((n) => new Option(n, n)));
  for (const input of $('details-form').querySelectorAll('[data-key]')) {
    const v = ed.frontValue(state.doc, input.dataset.key);
    if (input.tagName === 'SELECT' && v && ![...input.options].some((o) => o.value === v)) input.add(new Option(v, v));
    input.value = v || (input.dataset.key === 'lang' ? 'en-GB' : '');
  }
}

$('details-form').addEventListener('input', (e) => {
  const key = e.target.dataset.key;
  if (!key) return;
  recordChange(true);
  ed.setFrontValue(state.doc, key, e.target.value);
  changed();
});
$('details-form').addEventListener('submit', (e) => e.preventDefault());

// ---- tabs ----

function selectTab(listId, tabId, focus) {
  for (const tab of $(listId).querySelectorAll('[role=tab]')) {
    const on = tab.id === tabId;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $(tab.getAttribute('aria-controls')).hidden = !on;
    if (on && focus) tab.focus();
  }
  if (tabId === 'tab-source') panels.scheduleSource(state, sourceActions, 0);
  if (tabId === 'tab-details' && state.pages) panels.showCurrentPage(0);  // the details are on the cover
}

for (const list of ['left-tabs', 'right-tabs']) {
  const el = $(list);
  el.addEventListener('click', (e) => {
    const tab = e.target.closest('[role=tab]');
    if (tab) selectTab(list, tab.id);
  });
  el.addEventListener('keydown', (e) => {
    const tabs = [...el.querySelectorAll('[role=tab]')].filter((t) => !t.hidden);
    const i = tabs.indexOf(document.activeElement);
    if (i < 0) return;
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    e.preventDefault();
    selectTab(list, tabs[next].id, true);
  });
}

// ---- Check ----

const checkActions = {
  goTo: (line) => goToLine(line),
  fix: (fix) => {
    const fixed = ed.applyFix(fullText(), fix);
    if (fixed === null) return setSaveState('That fix no longer fits the text: change it by hand', 'error');
    setWhole(fixed, fix.line);
    setSaveState('Fixed. Saving…', 'saving');
  },
};

// ---- Hard words ----

const wordActions = {
  setMeaning: (w, meaning) => {
    const next = ed.setMeaning(fullText(), w.word, w.line, w.explanation, meaning);
    if (next === null) {
      goToLine(w.line);
      return false;
    }
    setWhole(next);
    return true;
  },
  goTo: (line) => goToLine(line),
};

// ---- Pictures ----

const pageActions = {
  choosePicture: (fileLine) => openPictures(fileLine - 1 - state.doc.bodyOffset),
  goTo: (line) => goToLine(line),
  listenPage: (index) => play('/api/listen?' + q({ doc: state.name, page: index }), `page ${index + 1}`),
};

async function openPictures(bodyLine) {
  const range = ed.partRange(text.value, bodyLine);
  selectTab('left-tabs', 'tab-pictures', true);
  if (!range) {
    state.pictureLine = -1;
    $('pic-for').textContent = 'Put the cursor in a part of the text first.';
    $('pic-now').textContent = '';
    $('pic-suggest').replaceChildren();
    return;
  }
  state.pictureLine = range[0];
  const words = ed.partWords(text.value, range[0]);
  $('pic-for').textContent = words;
  const fileLine = range[0] + 1 + state.doc.bodyOffset;
  const block = state.pages && state.pages.blocks.find((b) => b.line === fileLine);
  $('pic-now').textContent = !block ? '' : block.picture
    ? `Now: ${block.picture}${block.reason ? ' (' + block.reason + ')' : ''}.` : 'Now: no picture.';
  const r = await api('GET', '/api/pictures/suggest?' + q({ text: words }));
  panels.pictureList($('pic-suggest'), r.ok ? r.data.pictures : [], choosePicture);
  $('pic-suggest-empty').hidden = r.ok && r.data.pictures.length > 0;
}

function choosePicture(id) {
  if (state.pictureLine < 0) return;
  const line = state.pictureLine;
  const body = ed.setPicture(text.value, line, id);
  const start = ed.lineStart(body, line);
  setBody(body, start);
  setSaveState(id === 'none' ? 'No picture here. Saving…' : `Picture "${id}" chosen. Saving…`, 'saving');
}

$('pic-none').addEventListener('click', () => choosePicture('none'));
$('pic-search-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const r = await api('GET', '/api/pictures/search?' + q({ q: $('pic-search').value }));
  panels.pictureList($('pic-results'), r.ok ? r.data.pictures : [], choosePicture);
});
$('pic-upload-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = new FormData();
  form.append('file', $('pic-file').files[0]);
  const r = await api('POST', '/api/pictures/upload?' + q({ words: $('pic-words').value, credit: $('pic-credit').value }), form);
  if (!r.ok) return setSaveState(`The picture could not be used: ${r.data.error}`, 'error');
  choosePicture(r.data.id);
  $('pic-upload-form').reset();
});

// ---- Source beside a first draft ----

const sourceActions = {
  light: (chunks) => {
    if (!chunks.length) return;
    const first = chunks[0] - 1 - state.doc.bodyOffset, last = chunks[chunks.length - 1] - 1 - state.doc.bodyOffset;
    const start = ed.lineStart(text.value, first);
    const endLine = ed.lineStart(text.value, last);
    const end = text.value.indexOf('\n', endLine) < 0 ? text.value.length : text.value.indexOf('\n', endLine);
    selectTab('left-tabs', 'tab-text');
    text.focus();
    text.setSelectionRange(start, end);
    const lines = text.value.split('\n').length;
    text.scrollTop = Math.max(0, (first / lines) * text.scrollHeight - text.clientHeight / 3);
    syncPages();
  },
};

async function checkSource(show) {
  const r = await api('GET', '/api/compare?' + q({ doc: state.name }));
  state.hasSource = r.ok && !!r.data.source;
  $('tab-source').hidden = !state.hasSource;
  if (state.hasSource) {
    panels.source(state, r.data, sourceActions);
    if (show) selectTab('right-tabs', 'tab-source');
  } else {
    selectTab('right-tabs', 'tab-pages');
  }
}

// ---- start ----

window.addEventListener('hashchange', () => {
  const m = /^#doc=(.+)$/.exec(location.hash);
  if (m && decodeURIComponent(m[1]) !== state.name) openDocument(decodeURIComponent(m[1]));
});
const first = /^#doc=(.+)$/.exec(location.hash);
showStart().then(() => { if (first) openDocument(decodeURIComponent(first[1])); });
