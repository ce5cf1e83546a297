import { expect, it } from 'vitest';
import { attributeAllocations } from './attribute-allocations.js';
import { measureAllocations } from './measure-allocations.js';

function point(x: number): { x: number; y: number; z: number } {
  return { x, y: 2, z: 3 };
}

function pair(): unknown[] {
  return [point(1), point(2)];
}

const bytesByName = async (coverage: boolean) => {
  const measurement = await measureAllocations(pair);
  const attribution = await attributeAllocations(pair, measurement, { file: '/reports/pair.heapprofile', coverage, writeFile: () => undefined });
  return Object.fromEntries(attribution.allocators.map((a) => [a.name, a.bytes / attribution.calls]));
};

it('charges each function its own bytes, though V8 inlines point() into pair()', async () => {
  // As V8 compiles it (what coverage tools need left alone), the inlined point() has no frame of its own.
  const inlined = await bytesByName(true);
  expect(Object.keys(inlined)).toEqual(['pair']);
  // With inlining off: two 48-byte objects in point(), the array (32 B) and its two slots (32 B) in pair().
  const own = await bytesByName(false);
  expect(Object.keys(own).sort()).toEqual(['pair', 'point']);
  expect(own.point! / (own.point! + own.pair!)).toBeGreaterThan(0.5);
  expect(own.point! / (own.point! + own.pair!)).toBeLessThan(0.7);
});
