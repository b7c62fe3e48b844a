// The Review menu of an open document: the kiosk survey a review group
// answers (easyread review make), and the results from the kiosk's answers
// file (easyread review results), shown here with a report to download.
import { $, api, q, whoAmI } from './office.js';

const openName = () => {
  const m = /^#doc=(.+)$/.exec(location.hash);
  return m ? decodeURIComponent(m[1]) : null;
};

let reportUrl = null;
$('review-text').style.whiteSpace = 'pre-wrap';  // long lines wrap in the dialog
$('review-file').style.maxWidth = '100%';  // inside the menu's width

function show(text, notes, report, error) {
  $('review-state').textContent = error || '';
  $('review-state').hidden = !error;
  $('review-text').textContent = text || '';
  $('review-text').hidden = !text;
  $('review-notes').replaceChildren(...(notes || []).map((n) => {
    const li = document.createElement('li');
    li.textContent = n;
    return li;
  }));
  if (reportUrl) URL.revokeObjectURL(reportUrl);
  reportUrl = report ? URL.createObjectURL(new Blob([report], { type: 'text/html' })) : null;
  $('review-report').hidden = !reportUrl;
  if (reportUrl) {
    $('review-report').href = reportUrl;
    $('review-report').download = (openName() || 'document').replace(/\.md$/i, '') + '-review-results.html';
  }
  if (!$('review-dialog').open) $('review-dialog').showModal();
  $('review-h').focus();
}

$('review-survey').addEventListener('click', (e) => {
  const name = openName();
  if (!name) return e.preventDefault();
  e.currentTarget.href = '/api/review/survey?' + q({ doc: name });
});

$('review-file').addEventListener('change', async (e) => {
  const file = e.target.files[0];
  const name = openName();
  if (!file || !name) return;
  $('review').open = false;
  await whoAmI();  // team mode: the CSRF token this upload carries
  const form = new FormData();
  form.append('file', file, file.name);
  const r = await api('POST', '/api/review/results?' + q({ doc: name }), form);
  e.target.value = '';
  if (!r.ok) return show('', [], null, `The results could not be made: ${r.data.error}.`);
  show(r.data.text, r.data.notes, r.data.report, '');
});

$('review-close').addEventListener('click', () => $('review-dialog').close());
