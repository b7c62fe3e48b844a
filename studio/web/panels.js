// Drawing the panels from the studio's messages. Text from documents is
// only ever set as textContent: nothing a document says can run here.
const $ = (id) => document.getElementById(id);

export function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('data-') || k.startsWith('aria-')) e.setAttribute(k, v);
    else e[k] = v;
  }
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
}

export function fileList(list, files, label, open) {
  list.replaceChildren(...files.map((f) => {
    const b = el('button', { type: 'button', class: 'file' }, label(f));
    b.addEventListener('click', () => open(f));
    return el('li', {}, b);
  }));
}

function pageLabel(page) {
  return page.number > 0 ? `Page ${page.number}` : page.index === 0 ? 'Cover' : `Page ${page.index + 1}`;
}

// The pages as images; only pages whose revision changed load again.
export function pages(state, actions) {
  const msg = state.pages;
  if (!msg) return;
  const list = $('pages');
  $('pages-state').hidden = msg.laid_out;
  $('pages-state').textContent = msg.laid_out ? '' : 'The pages cannot be made yet: see Check.';
  const problems = new Map();
  if (state.check)
    for (const p of state.check.problems)
      if (p.severity !== 'note' && p.page >= 0) problems.set(p.page, (problems.get(p.page) || 0) + 1);
  while (list.children.length > msg.pages.length) list.lastChild.remove();
  msg.pages.forEach((page, i) => {
    let item = list.children[i];
    if (!item) {
      item = el('li', { class: 'page' });
      const frame = el('div', { class: 'sheet' });
      const img = el('img', { width: msg.width, height: msg.height, decoding: 'async' });
      frame.append(img, el('div', { class: 'overlay' }));
      const bar = el('div', { class: 'page-bar' }, el('span', { class: 'page-name' }), el('span', { class: 'page-problems' }));
      const listen = el('button', { type: 'button', class: 'small' }, 'Listen');
      listen.addEventListener('click', () => actions.listenPage(Number(item.dataset.index)));
      bar.append(listen);
      item.append(frame, bar);
      list.append(item);
    }
    item.dataset.index = i;
    const img = item.querySelector('img');
    const src = `/api/page?doc=${encodeURIComponent(state.name)}&n=${i}&r=${page.revision}`;
    if (page.revision > 0 && img.dataset.src !== src) {
      img.dataset.src = src;
      img.src = src;
    }
    img.alt = `${pageLabel(page)}, as it will be printed`;
    item.querySelector('.page-name').textContent = pageLabel(page);
    const count = problems.get(i) || 0;
    item.querySelector('.page-problems').textContent = count ? `${count} to check` : '';
    item.querySelector('.listen, .small').setAttribute('aria-label', `Listen to ${pageLabel(page).toLowerCase()}`);
    // A mark beside each part with something to check (the list in Check says it in words).
    const marks = item.querySelector('.marks') || item.querySelector('.sheet').appendChild(el('div', { class: 'marks', 'aria-hidden': 'true' }));
    const onPage = state.check ? state.check.problems.filter((p) => p.severity !== 'note' && p.page === i && p.line > 0) : [];
    marks.replaceChildren(...onPage.map((p) => {
      let part = null;
      for (const q of page.parts || []) if (q.line <= p.line && (!part || q.line > part.line)) part = q;
      const mark = el('span', { class: 'mark', title: `Line ${p.line}: ${p.message}` }, '!');
      mark.style.top = `${(part ? part.y : 0.05) * 100}%`;
      mark.addEventListener('click', () => actions.goTo(p.line));
      return mark;
    }));
    // A button over each picture: click it to change that picture.
    const overlay = item.querySelector('.overlay');
    overlay.replaceChildren(...page.pictures.map((p) => {
      const b = el('button', { type: 'button', class: 'pic-button', title: `Change the picture "${p.alt || p.picture}"` });
      b.setAttribute('aria-label', `Change the picture for: ${p.text.slice(0, 80)}`);
      b.style.left = `${p.x * 100}%`;
      b.style.top = `${p.y * 100}%`;
      b.style.width = `${p.w * 100}%`;
      b.style.height = `${p.h * 100}%`;
      b.addEventListener('click', () => actions.choosePicture(p.line, p.column));
      return b;
    }));
  });
}

export function showCurrentPage(index) {
  const list = $('pages');
  for (const item of list.children) item.classList.toggle('current', Number(item.dataset.index) === index);
  const item = list.children[index];
  if (!item) return;
  item.querySelector('.page-name').setAttribute('aria-current', 'page');
  for (const other of list.children) if (other !== item) other.querySelector('.page-name').removeAttribute('aria-current');
  const panel = $('panel-pages');
  const top = item.offsetTop - panel.offsetTop;
  if (top < panel.scrollTop || top + 80 > panel.scrollTop + panel.clientHeight) panel.scrollTop = Math.max(0, top - 8);
}

