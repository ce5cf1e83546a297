// Under jest, `import { … } from 'vitest'` in the specs resolves here (jest.config.js
// maps it): the specs stay the vitest specs they are, and run unchanged under both
// runners. Only what the specs use is re-exported.
export { describe, expect, test } from '@jest/globals';
