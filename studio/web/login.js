// Team mode's own pages: sign in, choose a password from a setup link, and
// the admins' list of people. Plain forms; every request is the page's own
// (Origin, X-Easyread-Studio, and the CSRF token once signed in).
const $ = (id) => document.getElementById(id);
const headers = { 'X-Easyread-Studio': '1' };

async function send(method, path, form) {
  const h = { ...headers };
  let body;
  if (form) {
    h['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(form).toString();
  }
  const r = await fetch(path, { method, headers: h, body });
  let data = {};
  try { data = await r.json(); } catch { data = { error: 'the studio did not answer clearly' }; }
  return { ok: r.ok, status: r.status, data };
}

function say(id, text) {
  const box = $(id);
  box.textContent = text ? text[0].toUpperCase() + text.slice(1) : '';
  box.hidden = !text;
}

if ($('login-form')) {
  $('login-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    say('login-message', 'Signing in…');
    const r = await send('POST', '/api/login', { user: $('login-user').value.trim(), password: $('login-password').value });
    // Back to the document the person was sent here from ("#doc=..."): only ever this studio's page.
    if (r.ok) { location.href = '/' + location.hash; return; }
    $('login-password').value = '';
    say('login-message', r.data.error || 'that did not work');
    $('login-password').focus();
  });
  $('login-user').focus();
}

if ($('setup-form')) {
  const link = new URLSearchParams(location.hash.slice(1));
  $('setup-user').textContent = link.get('user') || '';
  $('setup-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    if ($('setup-password').value !== $('setup-again').value) {
      say('setup-message', 'The two passwords are not the same: type them again.');
      return;
    }
    const r = await send('POST', '/api/setup', { user: link.get('user') || '', token: link.get('token') || '', password: $('setup-password').value });
    if (r.ok) {
      history.replaceState(null, '', '/setup.html');
      $('setup-form').hidden = true;
      say('setup-message', 'Your password is saved. You can sign in now.');
      const a = document.createElement('a');
      a.href = '/login.html';
      a.textContent = 'Sign in';
      $('setup-message').after(a);
      a.focus();
    } else {
      say('setup-message', r.data.error || 'that did not work');
    }
  });
}

async function showUsers() {
  const r = await send('GET', '/api/users');
  if (r.status === 401) { location.href = '/login.html'; return; }
  if (!r.ok) { say('users-message', r.data.error); return; }
  const body = $('users-body');
  body.replaceChildren();
  for (const u of r.data.users) {
    const row = body.insertRow();
    row.insertCell().textContent = u.name;
    const roleCell = row.insertCell();
    const select = document.createElement('select');
    select.setAttribute('aria-label', `Role of ${u.name}`);
    for (const role of ['editor', 'board', 'admin']) select.add(new Option(role, role, false, role === u.role));
    select.addEventListener('change', () => change({ action: 'role', user: u.name, role: select.value }));
    roleCell.append(select);
    row.insertCell().textContent = u.disabled ? 'Cannot sign in' : u.waiting ? 'Waiting for a password' : 'Can sign in';
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'small';
    b.textContent = u.disabled ? `Let ${u.name} sign in` : `Stop ${u.name} signing in`;
    b.addEventListener('click', () => change({ action: u.disabled ? 'enable' : 'disable', user: u.name }));
    row.insertCell().append(b);
  }
}

async function change(fields) {
  const r = await send('POST', '/api/users?' + new URLSearchParams(fields));
  say('users-message', r.ok ? (r.data.link ? `Send this link to ${fields.user} (it works once, for 48 hours): ${location.origin}${r.data.link}` : 'Saved.') : r.data.error);
  showUsers();
}

if ($('users-table')) {
  send('GET', '/api/me').then((me) => {
    if (me.status === 401) { location.href = '/login.html'; return; }
    headers['X-CSRF-Token'] = me.data.csrf;
    showUsers();
  });
  $('invite-form').addEventListener('submit', (e) => {
    e.preventDefault();
    change({ action: 'invite', user: $('invite-user').value.trim(), role: $('invite-role').value });
  });
}