function where(p) {
  const parts = [];
  if (p.line > 0) parts.push(`Line ${p.line}`);
  if (p.page >= 0) parts.push(p.page === 0 ? 'cover' : `page ${p.page + 1}`);
  return parts.join(', ');
}

function problemItem(p, actions) {
  const item = el('li', { class: `problem ${p.severity}` });
  const kind = p.severity === 'error' ? 'Must fix' : p.severity === 'warning' ? 'To check' : 'Advice';
  item.append(el('p', { class: 'where' }, el('strong', {}, kind), ` · ${where(p)}`));
  item.append(el('p', {}, p.message[0].toUpperCase() + p.message.slice(1) + '.'));
  if (p.hint) item.append(el('p', { class: 'hint' }, p.hint));
  const row = el('div', { class: 'row' });
  if (p.line > 0) {
    // The place: the quoted words at the warning's column are selected.
    const quoted = /"([^"]+)"/.exec(p.message);
    const length = quoted && p.column > 0 ? [...quoted[1]].length : 0;
    const go = el('button', { type: 'button', class: 'small' }, `Go to line ${p.line}`);
    go.setAttribute('aria-label', `Go to line ${p.line}${quoted ? ': ' + quoted[1] : ''}`);
    go.addEventListener('click', () => actions.goTo(p.line, p.column, length));
    row.append(go);
  }
  if (p.fix) {
    const fix = el('button', { type: 'button', class: 'small primary' }, `Fix: write "${p.fix.to}"`);
    fix.setAttribute('aria-label', `Fix line ${p.line}: write "${p.fix.to}" instead of "${p.fix.from}"`);
    fix.addEventListener('click', () => actions.fix(p.fix));
    row.append(fix);
  }
  item.append(row);
  return item;
}

export function check(state, actions) {
  const msg = state.check;
  const main = msg.problems.filter((p) => p.severity !== 'note');
  const notes = msg.problems.filter((p) => p.severity === 'note');
  $('check-list').replaceChildren(...main.map((p) => problemItem(p, actions)));
  $('check-empty').hidden = main.length > 0;
  $('check-summary').textContent = msg.summary || '';
  $('check-count').textContent = main.length ? `(${main.length})` : '(none)';
  $('tab-check').textContent = main.length ? `Check (${main.length})` : 'Check';
  $('advice').hidden = notes.length === 0;
  $('advice-summary').textContent = `Advice (${notes.length})`;
  $('advice-list').replaceChildren(...notes.map((p) => problemItem(p, actions)));
}

export function hardWords(state, actions) {
  const words = state.check.hard_words;
  $('words-empty').hidden = words.length > 0;
  const list = $('words-list');
  const focused = document.activeElement && list.contains(document.activeElement) ? document.activeElement.id : null;
  const said = new Map([...list.querySelectorAll('li.word')].map((li) => [li.dataset.word, li.querySelector('[id$=-state]').textContent]));
  // A meaning being typed (not saved yet) stays as typed when the next check's results redraw the list.
  const typing = new Map([...list.querySelectorAll('li.word input[data-typed]')].map((i) => [i.closest('li').dataset.word, i]));
  list.replaceChildren(...words.map((w, i) => {
    const id = `meaning-${i}`;
    const input = el('input', { id, value: w.explanation, autocomplete: 'off' });
    const typed = typing.get(w.word);
    if (typed) {
      input.value = typed.value;
      input.dataset.typed = '1';
      if (typed.id === focused) queueMicrotask(() => input.setSelectionRange(typed.selectionStart, typed.selectionEnd));
    }
    input.addEventListener('input', () => { input.dataset.typed = '1'; });
    const status = el('p', { class: w.explanation ? 'meaning-ok' : 'not-explained', id: `${id}-state` },
      w.explanation ? '' : 'Not explained');
    input.setAttribute('aria-describedby', `${id}-state`);
    const saveButton = el('button', { type: 'button', class: 'small' }, 'Save');
    saveButton.setAttribute('aria-label', `Save the meaning of ${w.word}`);
    const doSave = async () => {
      if (input.value.trim() === w.explanation) return;
      delete input.dataset.typed;
      status.className = 'meaning-ok';
      status.textContent = 'Writing the meaning…';
      status.textContent = await actions.setMeaning(w, input.value);
      saveButton.focus();
    };
    saveButton.addEventListener('click', doSave);
    input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); doSave(); } });
    const page = w.page >= 0 ? (w.page === 0 ? 'Cover' : `Page ${w.page + 1}`) : '';
    if (said.get(w.word) && w.explanation && said.get(w.word).includes(w.explanation)) status.textContent = said.get(w.word);
    return el('li', { class: 'word', 'data-word': w.word },
      el('p', { class: 'word-head' }, el('strong', {}, w.word), page ? ` · ${page}` : ''),
      el('label', { htmlFor: id }, `What "${w.word}" means`),
      el('div', { class: 'row' }, input, saveButton),
      status);
  }));
  if (focused && $(focused)) $(focused).focus();
}

