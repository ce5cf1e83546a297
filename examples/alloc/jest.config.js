// The same specs as vitest.config.ts runs, under jest with perfgate's preset, through ts-jest.
// ES modules, as the package is: run with --experimental-vm-modules (npm run test:jest).
/** @type {import('jest').Config} */
export default {
  preset: '@perfgate/jest',
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  moduleNameMapper: {
    '^vitest$': '<rootDir>/test/support/vitest-on-jest.ts',
    // NodeNext-style `../src/logger.js` imports name the .ts sources.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testTimeout: 60_000,
};
