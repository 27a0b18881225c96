import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run bench:binding`: the binding's timing targets, run by Vitest (it loads tldraw and the
// client's TypeScript as the unit tests do) but apart from the test suite, so no test
// depends on how fast the machine is.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['bench/binding/*.bench.ts'],
    environment: 'node',
    testTimeout: 600_000,
    fileParallelism: false,
  },
});