export function pictureList(list, pictures, choose) {
  list.replaceChildren(...pictures.map((p) => {
    const b = el('button', { type: 'button', class: 'picture' },
      el('img', { src: `/api/pictures/image?id=${encodeURIComponent(p.id)}`, alt: '', width: 56, height: 56 }),
      el('span', { class: 'pic-name' }, p.name),
      p.reason ? el('span', { class: 'pic-reason' }, p.reason) : null);
    b.setAttribute('aria-label', `Use the picture ${p.name}${p.reason ? ' (' + p.reason + ')' : ''}`);
    b.addEventListener('click', () => choose(p.id));
    return el('li', {}, b);
  }));
}

export function difference(list, lines) {
  const shown = [];
  lines.forEach((l, i) => {
    if (l.kind === 'same') return;
    if (shown.length > 60) return;
    const label = l.kind === 'removed' ? 'Only in the other version: ' : 'Only in yours: ';
    shown.push(el('li', { class: l.kind }, el('strong', {}, label), l.text || '(an empty line)'));
    void i;
  });
  if (!shown.length) shown.push(el('li', {}, 'The texts are the same.'));
  list.replaceChildren(...shown);
}

// ---- the source beside a first draft ----

let sourceTimer = 0;
let sourceParas = [];

export function scheduleSource(state, actions, wait = 800) {
  clearTimeout(sourceTimer);
  sourceTimer = setTimeout(async () => {
    if (!state.name || !state.hasSource) return;
    // The studio may be gone (stopped, restarting): the links stay as they were until the next save.
    const r = await fetch(`/api/compare?doc=${encodeURIComponent(state.name)}`).catch(() => null);
    if (r?.ok) source(state, await r.json(), actions);
  }, wait);
}

export function source(state, msg, actions) {
  sourceParas = msg.paragraphs;
  const left = msg.paragraphs.filter((p) => !p.heading && p.chunks.length === 0).length;
  const changed = msg.paragraphs.filter((p) => p.left_out.length || p.added.length).length;
  $('source-summary').textContent = `${msg.source}: ${msg.paragraphs.length} paragraphs. ` +
    `${left} with nothing made from them, ${changed} where a number, date, name or must/can word differs. ` +
    'Choose a paragraph to see what was made from it.';
  $('source-list-paras').replaceChildren(...msg.paragraphs.map((p, i) => {
    const flags = [];
    if (!p.heading && p.chunks.length === 0) flags.push(el('p', { class: 'flag' }, el('strong', {}, 'Left out: '), 'nothing was made from this paragraph.'));
    if (p.left_out.length) flags.push(el('p', { class: 'flag' }, el('strong', {}, 'Not in the easy read text: '), p.left_out.join(', ')));
    if (p.added.length) flags.push(el('p', { class: 'flag' }, el('strong', {}, 'Only in the easy read text: '), p.added.join(', ')));
    const label = p.para ? `Paragraph ${p.para}` : `Line ${p.line}`;
    const b = el('button', { type: 'button', class: 'para' + (p.heading ? ' heading' : '') + (flags.length ? ' flagged' : '') },
      el('span', { class: 'para-where' }, `${label}${p.chunks.length ? ` · ${p.chunks.length} part${p.chunks.length > 1 ? 's' : ''}` : ''}`),
      el('span', { class: 'para-text' }, p.text));
    b.setAttribute('aria-pressed', 'false');
    b.dataset.index = i;
    b.addEventListener('click', () => {
      lightParagraph(i);
      actions.light(p.chunks);
    });
    return el('li', {}, b, ...flags);
  }));
}

function lightParagraph(index) {
  for (const b of $('source-list-paras').querySelectorAll('button.para')) {
    const on = Number(b.dataset.index) === index;
    b.setAttribute('aria-pressed', String(on));
    b.classList.toggle('lit', on);
    if (on) {
      const panel = $('panel-source');
      const top = b.offsetTop - panel.offsetTop;
      if (top < panel.scrollTop || top + 60 > panel.scrollTop + panel.clientHeight) panel.scrollTop = Math.max(0, top - 8);
    }
  }
}

// The cursor is on draft line `fileLine`: light the source paragraph it came from.
export function lightSource(fileLine) {
  let best = -1, bestLine = -1;
  sourceParas.forEach((p, i) => {
    for (const c of p.chunks) if (c <= fileLine && c > bestLine) { best = i; bestLine = c; }
  });
  if (best >= 0) lightParagraph(best);
}
