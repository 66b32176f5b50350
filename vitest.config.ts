import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests run the engine as the Node library does (see vite.node.config.ts).
  define: { __QINGDU_BROWSER__: 'false' },
  test: {
    include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/corpus/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
