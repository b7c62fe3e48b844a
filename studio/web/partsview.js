// Drawing the parts editor: each part as its picture and its words, a
// heading as a heading, a note as a note. Text from the document is only
// ever set as a value or textContent.
import { el } from './panels.js';
import './wordsbox.js';

const $ = (id) => document.getElementById(id);

const KIND_NAMES = { heading: 'Heading', text: 'Words', item: 'List item', table: 'Table', other: 'Other text (Markdown)' };

function isFile(id) {
  return /\.(png|jpe?g|svg)$/i.test(id);
}

// The picture a part will have: its own choice, else the matcher's.
export function pictureOf(state, part) {
  if (part.picture) return { id: part.picture, chosen: true };
  const line = part.from + 1 + state.doc.bodyOffset;
  const block = state.pages && state.pages.blocks.find((b) => b.line === line);
  return { id: block ? block.picture : '', chosen: false, reason: block ? block.reason : '' };
}

function fillPicture(state, part, button, n) {
  const pic = pictureOf(state, part);
  const img = button.querySelector('img');
  const name = button.querySelector('.part-pic-name');
  const shown = pic.id && pic.id !== 'none' && !isFile(pic.id);
  img.hidden = !shown;
  if (shown) {
    const src = `/api/pictures/image?id=${encodeURIComponent(pic.id)}`;
    if (img.dataset.src !== src) { img.dataset.src = src; img.src = src; }
  }
  name.textContent = !pic.id || pic.id === 'none' ? 'No picture' : isFile(pic.id) ? pic.id.split('/').pop() : pic.id;
  button.setAttribute('aria-label', `Change the picture of part ${n} (now: ${name.textContent}${pic.chosen ? '' : ', chosen by the studio'})`);
}

function tool(act, text, label) {
  const b = el('button', { type: 'button', class: 'small', 'data-act': act }, text);
  b.setAttribute('aria-label', label);
  return b;
}

function partTools(n) {
  return el('div', { class: 'part-tools', role: 'group', 'aria-label': `Part ${n}` },
    tool('up', 'Up', `Move part ${n} up`),
    tool('down', 'Down', `Move part ${n} down`),
    tool('add', 'Add below', `Add a part after part ${n}`),
    tool('remove', 'Remove', `Remove part ${n}`));
}

// A cell's name: its column's heading and its row ("Question, row 2").
function cellName(p, r, c) {
  const heading = p.rows[0].cells[c].words.replace(/\*\*/g, '').trim();
  const column = heading ? `${heading} (column ${c + 1})` : `Column ${c + 1}`;
  return r === 0 ? `Heading of column ${c + 1}` : `${column}, row ${r}`;
}

// A table as a grid: each cell a words box, the rows and columns added and
// removed by buttons named after the cell in use.
function tableItem(state, p, i, item) {
  const n = i + 1;
  const label = el('span', { id: `part-${i}-label`, class: 'part-label' }, KIND_NAMES.table);
  const tableTools = el('div', { class: 'part-tools table-tools', role: 'group', 'aria-label': `Rows and columns of the table in part ${n}` },
    tool('row-add', 'Add row', ''), tool('row-remove', 'Remove row', ''),
    tool('col-add', 'Add column', ''), tool('col-remove', 'Remove column', ''));
  const rows = p.rows.map((row, r) => el('tr', {}, ...row.cells.map((cell, c) => {
    const box = el('words-box', { id: `part-${i}-${r}-${c}`, class: 'cell-field', 'data-row': String(r), 'data-col': String(c), 'aria-label': cellName(p, r, c) });
    box.value = cell.words;
    const td = el(r === 0 ? 'th' : 'td', r === 0 ? { scope: 'col' } : {}, box);
    if (cell.picture) td.append(el('span', { class: 'cell-pic' }, cell.picture === 'none' ? 'No picture' : `Picture: ${cell.picture}`));
    return td;
  })));
  const table = el('table', { class: 'grid', 'aria-labelledby': `part-${i}-label` },
    el('thead', {}, rows[0]), el('tbody', {}, ...rows.slice(1)));
  item.append(el('div', { class: 'part-head' }, label, partTools(n)), tableTools,
    el('div', { class: 'grid-scroll' }, table));
  tableCell(item, p, [Math.min(1, p.rows.length - 1), 0]);
  return item;
}

