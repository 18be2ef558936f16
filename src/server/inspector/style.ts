/** The inspector's stylesheet: system fonts, a compact three-part layout, no external asset. */
export const INSPECTOR_STYLE = `
:root {
  --ink: #1d2330; --muted: #667085; --line: #e3e6ec; --panel: #f7f8fa; --accent: #2f6fed; --bad: #c0392b;
  --aws: #b45f06; --alibaba: #c2410c; --tencent: #1565c0; --admin: #667085;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink);
}
* { box-sizing: border-box; }
body { margin: 0; height: 100vh; display: grid; grid-template-rows: auto minmax(0, 1fr) 32vh; background: #fff; }
code, time, .num, .log td:first-child { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12px; }
button, select, input { font: inherit; }
button { border: 1px solid var(--line); background: #fff; border-radius: 4px; padding: 3px 9px; cursor: pointer; }
button:hover { border-color: var(--accent); color: var(--accent); }
button.small { padding: 1px 7px; font-size: 12px; }
button.danger:hover { border-color: var(--bad); color: var(--bad); }
select, input { border: 1px solid var(--line); border-radius: 4px; padding: 3px 6px; background: #fff; min-width: 0; }
h1 { font-size: 15px; margin: 0; white-space: nowrap; } h1 span { color: var(--muted); font-weight: 400; }
h2 { font-size: 16px; margin: 0 0 8px; word-break: break-all; }
h3 { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 14px 0 6px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 3px 8px 3px 0; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: var(--muted); font-size: 12px; }
.num { text-align: right; }
.empty { color: var(--muted); margin: 6px 0; }

header { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 22px; padding: 8px 14px; border-bottom: 1px solid var(--line); background: var(--panel); }
.clock { display: flex; align-items: center; gap: 6px; } .caption { color: var(--muted); }
.clock time { font-size: 13px; min-width: 150px; }
.actions { display: flex; gap: 6px; margin-left: auto; }
.status { flex-basis: 100%; margin: 0; min-height: 0; color: var(--muted); }
.status:empty { display: none; } .status.error { color: var(--bad); }

main { display: grid; grid-template-columns: minmax(240px, 320px) minmax(0, 1fr); min-height: 0; }
.sidebar { border-right: 1px solid var(--line); display: flex; flex-direction: column; min-height: 0; }
.filters { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 6px; padding: 10px; border-bottom: 1px solid var(--line); }
.filters input { grid-column: 1 / -1; }
.count { margin: 6px 10px; color: var(--muted); }
.secret-list { list-style: none; margin: 0; padding: 0; overflow: auto; }
.secret { display: grid; grid-template-columns: auto 1fr; gap: 0 8px; padding: 6px 10px; cursor: pointer; border-bottom: 1px solid var(--line); }
.secret:hover, .secret:focus { background: var(--panel); outline: none; }
.secret.selected { background: #eaf1ff; }
.secret.deleted .name { text-decoration: line-through; color: var(--muted); }
.secret .name { font-weight: 600; word-break: break-all; }
.secret .namespace { grid-column: 2; color: var(--muted); font-size: 12px; }
.cloud { display: inline-block; font-size: 11px; font-weight: 600; border-radius: 3px; padding: 0 5px; color: #fff; background: var(--admin); height: 17px; line-height: 17px; }
.cloud-aws { background: var(--aws); } .cloud-alibaba { background: var(--alibaba); } .cloud-tencent { background: var(--tencent); }

.right { overflow: auto; padding: 12px 16px; display: flex; flex-direction: column; gap: 8px; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; }
.facts dt { color: var(--muted); } .facts dd { margin: 0; word-break: break-all; }
.tags th { width: 30%; font-weight: 600; color: var(--ink); }
.label { display: inline-block; background: #eef2f7; border: 1px solid var(--line); border-radius: 10px; padding: 0 7px; margin: 0 4px 2px 0; font-size: 11px; }
.value-cell { min-width: 180px; }
.reveal { display: inline-flex; flex-wrap: wrap; gap: 6px; align-items: baseline; }
.value { background: #fffbe6; border: 1px solid #f0e2a8; border-radius: 3px; padding: 0 5px; white-space: pre-wrap; word-break: break-all; }
.faults { border-top: 1px solid var(--line); margin-top: 8px; }
.faults h3 { display: flex; align-items: center; gap: 10px; }
.faults.unavailable table, .faults.unavailable #fault-form, .faults.unavailable h3 button { display: none; }
#fault-form { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
#fault-form input { width: 150px; } #fault-form input[name=times], #fault-form input[name=detail] { width: 110px; } #fault-form input[name=times] { width: 70px; }

.log { border-top: 1px solid var(--line); display: flex; flex-direction: column; min-height: 0; background: var(--panel); }
.log-head { display: flex; align-items: center; gap: 12px; padding: 4px 14px; }
.log-head h3 { margin: 4px 0; } .log-head label { margin-left: auto; color: var(--muted); }
#log-state { font-size: 12px; color: var(--muted); } #log-state.live { color: #1e8e3e; } #log-state.offline { color: var(--bad); }
.log-scroll { overflow: auto; padding: 0 14px 8px; }
.log table { background: #fff; }
.log thead th { position: sticky; top: 0; background: var(--panel); }
.log tr.admin { display: none; color: var(--muted); } .log.show-admin tr.admin { display: table-row; }
.log tr.failed td:nth-child(6), .log tr.http-error td:nth-child(5) { color: var(--bad); font-weight: 600; }

.login-page { display: flex; align-items: center; justify-content: center; background: var(--panel); }
.login-box { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 22px 26px; width: 360px; display: block; }
.login-box form { display: grid; gap: 8px; margin-top: 14px; }
.problem { color: var(--bad); min-height: 1em; margin: 0; }
`;
