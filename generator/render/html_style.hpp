// The HTML output's style sheet: large clear type, picture on the left,
// picture above text on a narrow screen, and a print layout.
#pragma once

namespace easyread {

inline const char* kHtmlStyle = R"CSS(
:root { color-scheme: light; }
body { margin: 0; background: #fff; color: #111; font-family: Andika, "DejaVu Sans", Arial, sans-serif;
  font-size: 1.35rem; line-height: 1.6; }
.page { max-width: 46rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1 { font-size: 2.2em; line-height: 1.2; color: #0B2545; margin: 0.5em 0; }
h2 { font-size: 1.5em; line-height: 1.25; color: #0B2545; margin: 1.6em 0 0.6em; }
h3 { font-size: 1.25em; line-height: 1.25; color: #0B2545; margin: 1.2em 0 0.5em; }
p { margin: 0; }
/* A long web or email address wraps rather than running off a small phone. */
.text, footer, .cover { overflow-wrap: anywhere; }
strong { font-weight: 700; }
a { color: #0B4F9C; }
a:focus { outline: 3px solid #0B2545; outline-offset: 2px; }
.cover { text-align: left; border-bottom: 2px solid #c5ccd6; padding-bottom: 1.5rem; }
.cover .cover-picture { display: block; width: 12rem; height: 12rem; margin: 1.5rem 0; }
.cover .logo { display: block; max-height: 5rem; max-width: 45%; margin: 0 0 1rem auto; }
.cover p { font-size: 1.2em; margin: 0.4em 0; }
.chunk { display: flex; align-items: center; gap: 1.25rem; margin: 0 0 1.25rem; padding: 0; }
.chunk .picture { flex: 0 0 30%; max-width: 9rem; }
.chunk .picture img { display: block; width: 100%; height: auto; }
.chunk .text { flex: 1 1 auto; max-width: 34em; }
.chunks { list-style: none; margin: 0; padding: 0; }
/* A list inside a list item goes on the row below the item's own picture
   and text (the text's basis 0 keeps those two on one row). */
.chunk { flex-wrap: wrap; }
.chunk .text { flex-basis: 0; }
.chunk > .chunks { flex: 0 0 100%; padding-left: 2rem; margin-top: 1.25rem; }
.chunk.row-start { border-top: 1px solid #c5ccd6; padding-top: 1rem; }
.label { color: #1F4E79; }
nav ul { list-style: none; padding: 0; }
nav li { margin: 0.4em 0; }
footer { border-top: 2px solid #c5ccd6; margin-top: 2rem; }
.credits { font-size: 0.8em; margin-top: 1.5rem; }
@media (max-width: 36rem) {
  /* On a phone each chunk is a card: its picture sits on top of its own
     text, close to it, with clear space and a border before the next card. */
  .page { padding: 0.75rem 0.75rem 2rem; }
  .chunk { flex-direction: column; align-items: flex-start; gap: 0.5rem; margin: 0 0 1.5rem;
    padding: 0.75rem 1rem 1rem; border: 2px solid #c5ccd6; border-radius: 0.75rem; background: #f7f9fc; }
  .chunk.row-start { border-top-width: 4px; padding-top: 0.75rem; }
  .chunk .picture { flex: none; max-width: 7rem; width: 7rem; }
  .chunk .picture:empty { display: none; }
  .chunk .text { flex: none; }
  .chunk > .chunks { padding-left: 0.5rem; }
}
@media print {
  body { font-size: 16pt; }
  .page { max-width: none; padding: 0; }
  nav { display: none; }
  .chunk { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  a { color: #111; text-decoration: none; }
}
)CSS";

}  // namespace easyread
