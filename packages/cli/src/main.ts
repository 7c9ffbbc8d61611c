#!/usr/bin/env node
/**
 * Node entry of `ao`. `ao hooks …` is answered before anything heavy is imported (no commander,
 * no SQLite, no zod): it runs inside the harness's hook and must be quick even on the Node path.
 */
const args = process.argv.slice(2);
if (args[0] === 'hooks' && args[1] !== '--help' && args[1] !== '-h') {
  const { runHookCapture } = await import('./hooks-entry.js');
  runHookCapture(args.slice(1));
} else {
  const { runCli } = await import('./program.js');
  process.exitCode = await runCli(args);
}
