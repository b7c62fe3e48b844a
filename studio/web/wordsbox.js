// <words-box>: a part's words as a person reads them. Hard words are bold,
// links are links, and no Markdown mark is ever shown; the box reads and
// writes Markdown through `value` and Markdown offsets (selectionStart,
// selectionEnd, setSelectionRange), like a textarea, so the editor's text
// functions work on it unchanged. Typing, Enter and paste go through the
// runs (runs.js), never through the browser's own rich editing: pasted
// HTML can only ever arrive as its plain text.
import { runsOf, markdownOf, markdownOffset, visibleOffset } from './runs.js';

const wordChar = /[\p{L}\p{N}'-]/u;

// The runs shown in the box and the text nodes (and line breaks) that hold
// them, in order, each with its visible start.
function read(box) {
  const runs = [];
  const leaves = [];
  let v = 0;
  const add = (kind, href, text, node) => {
    leaves.push({ node, vs: v, len: text.length });
    v += text.length;
    const last = runs[runs.length - 1];
    if (last && last.kind === kind && last.href === href) last.text += text;
    else runs.push({ kind, text, ...(href !== undefined ? { href } : {}) });
  };
  const walk = (node, kind, href) => {
    for (const c of node.childNodes) {
      if (c.nodeType === Node.TEXT_NODE) add(kind, href, c.data, c);
      else if (c.nodeName === 'BR') { if (!c.hasAttribute('data-end')) add(kind, href, '\n', c); }
      else if (c.nodeType !== Node.ELEMENT_NODE) continue;
      else if ((c.nodeName === 'STRONG' || c.nodeName === 'B') && kind === 'plain') walk(c, 'bold');
      else if (c.nodeName === 'A' && kind === 'plain' && c.dataset.href) walk(c, 'link', c.dataset.href);
      else walk(c, kind, href);
    }
  };
  walk(box, 'plain');
  return { runs, leaves, length: v };
}

function draw(box, md) {
  const nodes = runsOf(md).map((r) => {
    if (r.kind === 'plain') return document.createTextNode(r.text);
    const e = document.createElement(r.kind === 'bold' ? 'strong' : 'a');
    e.textContent = r.text;
    if (r.kind === 'link') {
      e.dataset.href = r.href;
      e.title = r.href;
    }
    return e;
  });
  // A line break at the very end shows only with something after it.
  if (md.endsWith('\n')) {
    const end = document.createElement('br');
    end.setAttribute('data-end', '');
    nodes.push(end);
  }
  box.replaceChildren(...nodes);
}

class WordsBox extends HTMLElement {
  connectedCallback() {
    if (this.ready) return;
    this.ready = true;
    this.setAttribute('role', 'textbox');
    this.setAttribute('aria-multiline', 'true');
    this.setAttribute('contenteditable', 'plaintext-only');
    this.spellcheck = true;
    this.tabIndex = 0;
    this.saved = { start: 0, end: 0 };
    this.addEventListener('beforeinput', (e) => this.typed(e));
    this.addEventListener('paste', (e) => this.pasted(e.clipboardData, e));
    this.addEventListener('drop', (e) => this.pasted(e.dataTransfer, e));
    this.addEventListener('click', (e) => { if (e.target.closest('a')) e.preventDefault(); });
  }

  get value() { return markdownOf(read(this).runs); }

  set value(md) {
    draw(this, md);
    this.saved = { start: 0, end: 0 };
  }

  // The selection in visible characters, or null when it is not in the box.
  visibleSelection() {
    const sel = document.getSelection();
    if (!sel || !sel.rangeCount || !this.contains(sel.anchorNode)) return null;
    const { leaves, length } = read(this);
    const at = (node, offset) => {
      const leaf = leaves.find((l) => l.node === node);
      if (leaf) return leaf.vs + (node.nodeType === Node.TEXT_NODE ? Math.min(offset, leaf.len) : offset ? leaf.len : 0);
      const point = document.createRange();
      point.setStart(node, offset);
      const next = leaves.find((l) => point.comparePoint(l.node, 0) >= 0);
      return next ? next.vs : length;
    };
    const r = sel.getRangeAt(0);
    return { start: at(r.startContainer, r.startOffset), end: at(r.endContainer, r.endOffset) };
  }

  // Markdown offsets of the selection: a caret at the edge of a hard word
  // is outside it; a selection of a whole hard word is inside its marks.
  markdownSelection() {
    const s = this.visibleSelection();
    if (!s) return this.saved;
    const { runs } = read(this);
    const out = s.start === s.end
      ? { start: markdownOffset(runs, s.start, 'out'), end: markdownOffset(runs, s.start, 'out') }
      : { start: markdownOffset(runs, s.start, 'start'), end: markdownOffset(runs, s.end, 'end') };
    this.saved = out;
    return out;
  }

  get selectionStart() { return this.markdownSelection().start; }
  get selectionEnd() { return this.markdownSelection().end; }

  setVisibleSelection(start, end) {
    const { leaves } = read(this);
    const place = (v) => {
      const leaf = leaves.find((l) => l.node.nodeType === Node.TEXT_NODE && v >= l.vs && v <= l.vs + l.len);
      if (leaf) return [leaf.node, v - leaf.vs];
      const after = leaves.find((l) => l.vs >= v);
      if (after) return [after.node.parentNode, [...after.node.parentNode.childNodes].indexOf(after.node)];
      return [this, this.childNodes.length - (this.lastChild && this.lastChild.hasAttribute?.('data-end') ? 1 : 0)];
    };
    const range = document.createRange();
    range.setStart(...place(start));
    range.setEnd(...place(end));
    const sel = document.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  setSelectionRange(start, end) {
    const { runs } = read(this);
    this.saved = { start, end: end ?? start };
    this.setVisibleSelection(visibleOffset(runs, start), visibleOffset(runs, end ?? start));
  }

  // A caret in a word selects the word (for Hard word / Ctrl+B).
  selectWord() {
    const s = this.visibleSelection();
    if (!s || s.start !== s.end) return;
    const text = read(this).runs.map((r) => r.text).join('');
    let a = s.start, b = s.end;
    while (a > 0 && wordChar.test(text[a - 1])) a--;
    while (b < text.length && wordChar.test(text[b])) b++;
    if (a < b) this.setVisibleSelection(a, b);
  }

  // Replaces the selection with plain text and tells the page.
  insert(text) {
    const { start, end } = this.markdownSelection();
    const md = this.value;
    this.value = md.slice(0, start) + text + md.slice(end);
    this.setSelectionRange(start + text.length);
    this.dispatchEvent(new Event('input', { bubbles: true }));
  }

  typed(e) {
    if (e.isComposing) return;
    if (e.inputType === 'insertText' || e.inputType === 'insertReplacementText') {
      const text = e.data ?? e.dataTransfer?.getData('text/plain');
      if (typeof text !== 'string') return;
      e.preventDefault();
      this.insert(text);
    } else if (e.inputType === 'insertParagraph' || e.inputType === 'insertLineBreak') {
      e.preventDefault();
      this.insert('\n');
    } else if (e.inputType.startsWith('format')) {
      e.preventDefault();
    }
  }

  // Paste and drop: only the plain text, whatever else the clipboard holds.
  pasted(data, e) {
    e.preventDefault();
    const text = (data && data.getData('text/plain')) || '';
    if (text) this.insert(text.replace(/\r\n?/g, '\n'));
  }
}

if (!customElements.get('words-box')) customElements.define('words-box', WordsBox);
