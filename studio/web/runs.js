// The words of a part as runs: plain words, hard words (**bold**) and
// links ([words](address)), so a box can show bold as bold and a link as a
// link and write back the same Markdown. Pure functions: markdownOf(runsOf(md))
// is md, byte for byte; what is not a hard word or a link stays plain text,
// marks and all.

const token = /(?<![\\*])\*\*(\S|\S[^*\n]*?\S)\*\*(?!\*)|(?<![!\\])\[([^\]\n]+)\]\(([^()\s]+)\)/g;

export function runsOf(md) {
  const runs = [];
  let at = 0;
  for (const m of md.matchAll(token)) {
    if (m.index > at) runs.push({ kind: 'plain', text: md.slice(at, m.index) });
    if (m[1] !== undefined) runs.push({ kind: 'bold', text: m[1] });
    else runs.push({ kind: 'link', text: m[2], href: m[3] });
    at = m.index + m[0].length;
  }
  if (at < md.length) runs.push({ kind: 'plain', text: md.slice(at) });
  return runs;
}

// The marks around a run's words in the Markdown.
function marks(run) {
  if (run.kind === 'bold') return ['**', '**'];
  if (run.kind === 'link') return ['[', `](${run.href})`];
  return ['', ''];
}

// Spaces at the edges of a hard word go outside its marks (Markdown does
// not read "** word**" as bold); an empty hard word is nothing.
export function markdownOf(runs) {
  let out = '';
  for (const r of runs) {
    if (r.kind === 'plain' || !r.text.trim()) { out += r.text; continue; }
    const lead = /^\s*/.exec(r.text)[0], trail = /\s*$/.exec(r.text)[0];
    const [open, close] = marks(r);
    out += lead + open + r.text.slice(lead.length, r.text.length - trail.length) + close + trail;
  }
  return out;
}

// Where each run sits: visible [vs, ve) and Markdown [ms, me), with the
// length of its opening mark.
function layout(runs) {
  let v = 0;
  let m = 0;
  return runs.map((r) => {
    const [open, close] = marks(r);
    const shown = r.kind === 'plain' || !r.text.trim() ? [0, 0] : [open.length, close.length];
    const place = { vs: v, ve: v + r.text.length, ms: m, pre: shown[0], me: m + shown[0] + r.text.length + shown[1] };
    v = place.ve;
    m = place.me;
    return place;
  });
}

// The Markdown offset of visible offset v. At the edge of a hard word or a
// link, `bias` says which side: 'out' (typing there is plain), 'start' (the
// run that begins at v), 'end' (the run that ends at v).
export function markdownOffset(runs, v, bias) {
  const places = layout(runs);
  for (const p of places) {
    const inside = bias === 'start' ? v >= p.vs && v < p.ve : bias === 'end' ? v > p.vs && v <= p.ve : v > p.vs && v < p.ve;
    if (inside) return p.ms + p.pre + (v - p.vs);
  }
  if (bias === 'out') {
    for (const p of places) if (v === p.vs) return p.ms;
  }
  return v <= 0 ? 0 : places.length ? places[places.length - 1].me : 0;
}

// The visible offset of Markdown offset m (in a mark: the nearest edge of the words).
export function visibleOffset(runs, m) {
  for (const [i, p] of layout(runs).entries()) {
    if (m < p.me || (m === p.me && i === runs.length - 1)) return p.vs + Math.max(0, Math.min(runs[i].text.length, m - p.ms - p.pre));
  }
  return runs.reduce((n, r) => n + r.text.length, 0);
}
