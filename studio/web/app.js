// The studio's page: the start screen, the open document (text, details,
// saving, undo), live updates from the server, and the wiring of the panels.
import * as ed from './editor.js';
import * as panels from './panels.js';
import * as parts from './parts.js';
import * as partsView from './partsview.js';
import { newestOnly } from './office.js';

const $ = (id) => document.getElementById(id);
const HEADERS = { 'X-Easyread-Studio': '1' };

const state = {
  name: null,        // the open document's file name
  me: null,          // team mode: { user, role, csrf } of who is signed in
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
  pictureCell: null, // or the table cell it is for: { from: the table's first line, cell: [row, column] }
  other: null,       // { version, text } of a change made somewhere else
  hasSource: false,
  parts: [],         // the body as parts (parts.js), as the parts editor shows it
  active: { index: 0, start: 0, end: 0 },  // the part last in use and its selection
  partsStale: false, // the Markdown view changed the body since the parts were drawn
};

// Which editor is showing: the parts, or the Markdown for those who want it.
const inMarkdown = () => !$('panel-markdown').hidden;

// ---- talking to the studio ----

async function api(method, path, body, headers = {}) {
  let r;
  try {
    r = await fetch(path, { method, headers: { ...HEADERS, ...headers }, body });
  } catch {
    return { ok: false, status: 0, data: { error: 'the studio is not answering' } };
  }
  // Team mode: signed out (idle for 8 hours, by an admin, or the studio
  // restarted): to the sign-in page, which comes back to this document.
  if (r.status === 401) location.href = '/login.html' + location.hash;
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
  $('doc-title').removeAttribute('title');
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

// Two files clicked in turn open the second, whichever the server answers first.
const docOpens = newestOnly(), suggestions = newestOnly();

async function openDocument(name, rightTab) {
  const r = await docOpens.take(api('GET', '/api/doc?' + q({ name })));
  if (!r) return;
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
  state.active = { index: 0, start: 0, end: 0 };
  renderParts();
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
  $('parts-scroll').scrollTop = 0;
  const first = state.parts.findIndex((p) => p.kind !== 'note');
  focusPart(Math.max(0, first), 0, 0);
}

function closeDocument() {
  if (state.events) state.events.close();
  state.events = null;
  state.name = null;
}

function showTitle() {
  const title = ed.frontValue(state.doc, 'title') || state.name;
  $('doc-title').textContent = title;
  $('doc-title').title = title;  // whole, when the bar shortens it with "…"
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
    partsView.pictures(state);
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
  const r = await api('PUT', '/api/doc?' + q({ name }), text, { 'If-Match': state.version, 'Content-Type': 'text/markdown' });
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
  focusPart(state.active.index);
});

$('use-theirs').addEventListener('click', () => {
  recordChange(false);
  state.version = state.other.version;
  state.savedText = state.other.text;
  state.doc = ed.splitDocument(state.other.text);
  state.other = null;
  $('difference').hidden = true;
  $('text').value = state.doc.body;
  renderParts();
  fillDetails();
  showTitle();
  setSaveState('Saved', 'saved');
  focusPart(state.active.index);
});

// Closing the tab: whatever is not saved yet goes in one last request.
window.addEventListener('pagehide', () => {
  if (!state.name || !(state.dirty || state.saving) || state.other) return;
  fetch('/api/doc?' + q({ name: state.name }), {
    method: 'PUT', keepalive: true, body: fullText(),
    headers: { ...HEADERS, 'If-Match': state.version, 'Content-Type': 'text/markdown' },
  });
});

// ---- the text: parts editor, Markdown view, tools and undo ----

const text = $('text');

// The selection of the editor in use, for undo.
function snapshot() {
  if (inMarkdown()) return { text: fullText(), markdown: true, start: text.selectionStart, end: text.selectionEnd };
  const f = partsView.field(state.active.index, state.active.cell);
  return { text: fullText(), index: state.active.index, cell: state.active.cell, start: f ? f.selectionStart : 0, end: f ? f.selectionEnd : 0 };
}

function recordChange(merge) {
  state.history.record(snapshot(), merge);
}

