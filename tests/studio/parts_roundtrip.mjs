// The parts editor's edits on every Markdown file of the repository's
// templates and test cases, and on every Markdown file of the repository
// that has a table (READMEs too): writing a part's own words back changes
// nothing; new words change only that part's lines; adding a part and
// removing it, moving a part down and up, making a part of words a heading
// and back, each give the file back byte for byte.
// usage: node parts_roundtrip.mjs SOURCE_DIR
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';
import { repositoryMarkdown, tableMarkdown } from './markdown_files.mjs';

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


const files = [...new Set([...repositoryMarkdown(root), ...tableMarkdown(root)])];
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
      if (p.kind !== 'other' && p.kind !== 'note' && p.kind !== 'table') assert.ok(!p.words.replace(/`[^`]*`/g, '').includes(comment), `${where}: no comment in the words`);
    if (p.kind === 'note') return;
    // The words box's runs: the same Markdown back, no hard word's marks shown.
    const r = runs.runsOf(p.words);
    assert.equal(runs.markdownOf(r), p.words, `${where}: the words box writes back its words`);
    for (const run of r) if (run.kind === 'bold') assert.ok(p.words.includes(`**${run.text}**`), `${where}: ${run.text} was a hard word`);
    assert.equal(parts.setWords(body, p, p.words), body, `${where}: its own words change nothing`);
    if (p.kind === 'other' || p.kind === 'table' || !p.words) return;
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

// Tables: every table of every Markdown file of the repository that has one,
// edited as a grid. Each cell's own words give the file back byte for byte;
// new words (a pipe among them) change only that cell of that row's line;
// a row or a column added and removed again gives the file back.
{
  const split = (text) => {
    const front = /^---\n[\s\S]*?\n---\n/.exec(text);
    return front ? text.slice(front[0].length) : text;
  };
  const grid = (t) => t.rows.map((r) => r.cells.map((c) => c.words));
  const tablesOf = (body) => parts.parseParts(body).filter((p) => p.kind === 'table');
  const files = tableMarkdown(root);
  assert.ok(files.length >= 8, `Markdown files with tables: ${files.length}`);
  let tables = 0, cells = 0;
  for (const file of files) {
    const body = split(fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n'));
    const lines = body.split('\n');
    const found = tablesOf(body);
    const name = path.relative(root, file);
    for (const [t, table] of found.entries()) {
      const where = `${name} table ${t + 1} (body line ${table.from + 1})`;
      const at = (b) => tablesOf(b).find((q) => q.from === table.from);
      assert.ok(table.columns >= 1 && table.rows.length >= 1, `${where}: rows and columns`);
      // The whole grid written back as it is: the same bytes.
      let same = body;
      table.rows.forEach((row, r) => row.cells.forEach((cell, c) => { same = parts.setCell(same, at(same), r, c, cell.words); }));
      assert.equal(same, body, `${where}: the grid unchanged gives the file back`);
      table.rows.forEach((row, r) => row.cells.forEach((cell, c) => {
        const here = `${where} row ${r} column ${c + 1}`;
        assert.ok(!cell.words.includes('\\|'), `${here}: a pipe shown as a pipe`);
        for (const words of ['New words for **this** cell', 'Yes | no']) {
          const changed = parts.setCell(body, table, r, c, words);
          const after = changed.split('\n');
          assert.equal(after.length, lines.length, `${here}: as many lines`);
          after.forEach((l, k) => { if (l !== lines[k]) assert.equal(k, row.line, `${here}: only its row's line changes`); });
          const back = at(changed);
          assert.ok(back, `${here}: still a table`);
          const want = grid(table);
          want[r][c] = words;
          assert.deepEqual(grid(back), want, `${here}: only that cell has new words`);
          assert.equal(back.rows[r].cells[c].tail, cell.tail, `${here}: its picture stays`);
          // Its old words back: the same bytes.
          const old = parts.setCell(changed, back, r, c, cell.words);
          if (cell.words) assert.equal(old, body, `${here}: its old words give the file back`);
          else assert.deepEqual(grid(at(old)), grid(table), `${here}: emptied again`);
        }
        // Its column in the line is where its words start; a picture chosen for it goes into it alone.
        const raw = lines[row.line].slice(parts.cellColumn(table, r, c) - 1);
        if (cell.words) assert.ok(raw.startsWith(cell.words.replace(/\|/g, '\\|')), `${here}: its column`);
        if (r > 0) {
          const pictured = parts.setCellPicture(body, table, r, c, 'house');
          pictured.split('\n').forEach((l, k) => { if (l !== lines[k]) assert.equal(k, row.line, `${here}: a picture changes only its row`); });
          const back = at(pictured);
          assert.deepEqual(grid(back), grid(table), `${here}: a picture changes no words`);
          assert.deepEqual(back.rows.map((q) => q.cells.map((x) => x.picture)),
            table.rows.map((q, i) => q.cells.map((x, j) => (i === r && j === c ? 'house' : x.picture))), `${here}: the picture is its own`);
          if (cell.picture) assert.equal(parts.setCellPicture(body, table, r, c, cell.picture), body, `${here}: its own picture changes nothing`);
        }
        cells++;
      }));
      table.rows.forEach((row, r) => {
        const added = parts.addRow(body, table, r);
        const g = at(added);
        assert.equal(g.rows.length, table.rows.length + 1, `${where}: a row added after row ${r}`);
        assert.deepEqual(g.rows[r + 1].cells.map((c) => c.words), Array(table.columns).fill(''), `${where}: the new row is empty`);
        assert.deepEqual(grid(g).filter((_, k) => k !== r + 1), grid(table), `${where}: the other rows stay`);
        assert.equal(parts.removeRow(added, g, r + 1), body, `${where}: a row added after row ${r} and removed`);
        if (r > 0) {
          const removed = at(parts.removeRow(body, table, r)) || null;
          if (removed) assert.deepEqual(grid(removed), grid(table).filter((_, k) => k !== r), `${where}: row ${r} removed`);
        } else {
          assert.equal(parts.removeRow(body, table, 0), null, `${where}: the headings stay`);
        }
      });
      for (let c = -1; c < table.columns; c++) {
        const added = parts.addColumn(body, table, c);
        const g = at(added);
        assert.equal(g.columns, table.columns + 1, `${where}: a column added after column ${c + 1}`);
        assert.deepEqual(grid(g).map((row) => row.filter((_, k) => k !== c + 1)), grid(table), `${where}: the other columns stay`);
        assert.ok(g.rows.every((row) => row.cells[c + 1].words === ''), `${where}: the new column is empty`);
        assert.equal(parts.removeColumn(added, g, c + 1), body, `${where}: a column added after column ${c + 1} and removed`);
        if (c >= 0 && table.columns > 1) {
          const removed = at(parts.removeColumn(body, table, c));
          assert.deepEqual(grid(removed), grid(table).map((row) => row.filter((_, k) => k !== c)), `${where}: column ${c + 1} removed`);
        }
      }
      tables++;
    }
  }
  assert.ok(tables >= 15 && cells >= 200, `tables (${tables}) and cells (${cells}) were tried`);
  console.log(`tables as grids: ${cells} cells of ${tables} tables in ${files.length} files`);

  // A table straight after a paragraph is a table of its own (as cmark-gfm reads it);
  // a pipe row over too few dashes is no table, and stays Markdown.
  const body = 'Words before.\n| A | B |\n|---|:-:|\nx | y \\| z\n\n| a | b |\n|---|\n| 1 | 2 | 3 |\n';
  const list = parts.parseParts(body);
  assert.deepEqual(list.map((p) => p.kind), ['text', 'table', 'other']);
  assert.deepEqual(grid(list[1]), [['A', 'B'], ['x', 'y | z']]);
  const typed = parts.setCell(body, list[1], 1, 1, 'y | z and more');
  assert.equal(typed.split('\n')[3], 'x | y \\| z and more');
  // Without a leading pipe, an emptied first cell or a new first column stays a cell.
  const emptied = parts.setCell(body, list[1], 1, 0, '');
  assert.equal(emptied.split('\n')[3], '| | y \\| z');
  assert.deepEqual(grid(parts.parseParts(emptied)[1]), [['A', 'B'], ['', 'y | z']]);
  const first = parts.addColumn(body, list[1], -1);
  assert.deepEqual(grid(parts.parseParts(first)[1]), [['', 'A', 'B'], ['', 'x', 'y | z']]);
  assert.deepEqual(grid(parts.parseParts(parts.removeColumn(first, parts.parseParts(first)[1], 0))[1]), grid(list[1]));
  console.log('tables: after a paragraph, escaped pipes, not a table');
}
