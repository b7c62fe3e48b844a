// The parts editor's edits on every Markdown file of the repository's
// templates and test cases: writing a part's own words back changes
// nothing; new words change only that part's lines; adding a part and
// removing it, moving a part down and up, making a part of words a heading
// and back, each give the file back byte for byte.
// usage: node parts_roundtrip.mjs SOURCE_DIR
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';
import { repositoryMarkdown } from './markdown_files.mjs';

const root = process.argv[2];
// The page loads these files as modules; Node before 22 reads a .js file
// as CommonJS unless its package says otherwise, so load copies as .mjs.
const moduleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'easyread-parts-'));
const loadModule = async (name) => {
  const copy = path.join(moduleDir, name.replace(/\.js$/, '.mjs'));
  fs.copyFileSync(path.join(root, 'studio/web', name), copy);
  return import(pathToFileURL(copy).href);
};
const parts = await loadModule('parts.js');
const runs = await loadModule('runs.js');
process.on('exit', () => fs.rmSync(moduleDir, { recursive: true, force: true }));


const files = repositoryMarkdown(root);
assert.ok(files.length > 20, 'the repository has Markdown files to try');
let checked = 0;
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
  const front = /^---\n[\s\S]*?\n---\n/.exec(text);
  const body = front ? text.slice(front[0].length) : text;
  const list = parts.parseParts(body);
  const lines = body.split('\n');
  list.forEach((p, i) => {
    const where = `${path.relative(root, file)} part ${i + 1} (${p.kind}, body line ${p.from + 1})`;
    for (const comment of ['<!--', '-->'])
      if (p.kind !== 'other' && p.kind !== 'note') assert.ok(!p.words.includes(comment), `${where}: no comment in the words`);
    if (p.kind === 'note') return;
    // The words box's runs: the same Markdown back, no hard word's marks shown.
    const r = runs.runsOf(p.words);
    assert.equal(runs.markdownOf(r), p.words, `${where}: the words box writes back its words`);
    for (const run of r) if (run.kind === 'bold') assert.ok(p.words.includes(`**${run.text}**`), `${where}: ${run.text} was a hard word`);
    assert.equal(parts.setWords(body, p, p.words), body, `${where}: its own words change nothing`);
    if (p.kind === 'other' || !p.words) return;
    // New words: only lines of this part differ, and as many as before.
    const changed = parts.setWords(body, p, p.words + ' Extra words.').split('\n');
    assert.equal(changed.length, lines.length, `${where}: as many lines`);
    changed.forEach((l, k) => { if (l !== lines[k]) assert.ok(k >= p.from && k <= p.last, `${where}: line ${k + 1} is not the part's`); });
    // Add below, then remove what was added.
    const added = parts.addPart(body, p, p.kind === 'item' ? 'item' : 'text');
    const newPart = parts.parseParts(added.body).find((q) => q.from === added.line);
    assert.ok(newPart, `${where}: the added part is there`);
    assert.equal(parts.removePart(added.body, newPart), body, `${where}: add then remove gives the file back`);
    // Down and up again.
    if (i + 1 < list.length && parts.movePart(body, list, i, 1) !== null) {
      const down = parts.movePart(body, list, i, 1);
      const back = parts.parseParts(down);
      const moved = back.findIndex((q) => q.words === p.words && q.kind === p.kind && q.from > p.from);
      if (moved > 0 && back.length === list.length) assert.equal(parts.movePart(down, back, moved, -1), body, `${where}: down then up gives the file back`);
    }
    if (p.kind === 'text' && !p.words.includes('\n')) {
      const heading = parts.setKind(body, p, 'heading');
      const h = parts.parseParts(heading).find((q) => q.from === p.from);
      assert.equal(h.kind, 'heading', `${where}: made a heading`);
      assert.equal(parts.setKind(heading, h, 'text'), body, `${where}: heading and back gives the file back`);
    }
    checked++;
  });
}
console.log(`parts round trip: ${checked} parts of ${files.length} files`);

// A first draft's TODO note about a part's source line moves with that part;
// a note about another line stays where it is.
{
  const body = ['<!-- from line 3 -->', 'First part.', '', '<!-- TODO (line 3): still 30 words -->', '',
    '<!-- from line 5 -->', 'Second part.', '', '<!-- TODO (line 9): a link left out -->', '', '# Heading', ''].join('\n');
  const list = parts.parseParts(body);
  assert.deepEqual(list.map((p) => p.kind), ['text', 'note', 'text', 'note', 'heading']);
  assert.deepEqual(parts.groupOf(list, 0), [0, 1], 'the first part and its note');
  assert.deepEqual(parts.groupOf(list, 1), [0, 1], 'the note is the first part\'s');
  assert.deepEqual(parts.groupOf(list, 2), [2, 2], 'a note about another line is not the second part\'s');
  const down = parts.movePart(body, list, 0, 1);
  assert.equal(down, ['<!-- from line 5 -->', 'Second part.', '', '<!-- from line 3 -->', 'First part.', '',
    '<!-- TODO (line 3): still 30 words -->', '', '<!-- TODO (line 9): a link left out -->', '', '# Heading', ''].join('\n'));
  const back = parts.parseParts(down);
  assert.equal(parts.movePart(down, back, 1, -1), body, 'down then up gives the file back');
  assert.equal(parts.movePart(body, list, 2, -1), down, 'the second part up over the first and its note');
  console.log('a TODO note moves with its part');
}
