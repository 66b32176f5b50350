// Builds the Node library and the CLI (dist/node/): same core as the extension, jsdom for parsing.
import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

// QINGDU_DIST=/tmp/x builds into /tmp/x/node, declarations included (private builds on a shared checkout).
const outDir = join(process.env.QINGDU_DIST ?? 'dist', 'node');

export default defineConfig({
  publicDir: false,
  // jsdom has no layout: the engine keeps its stylesheet-rule path (page/visibility.ts).
  define: { __QINGDU_BROWSER__: 'false' },
  plugins: [
    {
      // Type declarations for library users: tsc emits them, index.d.ts points at them.
      name: 'qingdu-dts',
      closeBundle() {
        execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.dts.json', '--outDir', join(outDir, 'types')], { stdio: 'inherit' });
        writeFileSync(join(outDir, 'index.d.ts'), "export * from './types/node/index';\n");
      },
    },
  ],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'node20',
    ssr: true,
    minify: false,
    sourcemap: true,
    lib: {
      entry: { index: 'src/node/index.ts', cli: 'src/cli/bin.ts', 'cli-lib': 'src/cli/main.ts' },
      formats: ['es'],
    },
    rollupOptions: {
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'jsdom', /^opencc-js/],
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