// Draws the parts again from the body; `focus` = { index, start, end } or { line }.
function renderParts(focus) {
  state.parts = parts.parseParts(state.doc.body);
  state.partsStale = false;
  partsView.render(state);
  if (!focus) return;
  let index = focus.index;
  if (focus.line !== undefined) index = state.parts.findIndex((p) => focus.line >= p.first && focus.line <= p.last);
  if (index === undefined || index < 0) return;
  focusPart(Math.min(index, state.parts.length - 1), focus.start, focus.end, focus.button, focus.cell);
}

// Puts the cursor in a part (its words, or one of its buttons).
function focusPart(index, start, end, button, cell) {
  const item = $('parts').children[index];
  if (!item) return;
  state.active = { index, start: start || 0, end: end ?? start ?? 0, cell };
  const table = item.classList.contains('part-table');
  if (table && cell) partsView.tableCell(item, state.parts[index], cell);
  const pressed = button && item.querySelector(`[data-act=${button}]:not(:disabled)`);
  const f = pressed || partsView.field(index, cell) || item.querySelector('button');
  if (!f) return;
  f.focus({ preventScroll: true });
  if (!pressed && f.setSelectionRange && start !== undefined) f.setSelectionRange(start, end ?? start);
  (table ? f : item).scrollIntoView({ block: 'nearest', inline: 'nearest' });
  syncPages();
}

// The whole body changed (a tool, a move, a fix, a picture): both views follow.
function setBody(body, focus) {
  recordChange(false);
  state.doc.body = body;
  text.value = body;
  renderParts(inMarkdown() ? undefined : focus);
  changed();
}

// Replaces the whole file's text (fixes touch the details too).
function setWhole(whole, line, column, length) {
  recordChange(false);
  state.doc = ed.splitDocument(whole);
  text.value = state.doc.body;
  renderParts();
  fillDetails();
  changed();
  if (line) goToLine(line, column, length);
}

function restore(s) {
  state.doc = ed.splitDocument(s.text);
  text.value = state.doc.body;
  fillDetails();
  if (s.markdown && inMarkdown()) {
    text.setSelectionRange(s.start, s.end);
    renderParts();
  } else {
    renderParts(s.markdown ? { index: 0 } : { index: s.index, start: s.start, end: s.end, cell: s.cell });
  }
  changed();
}

// Typing in a part: only that part's lines of the file change.
function partTyped(index, value) {
  const part = state.parts[index];
  if (!part) return;
  state.doc.body = parts.setWords(state.doc.body, part, value);
  text.value = state.doc.body;
  const next = parts.parseParts(state.doc.body);
  const f = partsView.field(index);
  if (parts.sameShape(next, state.parts)) state.parts = next;
  else renderParts({ index, start: f ? f.selectionStart : 0 });
  changed();
}

// Typing in a table's cell: only that cell of its row's line changes.
function cellTyped(index, box) {
  const part = state.parts[index];
  if (!part || part.kind !== 'table') return;
  const r = Number(box.dataset.row), c = Number(box.dataset.col);
  // A cell holds one line: a line break pasted in becomes a space.
  if (box.value.includes('\n')) {
    const at = box.selectionStart;
    box.value = box.value.replace(/\s*\n\s*/g, ' ');
    box.setSelectionRange(Math.min(at, box.value.length));
  }
  state.doc.body = parts.setCell(state.doc.body, part, r, c, box.value);
  text.value = state.doc.body;
  const next = parts.parseParts(state.doc.body);
  if (parts.sameShape(next, state.parts)) state.parts = next;
  else renderParts({ index, start: box.selectionStart, cell: [r, c] });
  changed();
}

// A row or column added or removed: the cell in use (or its neighbour) keeps the focus.
function tableAction(index, part, act) {
  const [r, c] = cellOf(index);
  let body = null, cell = [r, c], button = act;
  if (act === 'row-add') { body = parts.addRow(state.doc.body, part, r); cell = [r + 1, c]; button = undefined; }
  else if (act === 'row-remove') { body = parts.removeRow(state.doc.body, part, r); cell = [Math.min(r, part.rows.length - 2), c]; }
  else if (act === 'col-add') { body = parts.addColumn(state.doc.body, part, c); cell = [r, c + 1]; button = undefined; }
  else if (act === 'col-remove') { body = parts.removeColumn(state.doc.body, part, c); cell = [r, Math.min(c, part.columns - 2)]; }
  if (body === null) return;
  setBody(body, { index, cell, start: 0, button });
  const said = { 'row-add': 'Row added', 'row-remove': 'Row removed', 'col-add': 'Column added', 'col-remove': 'Column removed' }[act];
  setSaveState(`${said} (Undo takes it back). Saving…`, 'saving');
}

