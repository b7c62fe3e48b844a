// A kiosk survey's form model written as the survey file the kiosk reads
// (survey/survey_parser.hpp): front matter, one "##" heading per question
// with its {#id type=... picture=...}, help words under it, answers as a
// "- " list. Pure: the page and its round-trip test both use it.

export const KINDS = [
  ['faces3', 'Three faces (happy, in the middle, sad)'],
  ['faces5', 'Five faces'],
  ['yes-no', 'Yes or no'],
  ['choose-one', 'Choose one answer'],
  ['choose-many', 'Choose one or more answers'],
  ['comment', 'Write in words'],
];

// Kinds whose answers the survey writes (the others have the kiosk's own).
export const hasOwnAnswers = (kind) => kind === 'choose-one' || kind === 'choose-many';

// "What should we do next?" -> "what-should-we-do-next", as the parser makes ids.
export function slug(words) {
  const s = words.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s.slice(0, 40).replace(/-+$/, '') || 'question';
}

// Words as Markdown keeps them: the characters it would read as marks get a backslash.
export function words(text) {
  return String(text).replace(/\s+/g, ' ').trim().replace(/([\\`*_{}[\]<>#|~])/g, '\\$1')
    .replace(/^([-+=]|\d+[.)])/, '\\$1');
}

function attributes(pairs) {
  const parts = pairs.filter(([, v]) => v !== '' && v !== undefined && v !== null && v !== false)
    .map(([k, v]) => (k === '#' ? `#${v}` : `${k}=${v}`));
  return parts.length ? ` {${parts.join(' ')}}` : '';
}

// A picture id or an option/question id as the attribute syntax takes it.
const token = (s) => String(s || '').trim().replace(/[^A-Za-z0-9_.\-:/]/g, '');

// Sets the ids a save wrote, so they stay when the words change later.
export function keepIds(survey, ids) {
  survey.questions.forEach((q, i) => {
    if (!ids[i]) return;
    q.id = ids[i].id;
    q.answers.forEach((a, k) => { if (ids[i].answers[k]) a.id = ids[i].answers[k]; });
  });
}

// survey: { id, version, title, lang, document, questions: [{ id, text, help,
//   type, picture, reversed, each_page, answers: [{ id, label, picture, negative }] }] }
// Returns { text, lines, ids }: lines[i] is the 1-based line of question i's
// heading; ids[i] = { id, answers: [ids] } as written (a new question's id is
// made from its words: the page keeps it from the first save on).
export function surveyText(survey) {
  const out = ['---', `id: ${token(survey.id)}`, `version: ${Number(survey.version) || 1}`,
    `title: ${String(survey.title || '').replace(/\s+/g, ' ').trim()}`, `lang: ${token(survey.lang) || 'en-GB'}`];
  if (survey.document) out.push(`document: ${String(survey.document).trim()}`);
  out.push('---');
  const lines = [];
  const ids = [];
  const used = new Set();
  for (const q of survey.questions) {
    let id = token(q.id) || slug(q.text);
    for (let n = 2; used.has(id); n++) id = `${token(q.id) || slug(q.text)}-${n}`;
    used.add(id);
    ids.push({ id, answers: [] });
    out.push('');
    lines.push(out.length + 1);
    out.push(`## ${words(q.text)}${attributes([['#', id], ['type', q.type === 'faces3' ? '' : q.type],
      ['picture', token(q.picture)], ['reversed', q.reversed ? 'yes' : ''], ['each', q.each_page ? 'page' : '']])}`);
    if (String(q.help || '').trim()) out.push('', words(q.help));
    if (hasOwnAnswers(q.type) && q.answers.length) {
      out.push('');
      const seen = new Set();
      for (const a of q.answers) {
        let aid = token(a.id) || slug(a.label);
        for (let n = 2; seen.has(aid); n++) aid = `${token(a.id) || slug(a.label)}-${n}`;
        seen.add(aid);
        ids[ids.length - 1].answers[q.answers.indexOf(a)] = aid;
        out.push(`- ${words(a.label)}${attributes([['#', aid], ['picture', token(a.picture)], ['negative', a.negative ? 'yes' : '']])}`);
      }
    }
  }
  return { text: `${out.join('\n')}\n`, lines, ids };
}

// The question a file line belongs to (-1: the details at the top).
export function questionAt(lines, line) {
  let at = -1;
  lines.forEach((start, i) => { if (line >= start) at = i; });
  return at;
}
