// The easy read text as parts, the way an officer sees it: a heading, a
// part of words with its picture, a list item, a note. Pure functions of
// the Markdown body: each part knows the lines it came from, so an edit
// rewrites only that part's lines and everything else stays byte for byte.
// The source links of a first draft (<!-- from line N -->) stay in the file
// and in the part, never in what the officer reads.

const listMark = /^(\s*)([-*+]|\d+[.)])\s+/;
const headingMark = /^(#{1,6})\s+/;
const fromComment = /^<!--\s*from line (\d+)/;
const tailAttr = /\s*\{[^{}]*\}\s*$/;
const image = /!\[[^\]]*\]\([^)]*\)\s*/g;
const otherStart = /^(\s{4}|\t|\||```|~~~|>)/;

const blank = (l) => !l.trim();
const startsComment = (l) => l.trim().startsWith('<!--');

// The picture a part asks for: {picture=ID}, ![words](symbol:ID) or an image file.
function pictureOf(tail, images) {
  const m = /(?:^|[\s{])picture=("([^"]*)"|[^\s}]+)/.exec(tail);
  if (m) return m[2] !== undefined ? m[2] : m[1];
  for (const img of images) {
    const url = /\(([^)]*)\)/.exec(img)[1].trim();
    return url.startsWith('symbol:') ? url.slice(7) : url;
  }
  return '';
}

// The words of lines [from, to] without the codes: the marker, trailing
// {attributes} and images. `map` says, for each source line, which line of
// the words it became (-1: none) and how many characters were cut off its start.
function wordsOf(lines, from, to, marker) {
  const kept = [];
  const map = [];
  const images = [];
  const leads = [];   // each line's own indent (a lazy line has none)
  let tail = '';
  let indent = '';
  for (let k = from; k <= to; k++) {
    let l = lines[k];
    let cut = 0;
    if (k === from) {
      cut = marker.length;
      l = l.slice(marker.length);
    } else {
      const lead = /^\s*/.exec(l)[0];
      if (k === from + 1) indent = lead;
      cut = lead.length;
      l = l.slice(lead.length);
    }
    if (k === to) {
      const t = tailAttr.exec(l);
      if (t && /[=#.]/.test(t[0])) {
        tail = t[0];
        l = l.slice(0, t.index);
      }
    }
    const startImages = /^(?:!\[[^\]]*\]\([^)]*\)\s*)+/.exec(l);
    if (startImages) cut += startImages[0].length;
    // An image written inside `code` is words, not a picture.
    const code = [...l.matchAll(/(`+)[\s\S]*?[^`]\1(?!`)/g)].map((m) => [m.index, m.index + m[0].length]);
    l = l.replace(image, (m, at) => {
      if (code.some(([a, b]) => at >= a && at < b)) return m;
      images.push(m.trim());
      return '';
    });
    if (!l.trim()) { map.push({ line: -1, cut: 0 }); continue; }
    map.push({ line: kept.length, cut });
    leads.push(k === from ? '' : /^\s*/.exec(lines[k])[0]);
    kept.push(l);
  }
  return { words: kept.join('\n'), map, images, tail, indent, leads };
}

