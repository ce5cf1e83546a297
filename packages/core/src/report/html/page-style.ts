/** The page's whole stylesheet, inlined: system fonts, no images, nothing fetched. */
export const PAGE_STYLE = `
:root { --n1: #d6336c; --n1-bg: #fff0f5; --dup: #e67700; --dup-bg: #fff4e6; --debt: #868e96; --plain: #5c7cfa; --fail: #c92a2a; --pass: #2b8a3e; --line: #dee2e6; --muted: #6c757d; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #212529; background: #f8f9fa; }
header, nav, main { padding: 0 1.5rem; }
header { background: #fff; border-bottom: 1px solid var(--line); padding-bottom: 1rem; }
h1 { margin: 0; padding-top: 1rem; font-size: 1.4rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
code { font: 12.5px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.muted { color: var(--muted); }
.totals { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; margin: .75rem 0; }
.totals div { min-width: 7rem; } .totals dt { color: var(--muted); font-size: 12px; } .totals dd { margin: 0; font-size: 1.3rem; font-weight: 600; }
.totals .bad dd, tr.bad td { color: var(--fail); }
.notes { margin: .5rem 0 0; padding-left: 1.2rem; }
.warn-note { color: #a61e4d; font-weight: 500; }
nav { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; padding-top: .5rem; padding-bottom: .5rem; background: #f1f3f5; border-bottom: 1px solid var(--line); }
nav a { color: #1c7ed6; } nav input[type=search] { min-width: 18rem; padding: .25rem .5rem; }
table.figures { border-collapse: collapse; background: #fff; margin: .5rem 0; }
table.figures th, table.figures td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
table.figures th { background: #f1f3f5; font-weight: 600; font-size: 12.5px; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.badge { display: inline-block; padding: 0 .4rem; border-radius: 3px; font-size: 11.5px; font-weight: 600; color: #fff; background: var(--muted); margin-right: .25rem; }
.badge.pass { background: var(--pass); } .badge.fail { background: var(--fail); } .badge.warn { background: var(--dup); }
.badge.n-plus-one { background: var(--n1); } .badge.duplicate { background: var(--dup); } .badge.allowlisted { background: var(--debt); }
details.test { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--pass); border-radius: 4px; margin: .5rem 0; padding: .4rem .75rem; }
details.test.fail { border-left-color: var(--fail); } details.test.warn { border-left-color: var(--dup); }
details.scope { margin: .5rem 0 .5rem 1rem; padding: .25rem .5rem; border: 1px solid var(--line); border-radius: 4px; }
summary { cursor: pointer; }
.kind { font-size: 11.5px; text-transform: uppercase; color: var(--muted); }
.trace code { background: #e7f5ff; padding: 0 .25rem; border-radius: 2px; }
.findings { list-style: none; padding: 0; margin: .5rem 0; }
.finding { border-left: 4px solid var(--n1); background: var(--n1-bg); padding: .4rem .6rem; margin: .4rem 0; }
.finding.duplicate { border-color: var(--dup); background: var(--dup-bg); } .finding.allowlisted { border-color: var(--debt); background: #f1f3f5; }
.finding .shape { white-space: pre-wrap; word-break: break-word; }
.finding-line { margin-left: 1rem; } .finding-line .key { display: inline-block; width: 2.5rem; color: var(--muted); }
.site { color: #495057; } .fn { color: var(--muted); }
.wf { margin: .5rem 0; font-size: 12px; }
.wf-row { display: grid; grid-template-columns: minmax(22rem, 48%) 1fr 6.5rem; gap: .5rem; align-items: center; min-height: 1.35rem; border-bottom: 1px solid #f1f3f5; }
.wf-row.n-plus-one { background: var(--n1-bg); } .wf-row.duplicate { background: var(--dup-bg); }
.wf-axis { font-weight: 600; color: var(--muted); border-bottom: 1px solid var(--line); }
/* The shape gives way to the call site: the line is what a reader goes to. */
.wf-label { display: flex; gap: .4rem; min-width: 0; white-space: nowrap; }
.wf-label code { flex: 1 1 auto; min-width: 0; overflow: hidden; text-overflow: ellipsis; }
.wf-label .site { flex: none; color: var(--muted); }
.wf-i { flex: none; min-width: 2rem; color: var(--muted); text-align: right; }
.wf-track { position: relative; height: 1rem; background: repeating-linear-gradient(90deg, transparent 0 calc(20% - 1px), #f1f3f5 calc(20% - 1px) 20%); }
.wf-axis .wf-track { background: none; }
.tick { position: absolute; top: 0; transform: translateX(-50%); font-weight: 400; white-space: nowrap; }
.tick:first-child { transform: none; } .tick:last-child { transform: translateX(-100%); }
.bar { position: absolute; top: 2px; bottom: 2px; border-radius: 2px; background: var(--plain); }
.bar.n-plus-one { background: var(--n1); } .bar.duplicate { background: var(--dup); }
.bar.allowlisted { background: repeating-linear-gradient(45deg, var(--debt) 0 3px, #ced4da 3px 6px); }
.bar.failed { outline: 2px solid var(--fail); }
.wf-ms { text-align: right; color: var(--muted); font-variant-numeric: tabular-nums; }
.legend { display: flex; gap: 1rem; font-size: 12px; color: var(--muted); } .legend .bar { position: static; display: inline-block; width: 1.2rem; height: .7rem; vertical-align: middle; margin-right: .25rem; }
.omitted { color: var(--muted); font-style: italic; }
.share { display: inline-block; width: 6rem; height: .6rem; background: #f1f3f5; margin-right: .5rem; vertical-align: middle; }
.share span { display: block; height: 100%; background: var(--plain); }
.allocators ol, .modules ol { margin: .25rem 0; padding-left: 1.5rem; }
.test-name { max-width: 22rem; }
footer { padding: 2rem 1.5rem; color: var(--muted); font-size: 12px; }
`;
