// The board's page: its answers files, the report drawn from the report's
// own blocks (the same the PDF and HTML are made from), the "You said, we
// did" actions form, and every download with the chosen event and dates.
import { $, api, q, el, picture, wireTabs, say, whoAmI, newestOnly } from './office.js';

const filter = { event: '', from: '', to: '' };

// ---- answers files ----

async function loadFiles() {
  const r = await api('GET', '/api/board/files');
  const list = $('board-files');
  list.replaceChildren();
  if (!r.ok) return say($('board-message'), r.data.error, 'error');
  for (const f of r.data.files)
    list.append(el('li', { class: 'board-file' }, el('span', { class: 'tag' }, f.kind === 'paper' ? 'Paper' : 'Kiosk'), ` ${f.name}`));
  $('no-files').hidden = r.data.files.length > 0;
  return r.data.files.length;
}

async function upload(e) {
  e.preventDefault();
  const file = $('board-file').files[0];
  if (!file) return;
  const form = new FormData();
  form.append('file', file);
  const paper = /\.csv$/i.test(file.name);
  if (paper) {
    if (!$('paper-event').value.trim()) {
      say($('board-message'), 'Write the event the paper forms came from, then upload again.', 'error');
      return $('paper-event').focus();
    }
    form.append('event', $('paper-event').value.trim());
    form.append('date', $('paper-date').value);
  }
  say($('board-message'), `Uploading ${file.name}...`);
  const r = await api('POST', '/api/board/upload', form);
  if (!r.ok) return say($('board-message'), `${file.name}: ${r.data.error}`, 'error');
  $('board-upload').reset();
  await loadFiles();
  await loadReport();
  say($('board-message'), `${file.name} is kept as ${r.data.name}.`, 'done');
}

// ---- the report, block by block ----

// The question a table or chart belongs to, so each scroll box has a name of its own.
let lastQuestion = '';
const boxName = (caption) => (lastQuestion ? `${lastQuestion}: ${caption}` : caption);

function table(t) {
  const head = el('thead', {}, el('tr', {}, t.header.map((h) => el('th', { scope: 'col' }, h))));
  const body = el('tbody', {}, t.rows.map((row, i) => el('tr', { class: t.total && i === t.rows.length - 1 ? 'total' : '' },
    row.map((c, k) => (k === 0 ? el('th', { scope: 'row' }, c) : el('td', { class: /^[\d,]+$/.test(c) ? 'num' : '' }, c))))));
  return el('div', { class: 'wide', role: 'region', tabindex: '0', 'aria-label': boxName(t.caption) },
    el('table', {}, el('caption', {}, t.caption), head, body));
}

function chart(c) {
  const rows = c.bars.map((b) => {
    const fill = el('span', { class: 'fill' });
    fill.style.width = `${c.most > 0 ? (80 * b.count) / c.most : 0}%`;  // room for the count beside the longest
    return el('tr', {}, el('td', { class: 'face' }, picture(b.picture)), el('th', { scope: 'row' }, b.label),
      el('td', { class: 'bar' }, fill, el('span', { class: 'count' }, b.words)));
  });
  return el('div', { class: 'wide', role: 'region', tabindex: '0', 'aria-label': boxName(c.alt) },
    el('table', { class: 'chart' }, el('caption', { class: 'note' }, c.alt),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', colspan: '2' }, 'Answer'), el('th', { scope: 'col' }, 'People'))),
      el('tbody', {}, rows)));
}

function block(b) {
  switch (b.kind) {
    case 'title': return el('h2', { class: 'report-title' }, b.text);
    case 'subtitle': return el('p', { class: 'subtitle' }, b.text);
    case 'meta': return el('p', { class: 'meta' }, b.text);
    case 'warning': return el('section', { class: 'warning', role: 'note' }, el('h3', {}, b.text), el('ul', {}, b.lines.map((l) => el('li', {}, `${l}.`))));
    case 'question': lastQuestion = b.text; return el('h4', { class: 'question' }, picture(b.picture, ''), el('span', {}, b.text));
    case 'section': lastQuestion = ''; return el('h3', { class: 'section' }, b.text);
    case 'paragraph': return [b.text, ...b.lines].filter(Boolean).map((l) => el('p', {}, l));
    case 'note': return el('p', { class: 'note' }, b.text);
    case 'point': return el('p', { class: 'point' }, picture(b.picture), b.text);
    case 'table': return table(b.table);
    case 'chart': return chart(b.chart);
    case 'comments': return el('ul', { class: 'comments' }, b.lines.map((l, i) => el('li', {}, `\u201C${l}\u201D `, el('span', { class: 'where' }, b.notes[i] || ''))));
    case 'action': return el('section', { class: 'action' }, el('h5', {}, b.text), b.lines.map((l) => el('p', {}, l)));
    case 'page-result': return el('section', { class: 'page-result' }, el('h5', {}, b.text), b.lines.map((l) => el('p', {}, l)));
    default: return null;
  }
}

function fillEvents(events) {
  const sel = $('filter-event');
  const keep = filter.event;
  sel.replaceChildren(el('option', { value: '' }, 'Every event'));
  for (const e of events) sel.append(el('option', { value: e.name }, e.words));
  sel.value = keep;
}

