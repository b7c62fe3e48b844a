// The kiosk survey page: the survey as a form (questions, their kind,
// answers and pictures), written into the survey file by surveyfile.js,
// checked by the kiosk's own parser on the server (problems shown at their
// question), each kiosk screen drawn from the kiosk's own journey, saved
// with the version raised by the server when what the kiosk asks changed.
import { $, api, q, el, picture, say, whoAmI, newestOnly } from './office.js';
import { KINDS, hasOwnAnswers, slug, surveyText, questionAt, keepIds } from './surveyfile.js';

const state = { name: null, version: null, survey: null, lines: [], timer: 0, dirty: false, choosing: null };
// A late answer would draw the screens of a text or survey no longer shown.
const opens = newestOnly(), checks = newestOnly();

// ---- the list ----

async function loadList() {
  const r = await api('GET', '/api/surveys');
  const list = $('survey-list');
  list.replaceChildren();
  for (const s of r.ok ? r.data.surveys : [])
    list.append(el('li', {}, el('button', { type: 'button', class: 'file', onclick: () => open(s.name) }, s.name.replace(/\.md$/, ''))));
  $('no-surveys').hidden = list.children.length > 0;
}

async function open(name) {
  const r = await opens.take(api('GET', `/api/survey?${q({ name })}`));
  if (!r) return;
  if (!r.ok) return say($('survey-problem'), r.data.error, 'error');
  if (!r.data.survey) {
    $('survey-form').hidden = false;
    return say($('survey-problem'), `This survey file has problems the form cannot show: ${r.data.problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`, 'error');
  }
  state.name = name;
  state.version = r.data.version;
  state.survey = r.data.survey;
  showSurvey();
}

function showSurvey() {
  clearTimeout(state.timer);  // a check of the survey shown before
  $('survey-form').hidden = false;
  $('screens-card').hidden = false;
  $('survey-downloads').hidden = !state.version;
  $('survey-heading').textContent = `Kiosk survey: ${state.survey.title || state.name}`;
  $('s-title').value = state.survey.title;
  $('s-id').value = state.survey.id;
  $('s-version').textContent = state.survey.version;
  say($('survey-problem'), '');
  drawQuestions();
  updateDownloads();
  check();
}

function updateDownloads() {
  if (!state.name) return;
  $('dl-survey').href = `/api/survey/download?${q({ name: state.name, format: 'md' })}`;
  $('dl-paper').href = `/api/survey/download?${q({ name: state.name, format: 'paper' })}`;
  $('dl-csv').href = `/api/survey/download?${q({ name: state.name, format: 'csv' })}`;
}

// ---- the form ----

function changed() {
  state.dirty = true;
  $('survey-state').dataset.kind = '';
  $('survey-state').textContent = 'Not saved yet';
  clearTimeout(state.timer);
  state.timer = setTimeout(check, 500);
}

function pictureButton(id, current, words, label, set) {
  const b = el('button', { type: 'button', id, class: 'pick', 'aria-label': `${label}: ${current || 'chosen by the kiosk'}. Change` },
    picture(current, '', 'small-pic'), el('span', {}, current ? 'Change picture' : 'Choose picture'));
  b.addEventListener('click', () => choosePicture(words(), (p) => { set(p); drawQuestions(); changed(); }, id));
  return b;
}

// Faces and yes-no questions where agreeing is the bad answer ("Did you feel left out?").
function reversedBox(x, boxId) {
  if (hasOwnAnswers(x.type) || x.type === 'comment') return null;
  const box = el('input', { type: 'checkbox', id: boxId });
  box.checked = x.reversed;
  box.addEventListener('change', () => { x.reversed = box.checked; changed(); });
  return el('p', { class: 'check' }, box, el('label', { for: boxId }, 'A happy face or Yes is the bad answer here (for example "Did you feel left out?")'));
}