export function parseParts(body) {
  const lines = body.split('\n');
  const parts = [];
  let linked = -1;   // the first line of a source link just before a part
  let sources = [];
  let i = 0;
  const add = (part) => {
    part.first = linked >= 0 ? linked : part.from;
    part.sources = sources;
    linked = -1;
    sources = [];
    parts.push(part);
  };
  while (i < lines.length) {
    const line = lines[i];
    if (blank(line)) { linked = -1; sources = []; i++; continue; }
    if (startsComment(line)) {
      let end = i;
      while (end < lines.length - 1 && !lines[end].includes('-->')) end++;
      const from = fromComment.exec(line.trim());
      if (from) {
        const next = lines[end + 1];
        if (next !== undefined && !blank(next) && !startsComment(next)) {
          if (linked < 0) linked = i;
          sources.push(Number(from[1]));
        }
        i = end + 1;  // a source link with nothing after it stays in the file, unseen
        continue;
      }
      const text = lines.slice(i, end + 1).join('\n').replace(/^\s*<!--\s*/, '').replace(/\s*-->\s*$/, '');
      linked = -1;
      sources = [];
      add({ kind: 'note', from: i, last: end, text });
      i = end + 1;
      continue;
    }
    const heading = headingMark.exec(line);
    if (heading) {
      const w = wordsOf(lines, i, i, heading[0]);
      add({ kind: 'heading', level: heading[1].length, marker: heading[0], from: i, last: i, ...w });
      i++;
      continue;
    }
    const table = tableAt(lines, i);
    if (table) {
      add(table);
      i = table.last + 1;
      continue;
    }
    if (otherStart.test(line)) {
      let end = i;
      if (/^(```|~~~)/.test(line.trim())) {
        const fence = line.trim().slice(0, 3);
        end = i + 1;
        while (end < lines.length - 1 && !lines[end].trim().startsWith(fence)) end++;
      } else {
        while (end + 1 < lines.length && !blank(lines[end + 1])) end++;
      }
      add({ kind: 'other', from: i, last: end, words: lines.slice(i, end + 1).join('\n') });
      i = end + 1;
      continue;
    }
    const item = listMark.exec(line);
    let end = i;
    // A table interrupts a paragraph (its heading row is the first line it takes).
    const stops = (k) => blank(lines[k]) || headingMark.test(lines[k]) || startsComment(lines[k]) || listMark.test(lines[k]) || tableAt(lines, k);
    while (end + 1 < lines.length && !stops(end + 1)) end++;
    const marker = item ? item[0] : '';
    const w = wordsOf(lines, i, end, marker);
    add({ kind: item ? 'item' : 'text', marker, from: i, last: end, ...w });
    i = end + 1;
  }
  for (const p of parts) if (p.kind === 'heading' || p.kind === 'text' || p.kind === 'item') p.picture = pictureOf(p.tail, p.images);
  return parts;
}

// ---- tables: a grid of cells, each written back in place ----

// The cells of a table row (GFM): between unescaped pipes, a leading and a
// trailing pipe optional. The row is kept as prefix + segs.join('|') + suffix,
// which is the line itself, so a cell's raw text can change alone.
export function splitRow(line) {
  let i = /^\s*/.exec(line)[0].length;
  const lead = line[i] === '|';
  if (lead) i++;
  const bounds = [];
  let start = i;
  for (; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') { bounds.push([start, i]); start = i + 1; }
  }
  const trailing = bounds.length > 0 && !line.slice(start).trim();
  if (!trailing) bounds.push([start, line.length]);
  if (!bounds.length || (lead && bounds.length === 1 && !line.slice(...bounds[0]).trim() && !trailing)) return null;
  const first = bounds[0][0], end = bounds[bounds.length - 1][1];
  return { prefix: line.slice(0, first), segs: bounds.map(([a, b]) => line.slice(a, b)), suffix: line.slice(end) };
}

const delimiterCell = /^\s*:?-+:?\s*$/;
const cellTail = /\s*\{[^{}]*\}\s*$/;

// A cell's words as the officer reads them: no padding, no {picture=...}
// (kept as the cell's tail), an escaped pipe as a pipe.
function cellOf(seg) {
  const content = seg.trim();
  const t = cellTail.exec(content);
  const tail = t && /[=#.]/.test(t[0]) ? t[0] : '';
  const words = content.slice(0, content.length - tail.length).replace(/\\\|/g, '|');
  const picture = tail ? pictureOf(tail, []) : '';
  return { words, tail, picture };
}

// The table starting at line i (its heading row, then a delimiter row with
// as many cells), to the last row before a blank line or another block.
function tableAt(lines, i) {
  if (i + 1 >= lines.length || !lines[i].includes('|') || /^\s{4}/.test(lines[i])) return null;
  const head = splitRow(lines[i]);
  const delim = splitRow(lines[i + 1]);
  if (!head || !delim || delim.segs.length !== head.segs.length || !delim.segs.every((c) => delimiterCell.test(c))) return null;
  if (!lines[i + 1].includes('|') && head.segs.length === 1) return null;  // a heading underline, not a table
  const rows = [{ line: i, ...head }];
  let last = i + 1;
  const ends = (l) => blank(l) || headingMark.test(l) || startsComment(l) || /^\s*(```|~~~|>)/.test(l);
  while (last + 1 < lines.length && !ends(lines[last + 1])) {
    const row = splitRow(lines[last + 1]);
    if (!row) break;
    rows.push({ line: last + 1, ...row });
    last++;
  }
  const columns = head.segs.length;
  for (const r of rows) r.cells = Array.from({ length: columns }, (_, c) => (c < r.segs.length ? cellOf(r.segs[c]) : { words: '', tail: '', picture: '' }));
  return { kind: 'table', from: i, last, delimiter: i + 1, columns, rows, words: lines.slice(i, last + 1).join('\n') };
}

// What a cell can hold: one line, pipes escaped (a backslash typed before
// a pipe would unescape it, so it goes).
export function cellText(words) {
  return words.replace(/\r/g, '').replace(/\s*\n\s*/g, ' ').replace(/\\+(?=\|)/g, '').replace(/\|/g, '\\|');
}

// Without a leading pipe, an empty first cell would not be read as a cell.
function writeRow(row, segs) {
  if (!segs.length) return '| |';
  const prefix = !row.prefix.includes('|') && !segs[0].trim() ? row.prefix + '|' : row.prefix;
  return prefix + segs.join('|') + row.suffix;
}

// A new raw cell: one space each side of its words (one space if empty),
// none after the last one of a row without a closing pipe.
function newSeg(row, text, last) {
  return text ? ' ' + text + (last && !row.suffix ? '' : ' ') : ' ';
}

// Sets the words of cell (r, c), r = 0 for the headings: only that row's
// line changes, and only between the cell's pipes; its own words change nothing.
export function setCell(body, part, r, c, words) {
  const row = part.rows[r];
  if (!row || c < 0 || c >= part.columns) return body;
  if (words === row.cells[c].words) return body;
  const segs = row.segs.slice();
  // Spaces at the edges are the cell's padding, which stays as it was (a
  // space typed at the end shows in the box and reaches the file with the next word).
  const text = cellText(words).trim();
  if (c < segs.length) {
    const seg = segs[c];
    const lead = /^\s*/.exec(seg)[0];
    const trail = seg.trim() ? /\s*$/.exec(seg)[0] : '';
    const content = text + row.cells[c].tail;
    segs[c] = seg.trim() ? lead + content + trail : newSeg(row, content, c === segs.length - 1);
  } else {
    while (segs.length < c) segs.push(newSeg(row, '', false));
    segs.push(newSeg(row, text, true));
    // The cell that was last now has one after it: it needs its closing space.
    if (!row.suffix && segs.length > 1 && c > 0 && !/\s$/.test(segs[segs.length - 2])) segs[segs.length - 2] += ' ';
  }
  return replaceLines(body, row.line, row.line, [writeRow(row, segs)]);
}

// The 1-based column of cell (r, c)'s words in its row's line.
export function cellColumn(part, r, c) {
  const row = part.rows[r];
  let at = row.prefix.length;
  for (let k = 0; k < Math.min(c, row.segs.length); k++) at += row.segs[k].length + 1;
  const seg = row.segs[c];
  return at + (seg ? /^\s*/.exec(seg)[0].length : 0) + 1;
}

// Writes a picture choice into cell (r, c) as its {picture=ID} (an earlier
// choice replaced, its other attributes kept): only that cell changes.
export function setCellPicture(body, part, r, c, id) {
  const row = part.rows[r];
  if (!row || c < 0 || c >= part.columns || !/^[^\s{}|]+$/.test(id)) return body;
  const segs = row.segs.slice();
  while (segs.length <= c) segs.push(newSeg(row, '', false));
  const seg = segs[c];
  const lead = /^\s*/.exec(seg)[0] || ' ';
  const trail = seg.trim() ? /\s*$/.exec(seg)[0] : ' ';
  const content = seg.trim();
  const t = cellTail.exec(content);
  const tail = t && /[=#.]/.test(t[0]) ? t[0] : '';
  const words = content.slice(0, content.length - tail.length);
  let attrs;
  if (!tail) attrs = ` {picture=${id}}`;
  else if (/(^|[\s{])picture=/.test(tail)) attrs = tail.replace(/((?:^|[\s{])picture=)("[^"]*"|[^\s}]+)/, `$1${id}`);
  else attrs = tail.replace(/\}\s*$/, ` picture=${id}}`);
  segs[c] = lead + (words ? words + attrs : attrs.trimStart()) + trail;
  return replaceLines(body, row.line, row.line, [writeRow(row, segs)]);
}

// Adds an empty row after row r (after the headings when r is 0).
export function addRow(body, part, r) {
  const model = part.rows[Math.max(1, Math.min(r, part.rows.length - 1))] || part.rows[0];
  const segs = Array.from({ length: part.columns }, (_, c) => newSeg(model, '', c === part.columns - 1));
  const at = r === 0 ? part.delimiter : part.rows[r].line;
  const lines = body.split('\n');
  lines.splice(at + 1, 0, writeRow(model, segs));
  return lines.join('\n');
}

// Removes row r (not the headings).
export function removeRow(body, part, r) {
  if (r < 1 || r >= part.rows.length) return null;
  return replaceLines(body, part.rows[r].line, part.rows[r].line, []);
}

function eachRowLine(body, part, change) {
  const lines = body.split('\n');
  for (let k = part.from; k <= part.last; k++) {
    const row = splitRow(lines[k]);
    if (row) lines[k] = change(row, k === part.delimiter, row.segs.slice());
  }
  return lines.join('\n');
}

// Adds an empty column after column c (-1: before the first).
export function addColumn(body, part, c) {
  return eachRowLine(body, part, (row, isDelimiter, segs) => {
    if (segs.length <= c) return writeRow(row, segs);
    const model = segs[Math.max(0, c)];
    const pad = /^\s*/.exec(model)[0] ? ' ' : '';
    const last = c + 1 === segs.length;
    let seg = isDelimiter ? pad + '---' + (last && !row.suffix ? '' : pad) : newSeg(row, '', last);
    if (last && !row.suffix && !/\s$/.test(segs[c]) && !isDelimiter) segs[c] += ' ';
    if (last && !row.suffix && isDelimiter && pad && !/\s$/.test(segs[c])) segs[c] += ' ';
    segs.splice(c + 1, 0, seg);
    return writeRow(row, segs);
  });
}

// Removes column c (a table keeps at least one).
export function removeColumn(body, part, c) {
  if (part.columns < 2 || c < 0 || c >= part.columns) return null;
  return eachRowLine(body, part, (row, isDelimiter, segs) => {
    if (c < segs.length) segs.splice(c, 1);
    return writeRow(row, segs);
  });
}

// The lines a part becomes with new words: the source link and image lines
// before the words stay, the marker starts the first line, later lines keep
// their indent, and the {attributes} end the last line.
export function partLines(body, part, words) {
  const lines = body.split('\n');
  if (part.kind === 'note') return words.split('\n');
  if (part.kind === 'other' || part.kind === 'table') return [...lines.slice(part.first, part.from), ...words.split('\n')];
  let ws = words.replace(/\r/g, '').split('\n').filter((l) => l.trim());
  if (part.kind === 'heading') ws = [ws.map((l) => l.trim()).join(' ')];
  const out = lines.slice(part.first, part.from);
  // Lines of the part that held only pictures stay where they were, before the words.
  const imageLines = [];
  for (let k = part.from; k <= part.last; k++) if (part.map[k - part.from].line < 0) imageLines.push(lines[k]);
  const firstHasImages = part.images.length > 0 && part.map[0].line >= 0 && imageLines.length === 0;
  out.push(...imageLines);
  // No words: a part of only a picture keeps its picture line alone.
  if (!ws.length && !imageLines.length) ws = [''];
  ws.forEach((l, k) => {
    const lead = k === 0 ? part.marker + (firstHasImages ? part.images.join(' ') + ' ' : '')
      : k < part.leads.length ? part.leads[k] : (part.indent || (part.kind === 'item' ? '  ' : ''));
    out.push(lead + (k === 0 ? l : l.trimStart()));
  });
  // The tail keeps its own spacing; spaces typed at the end of the words go.
  if (part.tail && out.length) out[out.length - 1] = out[out.length - 1].replace(/\s+$/, '') + part.tail;
  return out;
}

function replaceLines(body, first, last, replacement) {
  const lines = body.split('\n');
  lines.splice(first, last - first + 1, ...replacement);
  return lines.join('\n');
}

export function setWords(body, part, words) {
  return replaceLines(body, part.first, part.last, partLines(body, part, words));
}

// Removes a part and the blank line after it (or before it, at the end).
export function removePart(body, part) {
  const lines = body.split('\n');
  let first = part.first, last = part.last;
  if (last + 1 < lines.length && blank(lines[last + 1]) && (first === 0 || blank(lines[first - 1]))) last++;
  else if (first > 0 && blank(lines[first - 1])) first--;
  lines.splice(first, last - first + 1);
  return lines.join('\n');
}

// The TODO note a first draft writes after a part, about that part's source
// line ("<!-- TODO (line N): ... -->"), belongs to the part and moves with it.
function belongs(note, owner) {
  const m = /^TODO \(line (\d+)\)/.exec(note.text);
  return !!m && !!owner && owner.kind !== 'note' && (owner.sources || []).includes(Number(m[1]));
}

// The parts [start, end] that move as one with part `index`: it and its notes.
export function groupOf(parts, index) {
  let start = index;
  if (parts[index].kind === 'note') {
    let owner = index;
    while (owner > 0 && parts[owner].kind === 'note') owner--;
    if (parts.slice(owner + 1, index + 1).every((n) => belongs(n, parts[owner]))) start = owner;
  }
  let end = start;
  while (end + 1 < parts.length && parts[end + 1].kind === 'note' && belongs(parts[end + 1], parts[start])) end++;
  return [start, end];
}

// Swaps a part (with its notes) with the one before (dir -1) or after
// (dir 1). Between two parts of different kinds a blank line is kept, so a
// moved list item never joins a paragraph.
export function movePart(body, parts, index, dir) {
  const [s, e] = groupOf(parts, index);
  const other = dir < 0 ? (s > 0 ? groupOf(parts, s - 1) : null) : e + 1 < parts.length ? groupOf(parts, e + 1) : null;
  if (!other) return null;
  const [ga, gb] = dir < 0 ? [other, [s, e]] : [[s, e], other];
  const a = parts[ga[0]], b = parts[gb[0]];
  // An item inside another item moves only among the items at its own depth.
  const depth = (p) => (p.kind === 'item' ? /^\s*/.exec(p.marker)[0].length : 0);
  if (depth(a) !== depth(b)) return null;
  const aLast = parts[ga[1]].last, bLast = parts[gb[1]].last;
  const lines = body.split('\n');
  const A = lines.slice(a.first, aLast + 1);
  const B = lines.slice(b.first, bLast + 1);
  let between = lines.slice(aLast + 1, b.first);
  if (!between.some(blank) && !(a.kind === 'item' && b.kind === 'item')) between = [''];
  lines.splice(a.first, bLast - a.first + 1, ...B, ...between, ...A);
  return lines.join('\n');
}

export const NEW_WORDS = 'Write the words here.';
export const NEW_HEADING = 'New heading';

// Adds a part after `part` (or at the end when it is null); returns the
// new body and the body line where the new part starts.
export function addPart(body, part, kind) {
  const lines = body.split('\n');
  let at = part ? part.last + 1 : lines.length;
  if (!part) while (at > 0 && blank(lines[at - 1])) at--;
  let add;
  if (kind === 'item') {
    const m = part && part.kind === 'item' ? /^(\s*)(\d+)([.)])\s+/.exec(part.marker) : null;
    const marker = m ? `${m[1]}${Number(m[2]) + 1}${m[3]} ` : part && part.kind === 'item' ? part.marker : '- ';
    add = part && part.kind === 'item' ? [marker + NEW_WORDS] : ['', marker + NEW_WORDS];
  } else {
    add = ['', kind === 'heading' ? '# ' + NEW_HEADING : NEW_WORDS];
  }
  const nextItem = at < lines.length && listMark.test(lines[at]);
  if (at === 0) add.shift();
  // A blank line before what follows, except between two items of one list.
  if (at < lines.length && !blank(lines[at]) && !(kind === 'item' && nextItem && add.length === 1)) add.push('');
  lines.splice(at, 0, ...add);
  const start = at + add.findIndex((l) => l && !blank(l));
  return { body: lines.join('\n'), line: start };
}

// Changes a part's kind between words and heading (the words stay).
export function setKind(body, part, kind) {
  if (part.kind === kind || (kind !== 'heading' && kind !== 'text')) return body;
  const copy = { ...part, marker: kind === 'heading' ? '# ' : '', kind };
  return setWords(body, copy, part.words);
}

// The part showing body line `line`, and where in its words that line and
// character column (1-based) fall: { index, offset }.
export function placeOf(parts, line, column) {
  const index = parts.findIndex((p) => line >= p.first && line <= p.last);
  if (index < 0) return null;
  const p = parts[index];
  if (p.kind === 'table') return tablePlace(p, index, line, column);
  if (!p.map || line < p.from) return { index, offset: 0 };
  const m = p.map[line - p.from];
  if (!m || m.line < 0) return { index, offset: 0 };
  const ws = p.words.split('\n');
  let offset = 0;
  for (let k = 0; k < m.line; k++) offset += ws[k].length + 1;
  const col = Math.max(0, Math.min(ws[m.line].length, (column || 1) - 1 - m.cut));
  return { index, offset: offset + col };
}

// The cell of a table at a line and column: { index, offset, cell: [r, c] }.
function tablePlace(p, index, line, column) {
  const r = Math.max(0, p.rows.findIndex((row) => row.line === line));
  const row = p.rows[r];
  const at = Math.max(0, (column || 1) - 1);
  let start = row.prefix.length;
  for (let c = 0; c < Math.min(row.segs.length, p.columns); c++) {
    const end = start + row.segs[c].length;
    if (at <= end || c === Math.min(row.segs.length, p.columns) - 1) {
      const lead = /^\s*/.exec(row.segs[c])[0].length;
      const offset = Math.max(0, Math.min(row.cells[c].words.length, at - start - lead));
      return { index, offset, cell: [r, c] };
    }
    start = end + 1;
  }
  return { index, offset: 0, cell: [r, 0] };
}

// Parts with the same kinds in the same order (tables of the same size)
// can keep their boxes on screen.
export function sameShape(a, b) {
  const size = (p) => (p.kind === 'table' ? `${p.rows.length}x${p.columns}` : '');
  return a.length === b.length && a.every((p, i) => p.kind === b[i].kind && size(p) === size(b[i]));
}
