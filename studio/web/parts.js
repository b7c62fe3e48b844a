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
    l = l.replace(image, (m) => { images.push(m.trim()); return ''; });
    if (!l.trim()) { map.push({ line: -1, cut: 0 }); continue; }
    map.push({ line: kept.length, cut });
    kept.push(l);
  }
  return { words: kept.join('\n'), map, images, tail, indent };
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
    const stops = (l) => blank(l) || headingMark.test(l) || startsComment(l) || listMark.test(l);
    while (end + 1 < lines.length && !stops(lines[end + 1])) end++;
    const marker = item ? item[0] : '';
    const w = wordsOf(lines, i, end, marker);
    add({ kind: item ? 'item' : 'text', marker, from: i, last: end, ...w });
    i = end + 1;
  }
  for (const p of parts) if (p.kind !== 'note' && p.kind !== 'other') p.picture = pictureOf(p.tail, p.images);
  return parts;
}

// The lines a part becomes with new words: the source link and image lines
// before the words stay, the marker starts the first line, later lines keep
// their indent, and the {attributes} end the last line.
export function partLines(body, part, words) {
  const lines = body.split('\n');
  if (part.kind === 'note') return words.split('\n');
  if (part.kind === 'other') return [...lines.slice(part.first, part.from), ...words.split('\n')];
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
    const lead = k === 0 ? part.marker + (firstHasImages ? part.images.join(' ') + ' ' : '') : (part.indent || (part.kind === 'item' ? '  ' : ''));
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
  if (!p.map || line < p.from) return { index, offset: 0 };
  const m = p.map[line - p.from];
  if (!m || m.line < 0) return { index, offset: 0 };
  const ws = p.words.split('\n');
  let offset = 0;
  for (let k = 0; k < m.line; k++) offset += ws[k].length + 1;
  const col = Math.max(0, Math.min(ws[m.line].length, (column || 1) - 1 - m.cut));
  return { index, offset: offset + col };
}

// Parts with the same kinds in the same order can keep their boxes on screen.
export function sameShape(a, b) {
  return a.length === b.length && a.every((p, i) => p.kind === b[i].kind);
}