// Numbers for a filter no longer chosen are never shown under the new one.
const reports = newestOnly();

async function loadReport() {
  const r = await reports.take(api('GET', `/api/board/report?${q(filter)}`));
  if (!r) return;
  const article = $('report');
  article.replaceChildren();
  if (!r.ok) {
    $('report-empty').hidden = false;
    $('report-empty').textContent = r.data.error;
    return;
  }
  $('report-empty').hidden = true;
  if (!filter.event) fillEvents(r.data.events);
  lastQuestion = '';
  for (const b of r.data.blocks) {
    const made = block(b);
    if (made) article.append(...[made].flat());
  }
  updateDownloads();
  article.dataset.loaded = String(Number(article.dataset.loaded || 0) + 1);
}

function updateDownloads() {
  for (const a of $('board-downloads').querySelectorAll('a'))
    a.href = `/api/board/download?${q({ format: a.dataset.format, ...filter })}`;
  $('unmasked-csv').href = `/api/board/unmasked.csv?${q(filter)}`;
}

async function showUnmasked() {
  const r = await api('GET', `/api/board/unmasked?${q(filter)}`);
  if (!r.ok) return say($('board-message'), r.data.error, 'error');
  $('unmasked-list').replaceChildren(...r.data.comments.map((c) => el('li', {}, `\u201C${c.text}\u201D `, el('span', { class: 'where' }, `${c.event}, ${c.date} (${c.question})`))));
  if (!r.data.comments.length) $('unmasked-list').append(el('li', {}, 'There are no comments in these answers.'));
  $('unmasked').hidden = false;
  $('panel-report').scrollTop = 0;
  $('unmasked-h').focus();
}

// ---- "You said, we did" ----

let actionsVersion = null;

async function loadActions() {
  const r = await api('GET', '/api/board/actions');
  const box = $('action-questions');
  box.replaceChildren();
  if (!r.ok) return say($('actions-problem'), r.data.error, 'error');
  actionsVersion = r.data.version;
  say($('actions-problem'), r.data.problem ? `The saved actions cannot be read: ${r.data.problem}` : '', 'error');
  $('a-organisation').value = r.data.organisation;
  $('a-contact').value = r.data.contact;
  $('a-checked').value = r.data.checked_by;
  for (const x of r.data.questions) {
    const id = (s) => `a-${s}-${x.id}`;
    box.append(el('fieldset', { class: 'action-q', 'data-question': x.id },
      el('legend', {}, picture(x.picture, '', 'small-pic'), x.text),
      el('p', { class: 'warn', id: id('warn'), role: 'note', hidden: true }),
      el('label', { for: id('what') }, 'What the board will do'),
      el('textarea', { id: id('what'), name: `what:${x.id}`, rows: '3' }),
      el('div', { class: 'row two' },
        el('span', { class: 'stack' }, el('label', { for: id('who') }, 'Who'), el('input', { id: id('who'), name: `who:${x.id}`, autocomplete: 'off' })),
        el('span', { class: 'stack' }, el('label', { for: id('when') }, 'By when'), el('input', { id: id('when'), name: `when:${x.id}`, autocomplete: 'off' })))));
    $(id('what')).value = x.what;
    $(id('who')).value = x.who;
    $(id('when')).value = x.when;
  }
}

async function saveActions(e) {
  e.preventDefault();
  const body = new URLSearchParams(new FormData($('actions-form'))).toString();
  const state = $('actions-state');
  state.dataset.kind = '';
  state.textContent = 'Saving...';
  const r = await api('PUT', '/api/board/actions', body,
    { 'Content-Type': 'application/x-www-form-urlencoded', 'If-Match': actionsVersion || 'new' });
  if (!r.ok) {
    state.dataset.kind = 'error';
    state.textContent = r.status === 409 ? 'Not saved: someone else changed the actions. Open the tab again to see theirs.' : `Not saved: ${r.data.error}`;
    return;
  }
  actionsVersion = r.data.version;
  state.dataset.kind = 'saved';
  state.textContent = 'Saved';
  for (const w of document.querySelectorAll('#action-questions .warn')) w.hidden = true;
  for (const w of r.data.warnings) {
    const box = $(`a-warn-${w.question}`);
    if (box) { box.hidden = false; box.textContent = w.message; }
  }
  await loadReport();
}

// ---- start ----

wireTabs(document.querySelector('[role=tablist]'), (id) => { if (id === 'tab-actions') loadActions(); });
$('board-upload').addEventListener('submit', upload);
$('board-filter').addEventListener('submit', (e) => {
  e.preventDefault();
  filter.event = $('filter-event').value;
  filter.from = $('filter-from').value;
  filter.to = $('filter-to').value;
  loadReport();
});
$('show-unmasked').addEventListener('click', showUnmasked);
$('hide-unmasked').addEventListener('click', () => { $('unmasked').hidden = true; $('unmasked-list').replaceChildren(); });
$('actions-form').addEventListener('submit', saveActions);
updateDownloads();
// The comments as typed are for admins: the card is not shown to anyone else.
$('admin-card').hidden = (await whoAmI()).role !== 'admin';
if (await loadFiles()) await loadReport();
document.body.dataset.ready = '1';
