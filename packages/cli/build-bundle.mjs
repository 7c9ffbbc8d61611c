// Bundles the CLI and the session host into dist/bundle: one file per entry plus lazily loaded
// chunks. Node resolves and reads ~60 ESM files for `ao ls` otherwise, which costs more than the
// command itself (docs/architecture.md, Targets: `ao ls` ≤ 1.5 × `node -e 0`). Native addons and packages that load
// files at run time stay external.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: { main: 'dist/main.js', 'host-main': 'dist/host/host-main.js' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  external: ['better-sqlite3', 'node-pty', 'pino', '@xterm/headless'],
  // CJS dependencies (commander, write-file-atomic) use require() and __filename: give the ESM
  // bundle both (__filename then names the chunk, which is all they use it for).
  banner: {
    js: [
      "import { createRequire as __aoCreateRequire } from 'node:module';",
      "import { fileURLToPath as __aoFileURLToPath } from 'node:url';",
      'const require = __aoCreateRequire(import.meta.url);',
      'const __filename = __aoFileURLToPath(import.meta.url);',
      "const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
    ].join(' '),
  },
  logLevel: 'warning',
});
