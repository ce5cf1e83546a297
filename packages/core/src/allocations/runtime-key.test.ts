import { expect, it } from 'vitest';
import { runtimeKey } from './runtime-key.js';

it('names the Node major, the architecture and pointer compression', () => {
  expect(runtimeKey('v20.20.2', 'x64', false)).toBe('node20-x64');
  expect(runtimeKey('v22.1.0', 'arm64', true)).toBe('node22-arm64-pc');
});

it('describes this process by default', () => {
  expect(runtimeKey()).toMatch(new RegExp(`^node${process.versions.node.split('.')[0]}-${process.arch}(-pc)?$`));
});