// The cell in use in a table, as its row and column buttons name it.
const cellOf = (index) => $('parts').children[index].dataset.cell.split(',').map(Number);

// Moving between cells with the keys: Enter and the up and down arrows go
// to the cell above or below; left and right at the edge of a cell's words
// go to the cell before or after.
function cellKey(e) {
  const box = e.target;
  const index = indexOf(e);
  const part = state.parts[index];
  if (!part || e.ctrlKey || e.metaKey || e.altKey) return false;
  const r = Number(box.dataset.row), c = Number(box.dataset.col);
  const sel = window.getSelection();
  const collapsed = !sel.rangeCount || sel.getRangeAt(0).collapsed;
  const len = box.value.length;
  let to = null, at = 0;
  if (e.key === 'Enter') to = [r + 1, c];
  else if (e.key === 'ArrowDown' && !e.shiftKey && edgeLine(box, 1)) to = [r + 1, c];
  else if (e.key === 'ArrowUp' && !e.shiftKey && edgeLine(box, -1)) { to = [r - 1, c]; at = -1; }
  else if (e.key === 'ArrowLeft' && !e.shiftKey && collapsed && box.selectionStart === 0) {
    to = c > 0 ? [r, c - 1] : [r - 1, part.columns - 1];
    at = -1;
  } else if (e.key === 'ArrowRight' && !e.shiftKey && collapsed && box.selectionEnd === len) to = c + 1 < part.columns ? [r, c + 1] : [r + 1, 0];
  if (e.key === 'Enter') e.preventDefault();
  if (!to || to[0] < 0 || to[0] >= part.rows.length) return e.key === 'Enter';
  e.preventDefault();
  const target = partsView.field(index, to);
  const offset = at < 0 ? target.value.length : 0;
  focusPart(index, offset, offset, undefined, to);
  return true;
}

// Is the caret on the first (dir -1) or last (dir 1) line the box shows?
function edgeLine(box, dir) {
  const sel = window.getSelection();
  if (!sel.rangeCount || !sel.getRangeAt(0).collapsed) return false;
  const caret = sel.getRangeAt(0).getBoundingClientRect();
  if (!caret.height) return true;
  const outer = box.getBoundingClientRect();
  const style = getComputedStyle(box);
  const pad = dir < 0 ? parseFloat(style.paddingTop) : parseFloat(style.paddingBottom);
  return dir < 0 ? caret.top - outer.top - pad < caret.height * 0.8 : outer.bottom - caret.bottom - pad < caret.height * 0.8;
}

const partsList = $('parts');
const indexOf = (e) => Number(e.target.closest('li.part')?.dataset.index);
const isField = (t) => t.classList.contains('part-field') || t.classList.contains('cell-field');
const cellAt = (t) => (t.classList.contains('cell-field') ? [Number(t.dataset.row), Number(t.dataset.col)] : undefined);
// In the capture phase: a words box applies typing and paste itself, at its own turn.
partsList.addEventListener('beforeinput', () => recordChange(true), true);
partsList.addEventListener('paste', () => recordChange(false), true);
partsList.addEventListener('input', (e) => {
  if (e.target.classList.contains('part-field')) partTyped(indexOf(e), e.target.value);
  else if (e.target.classList.contains('cell-field')) cellTyped(indexOf(e), e.target);
});
partsList.addEventListener('focusin', (e) => {
  const index = indexOf(e);
  if (Number.isNaN(index)) return;
  state.active.index = index;
  const cell = cellAt(e.target);
  if (cell) {
    state.active.cell = cell;
    partsView.tableCell(e.target.closest('li.part'), state.parts[index], cell);
  } else if (!e.target.closest('.table-tools')) {
    state.active.cell = undefined;
  }
  syncPages();
});
for (const ev of ['keyup', 'mouseup', 'select'])
  partsList.addEventListener(ev, (e) => {
    if (!isField(e.target)) return;
    state.active = { index: indexOf(e), start: e.target.selectionStart, end: e.target.selectionEnd, cell: cellAt(e.target) };
  });
