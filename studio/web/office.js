// What the board and survey pages share: talking to the studio, tabs, and
// making elements with their words as text (never as HTML).

export const $ = (id) => document.getElementById(id);
const HEADERS = { 'X-Easyread-Studio': '1' };

export async function api(method, path, body, headers = {}) {
  const r = await fetch(path, { method, headers: { ...HEADERS, ...headers }, body });
  if (r.status === 401) location.href = '/login.html';
  let data = null;
  try { data = await r.json(); } catch { data = { error: 'the studio did not answer clearly' }; }
  return { ok: r.ok, status: r.status, data };
}

// Requests of one kind where only the newest answer counts (a survey opened,
// a report filtered, a document opened): take(request) gives its answer, or
// null when another of the kind was asked for meanwhile, so a late answer
// never draws over a newer one; drop() makes those still waiting give null.
export function newestOnly() {
  let asked = 0;
  return {
    async take(request) {
      const mine = ++asked;
      const answer = await request;
      return mine === asked ? answer : null;
    },
    drop() { ++asked; },
  };
}

export function q(params) {
  return Object.entries(params).filter(([, v]) => v !== '' && v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

// el('p', { class: 'note' }, 'words', child, ...): text children stay text.
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c instanceof Node ? c : String(c));
  return e;
}

export const pictureUrl = (id) => `/api/pictures/image?id=${encodeURIComponent(id)}`;

export function picture(id, alt = '', cls = '') {
  if (!id) return el('span', { class: `nopic ${cls}`, 'aria-hidden': 'true' });
  const img = el('img', { src: pictureUrl(id), alt, class: cls, loading: 'lazy' });
  img.addEventListener('error', () => { img.hidden = true; });
  return img;
}

// Tabs of a tablist: arrows move between them, the chosen one shows its panel.
export function wireTabs(list, onShow = () => {}) {
  const tabs = [...list.querySelectorAll('[role=tab]')];
  const show = (tab, focus) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', on ? 'true' : 'false');
      t.tabIndex = on ? 0 : -1;
      $(t.getAttribute('aria-controls')).hidden = !on;
    }
    if (focus) tab.focus();
    onShow(tab.id);
  };
  tabs.forEach((t, i) => {
    t.addEventListener('click', () => show(t, false));
    t.addEventListener('keydown', (e) => {
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (step) { e.preventDefault(); show(tabs[(i + step + tabs.length) % tabs.length], true); }
    });
  });
  return (id) => show($(id), false);
}

export function say(box, text, kind = 'info') {
  box.hidden = !text;
  box.textContent = text || '';
  box.dataset.kind = kind;
}

// Team mode: who is signed in (and the CSRF token every change carries);
// { user: 'local', role: 'admin', team: false } without team mode.
export async function whoAmI() {
  const r = await api('GET', '/api/me');
  if (!r.ok) return { user: '', role: '', team: true };
  if (r.data.team) HEADERS['X-CSRF-Token'] = r.data.csrf;
  return r.data;
}
