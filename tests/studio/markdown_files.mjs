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