partsList.addEventListener('keydown', (e) => {
  if (!isField(e.target)) return;
  if (e.target.classList.contains('cell-field') && cellKey(e)) return;
  const key = e.key.toLowerCase();
  if ((e.ctrlKey || e.metaKey) && key === 'z' && !e.shiftKey) { e.preventDefault(); undo(); }
  else if ((e.ctrlKey || e.metaKey) && (key === 'y' || (key === 'z' && e.shiftKey))) { e.preventDefault(); redo(); }
  else if ((e.ctrlKey || e.metaKey) && key === 'b') { e.preventDefault(); hardWord(); }
  else if (key === 'enter' && e.target.tagName === 'INPUT') e.preventDefault();
});
partsList.addEventListener('click', (e) => {
  const button = e.target.closest('button[data-act]');
  if (!button) return;
  const index = indexOf(e);
  const part = state.parts[index];
  if (!part) return;
  const act = button.dataset.act;
  if (act === 'picture') return openPictures(part.from);
  if (/^(row|col)-/.test(act)) return tableAction(index, part, act);
  if (act === 'up' || act === 'down') {
    const body = parts.movePart(state.doc.body, state.parts, index, act === 'up' ? -1 : 1);
    if (body === null) {
      const edge = act === 'up' ? index === 0 : index === state.parts.length - 1;
      return setSaveState(edge ? `This is the ${act === 'up' ? 'first' : 'last'} part` : 'A list item inside another one moves only among its own list',
        state.dirty ? 'saving' : 'saved');
    }
    // The part lands where the group it swapped with began (its notes come along).
    const [s, e] = parts.groupOf(state.parts, index);
    const to = act === 'up' ? parts.groupOf(state.parts, s - 1)[0] + (index - s) : index + parts.groupOf(state.parts, e + 1)[1] - e;
    setBody(body, { index: to, button: act });
  } else if (act === 'remove') {
    setBody(parts.removePart(state.doc.body, part), { index: Math.max(0, Math.min(index, state.parts.length - 2)) });
    setSaveState('Part removed (Undo brings it back). Saving…', 'saving');
  } else if (act === 'add') {
    const added = parts.addPart(state.doc.body, part, part.kind === 'item' ? 'item' : 'text');
    setBody(added.body, { line: added.line, start: 0, end: parts.NEW_WORDS.length });
  }
});

function addAtEnd(kind) {
  const added = parts.addPart(state.doc.body, null, kind);
  setBody(added.body, { line: added.line, start: 0, end: (kind === 'heading' ? parts.NEW_HEADING : parts.NEW_WORDS).length });
}
$('add-words-end').addEventListener('click', () => addAtEnd('text'));
$('add-heading-end').addEventListener('click', () => addAtEnd('heading'));

