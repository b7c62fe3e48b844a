// Text operations on the document: pure functions of strings, so every
// button and fix is one small, testable change to the Markdown.

// Splits "---\nkey: value\n---\n" off the text. Lines of the front matter
// are kept in order (unknown keys and comments survive an edit).
export function splitDocument(text) {
  const lines = text.split('\n');
  if (lines[0].trim() !== '---') return { front: [], hasFront: false, body: text, bodyOffset: 0 };
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '---') {
      const front = lines.slice(1, i).map((line) => {
        const m = /^([A-Za-z0-9_-]+)\s*:\s?(.*)$/.exec(line);
        if (!m) return { raw: line };
        let value = m[2].trim();
        if (value.length >= 2 && ((value[0] === '"' && value.endsWith('"')) || (value[0] === "'" && value.endsWith("'"))))
          value = value.slice(1, -1);
        return { key: m[1], value, line, was: value };
      });
      return { front, hasFront: true, body: lines.slice(i + 1).join('\n'), bodyOffset: i + 1 };
    }
  }
  return { front: [], hasFront: false, body: text, bodyOffset: 0 };
}

export function joinDocument(doc) {
  if (!doc.hasFront && doc.front.length === 0) return doc.body;
  const lines = doc.front.map((f) => {
    if (f.raw !== undefined) return f.raw;
    // An unchanged line is written as it was (its quotes and spacing kept).
    if (f.line !== undefined && f.value === f.was) return f.line;
    const v = f.value;
    const quoted = v.length >= 2 && ((v[0] === '"' && v.endsWith('"')) || (v[0] === "'" && v.endsWith("'")));
    return `${f.key}: ${quoted ? '"' + v + '"' : v}`;
  });
  return ['---', ...lines, '---'].join('\n') + '\n' + doc.body;
}

export function frontValue(doc, key) {
  const f = doc.front.find((x) => x.key === key);
  return f ? f.value : '';
}

// Sets a front matter value; an empty value removes the line.
export function setFrontValue(doc, key, value) {
  value = value.replace(/[\r\n]+/g, ' ');
  const i = doc.front.findIndex((x) => x.key === key);
  if (!value.trim()) {
    if (i >= 0) doc.front.splice(i, 1);
  } else if (i >= 0) {
    doc.front[i].value = value;
  } else {
    doc.front.push({ key, value });
  }
  doc.hasFront = true;
  return doc;
}

// 0-based index of the line holding character offset `pos`.
export function lineAt(text, pos) {
  let n = 0;
  for (let i = 0; i < pos && i < text.length; i++) if (text[i] === '\n') n++;
  return n;
}

// Character offset where 0-based line `line` starts.
export function lineStart(text, line) {
  let pos = 0;
  for (let n = 0; n < line; n++) {
    const next = text.indexOf('\n', pos);
    if (next < 0) return text.length;
    pos = next + 1;
  }
  return pos;
}

const listMark = /^\s*(?:[-*+]|\d+[.)])\s+/;

// The lines [first, last] (0-based) of the part that line `line` is in: a
// list item on its own, else the paragraph up to blank lines.
export function partRange(text, line) {
  const lines = text.split('\n');
  if (line < 0 || line >= lines.length) return null;
  if (!lines[line].trim()) return null;
  if (listMark.test(lines[line]) || /^#{1,6}\s/.test(lines[line])) return [line, line];
  let first = line, last = line;
  while (first > 0 && lines[first - 1].trim() && !listMark.test(lines[first - 1]) && !/^#{1,6}\s/.test(lines[first - 1]) && !/^<!--/.test(lines[first - 1].trim())) first--;
  while (last + 1 < lines.length && lines[last + 1].trim() && !listMark.test(lines[last + 1]) && !/^<!--/.test(lines[last + 1].trim())) last++;
  return [first, last];
}

const pictureAttr = /\s*\{picture=[^}]*\}/g;
const symbolImage = /!\[[^\]]*\]\((?:symbol:[^)]*|[^)]+\.(?:png|jpe?g|svg))\)\s*/gi;

// Writes the picture choice into the part at `line`: {picture=ID}, or
// {picture=none}; an earlier choice in that part is replaced.
export function setPicture(text, line, id) {
  const range = partRange(text, line);
  if (!range) return text;
  const lines = text.split('\n');
  for (let i = range[0]; i <= range[1]; i++) lines[i] = lines[i].replace(pictureAttr, '').replace(symbolImage, '');
  lines[range[1]] = lines[range[1]].replace(/\s+$/, '') + ` {picture=${id}}`;
  return lines.join('\n');
}

