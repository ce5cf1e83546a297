// Printing results: an aligned table per group for people, one JSON document for machines.
import { availableParallelism, cpus, loadavg } from 'node:os';

/** `412 ns`, `1.31 µs`, `18.2 ms`: three significant figures in the unit that suits. */
export function formatNs(ns) {
  const abs = Math.abs(ns);
  const [value, unit] = abs >= 1e6 ? [ns / 1e6, 'ms'] : abs >= 1e3 ? [ns / 1e3, 'µs'] : [ns, 'ns'];
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}

export function machine() {
  return {
    node: process.version,
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    loadAverage1m: Number(loadavg()[0].toFixed(2)),
  };
}

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function formatText({ machine: m, procedure, groups }) {
  const out = [`perfgate bench: node ${m.node}, ${m.cpus} CPUs (${m.cpuModel}), load average ${m.loadAverage1m}`, `procedure: ${procedure}`, ''];
  for (const group of groups) {
    out.push(`## ${group.name}: ${group.description}`);
    for (const note of group.notes) out.push(`   ${note}`);
    out.push('');
    const rows = group.cases.map((c) => [c.name, formatNs(c.medianNs), formatNs(c.minNs), formatNs(c.p99Ns), formatNs(c.meanNs), `${c.samples}×${c.batch}`, c.warning ?? '']);
    if (rows.length > 0) out.push(table(['case (per iteration)', 'median', 'min', 'p99', 'mean', 'samples×batch', ''], rows), '');
    for (const t of group.tables ?? []) out.push(t.title, table(t.header, t.rows), '');
    if (group.derived.length > 0) {
      out.push(table(['derived, per op', 'from medians', 'from mins', 'how'], group.derived.map((d) => [d.name, formatNs(d.medianNs), formatNs(d.minNs), d.how])), '');
    }
  }
  return out.join('\n');
}

export function formatJson(report) {
  return JSON.stringify(report, null, 2);
}