// The Markdown view: for those who want it; the parts follow when shown again.
text.addEventListener('beforeinput', () => recordChange(true));
text.addEventListener('input', () => {
  state.doc.body = text.value;
  state.partsStale = true;
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
  else if (!inMarkdown()) focusPart(state.active.index);
}

function redo() {
  const s = state.history.redo(snapshot());
  if (s) restore(s);
  else if (!inMarkdown()) focusPart(state.active.index);
}

function applyTool(result) {
  recordChange(false);
  state.doc.body = result.text;
  text.value = result.text;
  text.setSelectionRange(result.start, result.end);
  state.partsStale = true;
  changed();
  text.focus();
}

function hardWord() {
  if (inMarkdown()) return applyTool(ed.toggleHardWord(text.value, text.selectionStart, text.selectionEnd));
  const index = state.active.index;
  const f = partsView.field(index, state.active.cell);
  if (!f) return;
  if (f.selectWord) f.selectWord();
  const r = ed.toggleHardWord(f.value, f.selectionStart, f.selectionEnd);
  if (r.text === f.value) return f.focus();
  recordChange(false);
  f.value = r.text;
  f.focus();
  f.setSelectionRange(r.start, r.end);
  f.dispatchEvent(new Event('input', { bubbles: true }));
}

// The column (1-based) of the table cell in use in its row's line, or 0.
function activeColumn() {
  if (inMarkdown()) return text.selectionStart - ed.lineStart(text.value, ed.lineAt(text.value, text.selectionStart)) + 1;
  const p = state.parts[state.active.index];
  return p && p.kind === 'table' && state.active.cell ? parts.cellColumn(p, ...state.active.cell) : 0;
}

// The line (0-based, in the body) of the part in use, for Listen and the pages.
function activeLine() {
  if (inMarkdown()) return ed.lineAt(text.value, text.selectionStart);
  const p = state.parts[state.active.index];
  if (p && p.kind === 'table' && state.active.cell) return (p.rows[state.active.cell[0]] || p.rows[0]).line;
  return p ? p.from : 0;
}

$('tool-heading').addEventListener('click', () => applyTool(ed.toggleHeading(text.value, text.selectionStart)));
$('tool-list').addEventListener('click', () => applyTool(ed.toggleList(text.value, text.selectionStart, text.selectionEnd)));
for (const id of ['tool-hard', 'part-hard']) $(id).addEventListener('click', hardWord);
for (const id of ['tool-undo', 'part-undo']) $(id).addEventListener('click', undo);
for (const id of ['tool-redo', 'part-redo']) $(id).addEventListener('click', redo);
for (const id of ['tool-picture', 'part-picture']) $(id).addEventListener('click', () => openPictures(activeLine(), activeColumn()));
for (const id of ['tool-listen', 'part-listen'])
  $(id).addEventListener('click', () => {
    const line = activeLine() + 1 + state.doc.bodyOffset;
    play('/api/listen?' + q({ doc: state.name, line }), 'this part');
  });
$('part-heading').addEventListener('click', () => {
  const index = state.active.index;
  const p = state.parts[index];
  if (!p || (p.kind !== 'heading' && p.kind !== 'text')) return setSaveState('Put the cursor in a part of words or a heading first', 'error');
  setBody(parts.setKind(state.doc.body, p, p.kind === 'heading' ? 'text' : 'heading'), { index });
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

// Puts the cursor at a place of the whole file (1-based line, column in
// characters) and selects `length` characters there; the front matter opens the details.
function goToLine(fileLine, column = 0, length = 0) {
  const bodyLine = fileLine - 1 - state.doc.bodyOffset;
  if (bodyLine < 0) return selectTab('left-tabs', 'tab-details', true);
  if (inMarkdown()) {
    const start = ed.lineStart(text.value, bodyLine);
    const lineEnd = text.value.indexOf('\n', start) < 0 ? text.value.length : text.value.indexOf('\n', start);
    const at = column > 0 ? Math.min(lineEnd, start + column - 1) : start;
    text.focus();
    text.setSelectionRange(at, column > 0 && length ? Math.min(lineEnd, at + length) : lineEnd);
    const lines = text.value.split('\n').length;
    text.scrollTop = Math.max(0, (bodyLine / lines) * text.scrollHeight - text.clientHeight / 3);
    syncPages();
    return;
  }
  selectTab('left-tabs', 'tab-text');
  const place = parts.placeOf(state.parts, bodyLine, column);
  if (!place) return;
  const f = partsView.field(place.index, place.cell);
  const end = f ? Math.min(f.value.length, place.offset + (column > 0 ? length : f.value.length)) : 0;
  focusPart(place.index, place.offset, column > 0 ? end : f ? f.value.length : 0, undefined, place.cell);
  $('parts').children[place.index].scrollIntoView({ block: 'center' });
}

// The page showing the part in use, from the last pages message.
function currentPage() {
  if (!state.pages) return 0;
  const fileLine = activeLine() + 1 + state.doc.bodyOffset;
  let page = 0;
  for (const b of state.pages.blocks) {
    if (b.line > fileLine) break;
    if (b.page >= 0) page = b.page;
  }
  return page;
}

function syncPages() {
  if (!state.pages || !state.doc) return;
  panels.showCurrentPage(currentPage());
  if (state.hasSource) panels.lightSource(activeLine() + 1 + state.doc.bodyOffset);
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
  if (inMarkdown()) text.focus();
  else focusPart(state.active.index);
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
  if (tabId === 'tab-text' && state.partsStale) renderParts();
  if (tabId === 'tab-markdown' && text.value !== state.doc.body) text.value = state.doc.body;
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
  goTo: (line, column, length) => goToLine(line, column, length),
  fix: (fix) => {
    const fixed = ed.applyFix(fullText(), fix);
    if (fixed === null) return setSaveState('That fix no longer fits the text: change it by hand', 'error');
    setWhole(fixed, fix.line, fix.column, [...fix.to].length);
    setSaveState('Fixed. Saving…', 'saving');
  },
};

// ---- Hard words ----

const wordActions = {
  // The studio writes the meaning so that the generator reads it (the
  // explaining sentence rewritten, or a new one after the word's own).
  setMeaning: async (w, meaning) => {
    const r = await api('POST', '/api/meaning?' + q({ doc: state.name, word: w.word, meaning }), fullText(),
      { 'Content-Type': 'text/markdown' });
    if (!r.ok) {
      goToLine(w.line);
      selectTab('left-tabs', 'tab-words');
      return `Not changed: ${r.data.error}.`;
    }
    setWhole(r.data.text);
    return `Saving. The document now says: ${r.data.explanation}`;
  },
  goTo: (line) => goToLine(line),
};

// ---- Pictures ----

const pageActions = {
  choosePicture: (fileLine, column) => openPictures(fileLine - 1 - state.doc.bodyOffset, column),
  goTo: (line) => goToLine(line),
  listenPage: (index) => play('/api/listen?' + q({ doc: state.name, page: index }), `page ${index + 1}`),
};

// The Pictures panel for the part at a body line; in a table, for the
// cell at `column` of that line (1-based; from a picture on a page or the cell in use).
async function openPictures(bodyLine, column) {
  state.pictureFrom = inMarkdown() ? 'tab-markdown' : 'tab-text';
  const body = state.doc.body;
  const range = ed.partRange(body, bodyLine);
  const list = state.partsStale ? parts.parseParts(body) : state.parts;
  const place = parts.placeOf(list, bodyLine, column || 0);
  const part = place ? list[place.index] : null;
  const cell = part && part.kind === 'table' ? place.cell : null;
  state.pictureCell = cell && cell[0] > 0 ? { from: part.from, cell } : null;
  selectTab('left-tabs', 'tab-pictures', true);
  if ((!range && !(part && part.kind !== 'note')) || (cell && !state.pictureCell)) {
    state.pictureLine = -1;
    $('pic-for').textContent = cell ? 'The headings of a table have no pictures: put the cursor in a cell under them.'
      : 'Put the cursor in a part of the text first.';
    $('pic-now').textContent = '';
    $('pic-suggest').replaceChildren();
    return;
  }
  state.pictureLine = cell ? bodyLine : part && part.kind !== 'note' ? part.from : range[0];
  const words = cell ? part.rows[cell[0]].cells[cell[1]].words.replace(/\*\*/g, '')
    : ed.partWords(body, state.pictureLine) || (part ? part.words.replace(/\*\*/g, '') : '');
  $('pic-for').textContent = words;
  const fileLine = state.pictureLine + 1 + state.doc.bodyOffset;
  // In a table several chunks share a line: the cell's is the last one starting at or before its column.
  const at = cell ? parts.cellColumn(part, cell[0], cell[1]) : 0;
  const block = state.pages && state.pages.blocks.filter((b) => b.line === fileLine && (!cell || b.column <= at)).pop();
  $('pic-now').textContent = !block ? '' : block.picture
    ? `Now: ${block.picture}${block.reason ? ' (' + block.reason + ')' : ''}.` : 'Now: no picture.';
  const r = await suggestions.take(api('GET', '/api/pictures/suggest?' + q({ text: words })));
  if (!r) return;
  panels.pictureList($('pic-suggest'), r.ok ? r.data.pictures : [], choosePicture);
  $('pic-suggest-empty').hidden = r.ok && r.data.pictures.length > 0;
}

// The choice is written into the part, and the officer is back where they were.
function choosePicture(id) {
  if (state.pictureLine < 0) return;
  const line = state.pictureLine;
  if (state.pictureCell) {
    const list = parts.parseParts(state.doc.body);
    const index = list.findIndex((p) => p.kind === 'table' && p.from === state.pictureCell.from);
    if (index < 0) return;
    const [r, c] = state.pictureCell.cell;
    selectTab('left-tabs', state.pictureFrom || 'tab-text');
    setBody(parts.setCellPicture(state.doc.body, list[index], r, c, id), { index, cell: [r, c] });
    if (inMarkdown()) text.focus();
    setSaveState(id === 'none' ? 'No picture in this cell. Saving…' : `Picture "${id}" chosen for this cell. Saving…`, 'saving');
    return;
  }
  const body = ed.setPicture(state.doc.body, line, id);
  selectTab('left-tabs', state.pictureFrom || 'tab-text');
  setBody(body, { line, button: 'picture' });
  if (inMarkdown()) text.focus();
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
  // A source paragraph was chosen: the parts made from it light up.
  light: (chunks) => {
    if (!chunks.length) return;
    const lines = chunks.map((c) => c - 1 - state.doc.bodyOffset);
    const lit = [];
    state.parts.forEach((p, i) => { if (lines.some((l) => l >= p.first && l <= p.last)) lit.push(i); });
    selectTab('left-tabs', 'tab-text');
    partsView.light(lit);
    if (!lit.length) return;
    const f = partsView.field(lit[0]);
    focusPart(lit[0], 0, f ? f.value.length : 0);
    $('parts').children[lit[0]].scrollIntoView({ block: 'center' });
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

// Team mode: a document's saved versions (restore one, as a new save) and
// whether the whole team may open it.
async function showVersions() {
  const r = await api('GET', '/api/history?' + q({ name: state.name }));
  const list = $('version-list');
  list.replaceChildren();
  if (!r.ok) { $('versions-message').textContent = r.data.error; return; }
  $('share-team').checked = r.data.shared;
  $('share-team').disabled = r.data.owner !== state.me.user && state.me.role !== 'admin';
  $('versions-message').textContent = r.data.owner ? `Made by ${r.data.owner}.` : 'A document of the whole team.';
  for (const v of r.data.versions) {
    const li = document.createElement('li');
    const when = new Date(v.saved * 1000).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
    if (v.version === state.version) {
      li.textContent = `${when}: this version`;
    } else {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'small';
      b.textContent = `Go back to ${when}`;
      b.addEventListener('click', async () => {
        if (state.dirty) await save();
        state.saving = true;  // the studio's "saved" message for the restore is this page's own
        const back = await api('POST', '/api/history/restore?' + q({ name: state.name, version: v.version }), null, { 'If-Match': state.version });
        if (!back.ok) { state.saving = false; $('versions-message').textContent = back.data.error; return; }
        $('versions').open = false;
        await openDocument(state.name);
        state.saving = false;
      });
      li.append(b);
    }
    list.append(li);
  }
}

// Team mode: who is signed in, and the CSRF token every change carries.
async function whoAmI() {
  const r = await api('GET', '/api/me');
  if (!r.ok || !r.data.team) return;
  state.me = r.data;
  $('versions').hidden = false;
  $('versions').addEventListener('toggle', () => { if ($('versions').open) showVersions(); });
  $('share-team').addEventListener('change', async () => {
    const r2 = await api('POST', '/api/share?' + q({ name: state.name, shared: $('share-team').checked ? 'yes' : 'no' }));
    $('versions-message').textContent = r2.ok ? (r2.data.shared ? 'The whole team can open it now.' : 'Only you (and admins) can open it now.') : r2.data.error;
  });
  HEADERS['X-CSRF-Token'] = r.data.csrf;
  $('who').textContent = `${r.data.user} (${r.data.role})`;
  $('who').hidden = false;
  $('link-users').hidden = r.data.role !== 'admin';
  $('btn-signout').hidden = false;
  $('btn-signout').addEventListener('click', async () => {
    if (state.dirty) await save();
    await api('POST', '/api/logout');
    location.href = '/login.html';
  });
}

whoAmI().then(showStart).then(() => { if (first) openDocument(decodeURIComponent(first[1])); });
