import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allowlistPathFor, packageDirOf } from './allowlist-path.js';

// app/package.json, app/test/ (jest's rootDir in a Nest e2e config), app/src/ (its rootDir in package.json)
const root = mkdtempSync(join(tmpdir(), 'perfgate-allowlist-path-'));
const app = join(root, 'app');
mkdirSync(join(app, 'test', 'e2e'), { recursive: true });
mkdirSync(join(app, 'src'));
writeFileSync(join(app, 'package.json'), '{}');
afterAll(() => rmSync(root, { recursive: true }));

describe('allowlistPathFor', () => {
  it('#16.8 puts a relative allowlist beside the nearest package.json above the config, whatever jest’s rootDir or vitest’s root', () => {
    expect(allowlistPathFor('perfgate.allow.json', join(app, 'test'))).toBe(join(app, 'perfgate.allow.json'));
    expect(allowlistPathFor('perfgate.allow.json', join(app, 'test', 'e2e'))).toBe(join(app, 'perfgate.allow.json'));
    expect(allowlistPathFor('perfgate.allow.json', join(app, 'src'))).toBe(join(app, 'perfgate.allow.json'));
    expect(allowlistPathFor('perfgate.allow.json', app)).toBe(join(app, 'perfgate.allow.json'));
  });

  it('#16.8 resolves a relative option from that directory, and takes an absolute one as it is', () => {
    expect(allowlistPathFor('perf/allow.json', join(app, 'test'))).toBe(join(app, 'perf', 'allow.json'));
    expect(allowlistPathFor('/srv/shared/allow.json', join(app, 'test'))).toBe('/srv/shared/allow.json');
  });
});

describe('packageDirOf', () => {
  it('falls back to the directory itself when no package.json is above it', () => {
    expect(packageDirOf('/srv/app/test', () => false)).toBe('/srv/app/test');
    expect(packageDirOf('/srv/app/test', (path) => path === '/srv/package.json')).toBe('/srv');
  });
});
