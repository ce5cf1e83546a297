/**
 * Whether `text` is in `output`, its lines one after another with one margin: jest indents what a test logs
 * (`console.warn`) by a margin of its own and vitest prints it as it is, so the same text reads the same under both.
 * The first line may end a longer line (or starts at the margin); a blank line matches a line of spaces; the last line may start a longer one.
 */
export function containsLines(output: string, text: string): boolean {
  if (output.includes(text)) return true;
  const wanted = text.split('\n');
  // The margin is read off the first line after the first that is not blank: jest prints blank lines without one.
  const first = wanted.findIndex((line, i) => i > 0 && line.trim() !== '');
  if (first < 0) return false;
  const lines = output.split('\n');
  for (let start = 0; start + wanted.length <= lines.length; start++) {
    if (!lines[start]!.endsWith(wanted[0]!)) continue;
    const margin = marginOf(lines[start + first]!, wanted[first]!);
    const before = lines[start]!.slice(0, -wanted[0]!.length || undefined);
    // A first line that starts its line starts it at the margin too.
    if (margin === undefined || (/^\s*$/.test(before) && before !== margin)) continue;
    if (wanted.every((line, i) => i === 0 || matchesLine(lines[start + i]!, margin + line, i === wanted.length - 1))) return true;
  }
  return false;
}

/** The whitespace `line` puts before `wanted`, if that is all it adds. */
function marginOf(line: string, wanted: string): string | undefined {
  const at = line.indexOf(wanted);
  return at >= 0 && /^\s*$/.test(line.slice(0, at)) ? line.slice(0, at) : undefined;
}

function matchesLine(line: string, wanted: string, last: boolean): boolean {
  if (wanted.trim() === '') return line.trim() === '';
  return last ? line.startsWith(wanted) : line === wanted;
}
