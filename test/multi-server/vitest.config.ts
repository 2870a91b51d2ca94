// `npm run test:servers`: the two-server suite, on the PostgreSQL server and the Redis of the machine
// (TEST_DATABASE_URL and TEST_REDIS_URL, default 127.0.0.1), apart from `npm test` (PGlite).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/multi-server/**/*.suite.ts'],
    fileParallelism: false,
    // A server's start, and a dead server's job lease (60 s), take a while.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
