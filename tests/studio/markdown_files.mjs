// Every Markdown file of the repository's templates and test cases: material
// the studio's tests did not write.
import fs from 'node:fs';
import path from 'node:path';

function markdownFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...markdownFiles(p));
    else if (e.name.endsWith('.md')) out.push(p);
  }
  return out;
}

export function repositoryMarkdown(root) {
  return [...markdownFiles(path.join(root, 'templates')), ...markdownFiles(path.join(root, 'tests/cases'))];
}

// Every Markdown file of the repository with a table in it (a row of
// cells over a row of dashes), wherever it is: READMEs, test material.
export function tableMarkdown(root) {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.') || e.name === 'node_modules' || /^build/.test(e.name)) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md') && /\|.*\n[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/m.test(fs.readFileSync(p, 'utf8'))) out.push(p);
    }
  };
  walk(root);
  return out.sort();
}
