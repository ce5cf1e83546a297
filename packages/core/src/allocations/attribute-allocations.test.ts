import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { attributeAllocations } from './attribute-allocations.js';
import { measureAllocations } from './measure-allocations.js';

interface Entry {
  readonly level: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

// Small enough for V8 to inline into its caller: the profile must still charge its bytes to it.
function makeEntry(level: string, id: number): Entry {
  return { level, fields: { id, at: 'checkout' } }; // @makeEntry
}

function logLine(id: number): string {
  const entry = makeEntry('info', id); // @logLine
  return `${entry.level} ${JSON.stringify(entry.fields)}`;
}

/** The 1-based line of the function whose body has the line marked `// @marker`: where V8 says the function starts. */
function functionLine(marker: string): number {
  const lines = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
  const marked = lines.findIndex((line) => line.endsWith(`// @${marker}`));
  for (let i = marked; i >= 0; i--) if (lines[i]!.startsWith('function ')) return i + 1;
  throw new Error(`no function around // @${marker}`);
}

describe('attributeAllocations', () => {
  it('ranks the functions that allocated, each with its own bytes, at its line in the TypeScript source', async () => {
    let id = 0;
    const work = () => logLine(++id);
    const measurement = await measureAllocations(work);
    const written: Array<[string, string]> = [];
    const attribution = await attributeAllocations(work, measurement, { file: '/reports/log.heapprofile', coverage: false, writeFile: (path, text) => written.push([path, text]) });

    expect(attribution.inliningOff).toBe(true);
    expect(attribution.calls).toBe(measurement.iterations);
    expect(attribution.samples).toBeGreaterThan(100);
    const byName = new Map(attribution.allocators.map((a) => [a.name, a]));
    const thisFile = fileURLToPath(import.meta.url);
    expect(byName.get('makeEntry')?.location).toMatchObject({ file: thisFile, line: functionLine('makeEntry') });
    expect(byName.get('logLine')?.location).toMatchObject({ file: thisFile, line: functionLine('logLine') });
    // The profiler's own frames are left out, and crumbs under 1% (V8's own work): only this file's two functions.
    expect(attribution.allocators.map((a) => a.name).sort()).toEqual(['logLine', 'makeEntry']);
    const shares = attribution.allocators.map((a) => a.share);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    expect(shares.reduce((sum, share) => sum + share, 0)).toBeLessThanOrEqual(1.000001);

    expect(written.map(([path]) => path)).toEqual(['/reports/log.heapprofile']);
    const saved = JSON.parse(written[0]![1]) as { head: { callFrame: unknown; children: unknown[] }; samples: unknown[] };
    expect(saved.head.callFrame).toMatchObject({ functionName: '(root)' });
    expect(saved.samples.length).toBe(attribution.samples);
  });
});
