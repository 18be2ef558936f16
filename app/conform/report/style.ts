/**
 * The HTML report's stylesheet, inlined into the page: a report opened from a CI artefact or an
 * e-mail must not fetch anything. Status colours always go with a PASS/FAIL/SKIP word, so the page
 * reads the same without colour (print, colour blindness). Printing keeps each HTTP block as the
 * reader left it, open or closed: what is open is what goes on paper.
 */
export const REPORT_CSS = `
:root {
  --text: #1f2328; --muted: #59636e; --line: #d1d9e0; --head: #f6f8fa;
  --pass: #1a7f37; --pass-bg: #e6f6ea; --fail: #c4202b; --fail-bg: #fdecea; --skip: #59636e; --skip-bg: #eef1f4;
  color-scheme: light;
}
* { box-sizing: border-box; }
body {
  margin: 0 auto; max-width: 1500px; padding: 1rem 1.5rem 3rem; color: var(--text); background: #fff;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
}
h1 { font-size: 1.45rem; margin: 0 0 .2rem; }
h2 { font-size: 1.15rem; margin: 2.2rem 0 .2rem; }
p { margin: .2rem 0; }
code, pre { font: 12px/1.4 ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; }
.muted { color: var(--muted); }
.badge { display: inline-block; padding: 0 .45em; border-radius: 4px; font-weight: 700; font-size: .8em; letter-spacing: .04em; vertical-align: .1em; }
.badge.pass { color: var(--pass); background: var(--pass-bg); }
.badge.fail { color: var(--fail); background: var(--fail-bg); }
.badge.skip { color: var(--skip); background: var(--skip-bg); }
.summary { display: flex; flex-wrap: wrap; gap: .4rem 2rem; margin: .6rem 0; }
.targets { border-collapse: collapse; margin: .4rem 0; }
.targets th, .targets td { text-align: left; padding: .1rem 1rem .1rem 0; }
.totals span { margin-right: 1rem; font-weight: 600; }
.totals .pass { color: var(--pass); } .totals .fail { color: var(--fail); } .totals .skip { color: var(--skip); }
nav ul { margin: .3rem 0; padding-left: 1.2rem; }
.matrix { width: 100%; table-layout: fixed; border-collapse: separate; border-spacing: 0; margin-top: .6rem; }
.matrix th, .matrix td { padding: .4rem .55rem; border-bottom: 1px solid var(--line); vertical-align: top; text-align: left; overflow-wrap: anywhere; }
.matrix thead th { position: sticky; top: 0; z-index: 1; background: var(--head); border-bottom: 2px solid var(--line); }
.matrix .step-column { width: 24%; }
.matrix tbody th { font-weight: 400; background: var(--head); }
.step-label { font-weight: 600; }
.note { font-style: italic; }
.cell { border-left: 4px solid transparent; }
.cell.pass { border-left-color: var(--pass); }
.cell.fail { border-left-color: var(--fail); background: var(--fail-bg); }
.cell.skip { border-left-color: var(--skip); background: var(--skip-bg); }
.cell.absent { color: var(--muted); }
.status { font-weight: 700; letter-spacing: .04em; }
.pass > .status { color: var(--pass); } .fail > .status { color: var(--fail); } .skip > .status { color: var(--skip); }
.notes { margin: .2rem 0; padding-left: 1.1rem; }
details { margin-top: .35rem; }
summary { cursor: pointer; color: var(--muted); }
.exchange-part { margin: .5rem 0 .1rem; font-size: .85em; font-weight: 600; }
pre {
  margin: .15rem 0; padding: .4rem .5rem; max-height: 28rem; overflow: auto; white-space: pre-wrap; overflow-wrap: anywhere;
  background: #fff; border: 1px solid var(--line); border-radius: 4px;
}
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  nav { display: none; }
  .matrix thead th { position: static; }
  .matrix thead { display: table-header-group; }
  .matrix tr { break-inside: avoid; }
  pre { max-height: none; overflow: visible; }
  summary { color: var(--text); }
}
`;
