// The same specs as vitest.config.ts runs, under jest with perfgate's preset.
// ES modules, as the package is: run with --experimental-vm-modules (npm run test:jest),
// which PGlite needs under jest anyway. Transformed by @swc/jest (express-pg uses ts-jest).
/** @type {import('jest').Config} */
export default {
  preset: '@perfgate/jest',
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  moduleNameMapper: {
    '^vitest$': '<rootDir>/test/support/vitest-on-jest.ts',
    // NodeNext-style `../src/db.js` imports name the .ts sources.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testTimeout: 60_000,
};