function drawQuestions() {
  const list = $('questions');
  const focused = document.activeElement?.id;
  list.replaceChildren();
  state.survey.questions.forEach((x, i) => {
    const id = (s) => `q${i}-${s}`;
    const n = i + 1;
    const kind = el('select', { id: id('kind') }, KINDS.map(([v, words]) => el('option', { value: v }, words)));
    kind.value = x.type;
    kind.addEventListener('change', () => {
      x.type = kind.value;
      if (hasOwnAnswers(x.type) && !x.answers.length) x.answers.push({ id: '', label: '', picture: '', negative: false });
      drawQuestions();
      changed();
    });
    const text = el('input', { id: id('text'), autocomplete: 'off' });
    text.value = x.text;
    text.addEventListener('input', () => { x.text = text.value; changed(); });
    const help = el('textarea', { id: id('help'), rows: '2' });
    help.value = x.help;
    help.addEventListener('input', () => { x.help = help.value; changed(); });
    const move = (to) => {
      const [q0] = state.survey.questions.splice(i, 1);
      state.survey.questions.splice(to, 0, q0);
      drawQuestions();
      changed();
    };
    const answers = el('div', { class: 'answers', hidden: !hasOwnAnswers(x.type) },
      el('p', { class: 'label' }, 'Answers'),
      el('ul', {}, x.answers.map((a, k) => {
        const words = el('input', { id: id(`a${k}`), autocomplete: 'off' });
        words.value = a.label;
        words.addEventListener('input', () => { a.label = words.value; changed(); });
        const check = el('input', { type: 'checkbox', id: id(`a${k}-neg`) });
        check.checked = a.negative;
        check.addEventListener('change', () => { a.negative = check.checked; changed(); });
        return el('li', { class: 'row answer' },
          el('label', { for: id(`a${k}`), class: 'visually-hidden' }, `Answer ${k + 1} of question ${n}`), words,
          pictureButton(id(`a${k}-pic`), a.picture, () => a.label, `Picture of answer ${k + 1}`, (p) => { a.picture = p; }),
          el('span', { class: 'check' }, check, el('label', { for: id(`a${k}-neg`) }, 'Ask "Is that right?"')),
          el('button', { type: 'button', class: 'small', onclick: () => { x.answers.splice(k, 1); drawQuestions(); changed(); } }, 'Remove', el('span', { class: 'visually-hidden' }, ` answer ${k + 1}`)));
      })),
      el('button', { type: 'button', class: 'small', onclick: () => { x.answers.push({ id: '', label: '', picture: '', negative: false }); drawQuestions(); changed(); $(id(`a${x.answers.length - 1}`)).focus(); } }, 'Add an answer'));
    list.append(el('li', { class: 'question-card', id: id('card') },
      el('fieldset', {},
        el('legend', {}, `Question ${n}`),
        el('ul', { class: 'problems', id: id('problems'), hidden: true }),
        el('div', { class: 'row two' },
          el('span', { class: 'stack grow' }, el('label', { for: id('text') }, 'The question'), text),
          pictureButton(id('pic'), x.picture, () => x.text, `Picture of question ${n}`, (p) => { x.picture = p; })),
        el('label', { for: id('help') }, 'Help words (read out by Help)'), help,
        el('div', { class: 'row' }, el('label', { for: id('kind') }, 'How people answer'), kind),
        reversedBox(x, id('reversed')),
        answers,
        el('div', { class: 'row' },
          el('button', { type: 'button', class: 'small', disabled: i === 0, onclick: () => move(i - 1) }, 'Up', el('span', { class: 'visually-hidden' }, ` question ${n}`)),
          el('button', { type: 'button', class: 'small', disabled: i === state.survey.questions.length - 1, onclick: () => move(i + 1) }, 'Down', el('span', { class: 'visually-hidden' }, ` question ${n}`)),
          el('button', { type: 'button', class: 'small', onclick: () => { state.survey.questions.splice(i, 1); drawQuestions(); changed(); } }, 'Remove', el('span', { class: 'visually-hidden' }, ` question ${n}`))))));
  });
  if (focused && $(focused)) $(focused).focus();
}

// ---- what the kiosk makes of it ----

function currentText() {
  state.survey.title = $('s-title').value;
  state.survey.id = $('s-id').value.trim() || slug(state.survey.title);
  const made = surveyText(state.survey);
  state.lines = made.lines;
  state.ids = made.ids;
  return made.text;
}

function showProblems(problems) {
  for (const ul of document.querySelectorAll('.problems')) { ul.replaceChildren(); ul.hidden = true; }
  const top = [];
  for (const p of problems) {
    const at = questionAt(state.lines, p.line);
    const words = `${p.severity === 'error' ? 'Problem' : 'Check'}: ${p.message}${p.hint ? `. ${p.hint}` : ''}`;
    const ul = at >= 0 ? $(`q${at}-problems`) : null;
    if (ul) { ul.hidden = false; ul.append(el('li', { class: p.severity }, words)); } else top.push(words);
  }
  say($('survey-problem'), top.join(' '), 'error');
}

function screen(s, i, all) {
  const name = { welcome: 'Welcome', consent: 'Keeping answers', 'who-is-answering': 'Who is answering', question: `Question ${s.question_number} of ${s.question_count}`,
    'confirm-answer': 'Is that right?', 'anything-else': 'Anything else', review: 'Your answers', 'thank-you': 'Thank you' }[s.screen] || s.screen;
  const bar = [];
  if (s.screen !== 'welcome' && s.screen !== 'thank-you') bar.push(el('span', { class: `kbtn${s.back ? '' : ' off'}` }, 'Back'));
  bar.push(el('span', { class: 'kbtn' }, 'Listen'), el('span', { class: 'kbtn' }, 'Help'));
  if (s.show_next) bar.push(el('span', { class: `kbtn next${s.next_enabled ? '' : ' off'}` }, s.next_label || 'Next'));
  return el('li', { class: 'kscreen-item' },
    el('h3', {}, `${i + 1} of ${all}: ${name}`),
    el('div', { class: `kscreen k-${s.screen}` },
      s.progress.length ? el('ol', { class: 'kprogress', 'aria-label': 'Progress' }, s.progress.map((p, k) => el('li', { class: p.current ? 'current' : p.answered ? 'done' : '' }, picture(p.picture), el('span', { class: 'visually-hidden' }, `question ${k + 1}${p.current ? ', this one' : p.answered ? ', answered' : ''}`)))) : null,
      el('p', { class: 'ktitle' }, picture(s.picture), el('span', {}, s.title)),
      s.body ? el('p', { class: 'kbody' }, s.body) : null,
      s.review.length ? el('ul', { class: 'kreview' }, s.review.map((r) => el('li', {}, picture(r.picture), el('span', {}, r.question), el('strong', {}, r.choices.map((c) => c.label).join(', ') || r.text || 'No answer')))) : null,
      s.choices.length ? el('ul', { class: `kchoices n${Math.min(s.choices.length, 6)}` }, s.choices.map((c) => el('li', { class: c.selected ? 'selected' : '' }, picture(c.picture), el('span', {}, c.label)))) : null,
      s.keyboard ? el('p', { class: 'kkeys' }, `A keyboard of ${s.keyboard} (${s.text ? `"${s.text}"` : 'nothing typed'})`) : null,
      el('p', { class: 'kbar' }, bar)));
}