// The words of the part at `line`, without codes: what the matcher is asked about.
export function partWords(text, line) {
  const range = partRange(text, line);
  if (!range) return '';
  return text.split('\n').slice(range[0], range[1] + 1).join(' ')
    .replace(pictureAttr, '').replace(symbolImage, '').replace(listMark, '').replace(/^#+\s*/, '').replace(/\*\*/g, '').trim();
}

// Heading: toggles "# " on the cursor's line.
export function toggleHeading(text, start) {
  const line = lineAt(text, start);
  const s = lineStart(text, line);
  const end = text.indexOf('\n', s) < 0 ? text.length : text.indexOf('\n', s);
  const current = text.slice(s, end);
  const next = /^#{1,6}\s/.test(current) ? current.replace(/^#{1,6}\s+/, '') : '# ' + current.replace(listMark, '');
  return { text: text.slice(0, s) + next + text.slice(end), start: s, end: s + next.length };
}

// List: toggles "- " on every selected line.
export function toggleList(text, start, end) {
  const a = lineAt(text, start), b = lineAt(text, Math.max(start, end - (end > start ? 1 : 0)));
  const lines = text.split('\n');
  const all = lines.slice(a, b + 1).filter((l) => l.trim()).every((l) => listMark.test(l));
  for (let i = a; i <= b; i++) {
    if (!lines[i].trim()) continue;
    lines[i] = all ? lines[i].replace(listMark, '') : '- ' + lines[i].replace(/^#{1,6}\s+/, '');
  }
  const out = lines.join('\n');
  return { text: out, start: lineStart(out, a), end: lineStart(out, b) + lines[b].length };
}

// Hard word: toggles **...** around the selection (or the word at the cursor).
export function toggleHardWord(text, start, end) {
  if (start === end) {
    while (start > 0 && /[\p{L}\p{N}'-]/u.test(text[start - 1])) start--;
    while (end < text.length && /[\p{L}\p{N}'-]/u.test(text[end])) end++;
  }
  if (start === end) return { text, start, end };
  const inner = text.slice(start, end);
  if (text.slice(start - 2, start) === '**' && text.slice(end, end + 2) === '**')
    return { text: text.slice(0, start - 2) + inner + text.slice(end + 2), start: start - 2, end: end - 2 };
  if (/^\*\*.*\*\*$/.test(inner))
    return { text: text.slice(0, start) + inner.slice(2, -2) + text.slice(end), start, end: end - 4 };
  const word = inner.trim();
  const lead = inner.indexOf(word);
  const s = start + lead, e = s + word.length;
  return { text: text.slice(0, s) + '**' + word + '**' + text.slice(e), start: s, end: e + 4 };
}

// Applies a checker's fix {line, column (characters, 1-based), from, to} to
// the whole file's text; null when the words are no longer there.
export function applyFix(text, fix) {
  const s = lineStart(text, fix.line - 1) + [...text.slice(lineStart(text, fix.line - 1))].slice(0, fix.column - 1).join('').length;
  if (text.slice(s, s + fix.from.length) !== fix.from) return null;
  return text.slice(0, s) + fix.to + text.slice(s + fix.from.length);
}

// Lines of `a` and `b` compared: [{kind: 'same'|'removed'|'added', text}].
export function lineDifference(a, b) {
  const x = a.split('\n'), y = b.split('\n');
  if (x.length * y.length > 4e6) return [{ kind: 'removed', text: '(the whole text)' }, { kind: 'added', text: '(the whole text)' }];
  const n = x.length, m = y.length;
  const len = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) len[i][j] = x[i] === y[j] ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
  const out = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) { out.push({ kind: 'same', text: x[i] }); i++; j++; }
    else if (j < m && (i === n || len[i][j + 1] >= len[i + 1][j])) { out.push({ kind: 'added', text: y[j] }); j++; }
    else { out.push({ kind: 'removed', text: x[i] }); i++; }
  }
  return out;
}

// Undo and redo of the whole text; typing within a second is one step.
export class History {
  constructor(limit = 200) { this.undos = []; this.redos = []; this.limit = limit; this.last = 0; }
  record(state, merge) {
    const now = Date.now();
    if (merge && this.undos.length && now - this.last < 1000) { this.last = now; return; }
    this.undos.push(state);
    if (this.undos.length > this.limit) this.undos.shift();
    this.redos = [];
    this.last = now;
  }
  undo(current) {
    if (!this.undos.length) return null;
    this.redos.push(current);
    this.last = 0;
    return this.undos.pop();
  }
  redo(current) {
    if (!this.redos.length) return null;
    this.undos.push(current);
    this.last = 0;
    return this.redos.pop();
  }
}
