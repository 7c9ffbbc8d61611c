// Bundles the CLI and the session host into dist/bundle: one file per entry plus lazily loaded
// chunks. Node resolves and reads ~60 ESM files for `ao ls` otherwise, which costs more than the
// command itself (docs/architecture.md, Targets: `ao ls` ≤ 1.5 × `node -e 0`). Native addons and packages that load
// files at run time stay external.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const NATIVE_OR_RUNTIME_LOADED = ['better-sqlite3', 'node-pty', 'pino', '@xterm/headless'];

rmSync('dist/bundle', { recursive: true, force: true });

const common = {
  outdir: 'dist/bundle',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
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
};

await build({
  ...common,
  entryPoints: { main: 'dist/main.js', 'host-main': 'dist/host/host-main.js' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  // Built on its own below, as one file.
  external: [...NATIVE_OR_RUNTIME_LOADED, './fast-ls.js'],
});

// `ao ls` served by the daemon, the hottest read: one file, not a dozen shared chunks (each ESM
// import costs a resolve, a read and a compile; together about a third of what this path costs).
await build({ ...common, entryPoints: { 'fast-ls': 'dist/fast-ls.js' }, splitting: false, external: NATIVE_OR_RUNTIME_LOADED });