async function check() {
  if (!state.survey) return;
  const r = await checks.take(api('POST', `/api/survey/check?${q({ name: state.name || 'survey.md' })}`, currentText(), { 'Content-Type': 'text/markdown' }));
  if (!r) return;
  if (!r.ok) return say($('survey-problem'), r.data.error, 'error');
  showProblems(r.data.problems);
  if (r.data.kiosk) {
    const screens = r.data.kiosk.screens;
    $('screens').replaceChildren(...screens.map((s, i) => screen(s, i, screens.length)));
  }
}

async function save(e) {
  e.preventDefault();
  const text = currentText();
  const st = $('survey-state');
  st.dataset.kind = '';
  st.textContent = 'Saving...';
  const r = await api('PUT', `/api/survey?${q({ name: state.name })}`, text, { 'Content-Type': 'text/markdown', 'If-Match': state.version || 'new' });
  if (!r.ok) {
    st.dataset.kind = 'error';
    st.textContent = 'Not saved';
    if (r.data.problems) showProblems(r.data.problems);
    return say($('survey-problem'), r.status === 409 ? 'Someone else changed this survey. Open it again to see their version.' : r.data.error, 'error');
  }
  state.version = r.data.version;
  keepIds(state.survey, state.ids);
  state.survey.version = r.data.survey_version;
  state.dirty = false;
  $('s-version').textContent = r.data.survey_version;
  st.dataset.kind = 'saved';
  st.textContent = r.data.raised ? `Saved as version ${r.data.survey_version}` : 'Saved';
  $('survey-downloads').hidden = false;
  updateDownloads();
  await loadList();
}

// ---- pictures, chosen as in the document studio ----

async function fillPictures(url) {
  const r = await api('GET', url);
  const ul = $('picture-results');
  ul.replaceChildren();
  for (const p of r.ok ? r.data.pictures : [])
    ul.append(el('li', {}, el('button', { type: 'button', class: 'picture-choice', 'data-id': p.id, onclick: () => done(p.id) },
      picture(p.id, ''), el('span', {}, p.name))));
  if (!ul.children.length) ul.append(el('li', {}, 'No pictures found. Try another word.'));
}

function done(id) {
  const c = state.choosing;
  $('picture-dialog').close();
  if (c && id !== undefined) c.set(id);
  if (c && $(c.back)) $(c.back).focus();  // the button drawn again in its place
}

function choosePicture(words, set, back) {
  state.choosing = { set, back };
  $('picture-q').value = '';
  $('picture-dialog').showModal();
  fillPictures(`/api/pictures/suggest?${q({ text: words || '' })}`);
}

// ---- start ----

$('new-survey').addEventListener('submit', (e) => {
  e.preventDefault();
  const title = $('new-survey-title').value.trim();
  opens.drop();  // a survey still being opened is not shown over the new one
  state.name = `${slug(title)}.md`;
  state.version = '';
  state.survey = { id: slug(title), version: 1, title, lang: 'en-GB', document: '', questions: [
    { id: '', text: 'Did you like today?', help: '', type: 'faces3', picture: '', reversed: false, each_page: false, answers: [] }] };
  $('new-survey').reset();
  showSurvey();
  changed();
  $('q0-text').focus();
});
$('add-question').addEventListener('click', () => {
  state.survey.questions.push({ id: '', text: '', help: '', type: 'faces3', picture: '', reversed: false, each_page: false, answers: [] });
  drawQuestions();
  $(`q${state.survey.questions.length - 1}-text`).focus();
});
$('s-title').addEventListener('input', changed);
$('s-id').addEventListener('input', changed);
$('survey-form').addEventListener('submit', save);
$('picture-search').addEventListener('submit', (e) => { e.preventDefault(); fillPictures(`/api/pictures/search?${q({ q: $('picture-q').value })}`); });
$('picture-none').addEventListener('click', () => done(''));
$('picture-cancel').addEventListener('click', () => done(undefined));
window.addEventListener('beforeunload', (e) => { if (state.dirty) e.preventDefault(); });
await whoAmI();
await loadList();
document.body.dataset.ready = '1';