// The cell in use in a table: the row and column buttons say what they act on.
export function tableCell(item, p, [r, c]) {
  const say = (act, text, off) => {
    const b = item.querySelector(`[data-act=${act}]`);
    b.setAttribute('aria-label', text);
    b.disabled = !!off;
  };
  const column = cellName(p, 0, c).replace('Heading of column', 'column') + (p.rows[0].cells[c].words ? ` (${p.rows[0].cells[c].words.replace(/\*\*/g, '')})` : '');
  say('row-add', r === 0 ? 'Add row under the headings' : `Add row below row ${r}`);
  say('row-remove', r === 0 ? 'Remove row (the headings stay)' : `Remove row ${r}`, r === 0);
  say('col-add', `Add column after ${column}`);
  say('col-remove', `Remove ${column}`, p.columns < 2);
  item.dataset.cell = `${r},${c}`;
}

export function render(state) {
  const list = $('parts');
  const items = state.parts.map((p, i) => {
    const n = i + 1;
    const item = el('li', { class: `part part-${p.kind}`, 'data-index': String(i) });
    if (p.kind === 'note') {
      item.append(el('p', { class: 'note-text' }, el('strong', {}, 'Note: '), p.text),
        el('div', { class: 'part-tools' }, tool('remove', 'Remove this note', `Remove the note: ${p.text.slice(0, 60)}`)));
      return item;
    }
    const id = `part-${i}`;
    if (p.kind === 'table') return tableItem(state, p, i, item);
    const box = p.kind === 'text' || p.kind === 'item';
    // A words box is no form field: its name comes by aria-labelledby.
    const label = box ? el('span', { id: `${id}-label`, class: 'part-label' }, KIND_NAMES[p.kind])
      : el('label', { htmlFor: id, class: 'part-label' }, KIND_NAMES[p.kind]);
    const head = el('div', { class: 'part-head' }, label, partTools(n));
    let field;
    if (p.kind === 'heading') {
      field = el('input', { id, class: `part-field heading-${Math.min(p.level, 3)}`, value: p.words, autocomplete: 'off', spellcheck: true });
    } else if (box) {
      field = el('words-box', { id, class: 'part-field', 'aria-labelledby': `${id}-label` });
      field.value = p.words;
    } else {
      field = el('textarea', { id, class: 'part-field' + (p.kind === 'other' ? ' code' : ''), value: p.words, spellcheck: true, rows: 1 });
    }
    const body = el('div', { class: 'part-body' });
    if (p.kind === 'text' || p.kind === 'item') {
      const pic = el('button', { type: 'button', class: 'part-pic', 'data-act': 'picture' },
        el('img', { alt: '', width: 64, height: 64 }), el('span', { class: 'part-pic-name' }));
      fillPicture(state, p, pic, n);
      body.append(pic);
    }
    if (p.kind === 'item') body.append(el('span', { class: 'bullet', 'aria-hidden': 'true' }, '\u2022'));
    body.append(field);
    item.append(head, body);
    return item;
  });
  list.replaceChildren(...items);
}

// New pictures from the pages: only the picture buttons change.
export function pictures(state) {
  for (const item of $('parts').children) {
    const p = state.parts[Number(item.dataset.index)];
    const button = item.querySelector('.part-pic');
    if (p && button) fillPicture(state, p, button, Number(item.dataset.index) + 1);
  }
}

// A part's words box; in a table, the cell [row, column] (the one last in use).
export function field(index, cell) {
  const item = $('parts').children[index];
  if (item && item.classList.contains('part-table')) {
    const [r, c] = cell || (item.dataset.cell || '0,0').split(',').map(Number);
    return $(`part-${index}-${r}-${c}`) || $(`part-${index}-0-0`);
  }
  return $(`part-${index}`);
}

export function light(indexes) {
  for (const item of $('parts').children) item.classList.toggle('lit', indexes.includes(Number(item.dataset.index)));
}
