#!/usr/bin/env node
/**
 * Node entry of `ao`. `ao hooks …` is answered before anything heavy is imported (no commander,
 * no SQLite, no zod): it runs inside the harness's hook and must be quick even on the Node path.
 */
// Before anything is created: every file ao makes is 0600, every directory 0700 (PRIVATE_UMASK in
// private-umask.ts; set here without importing it, so `ao ls` and hooks load no extra module).
const usersUmask = process.umask(0o077);
const args = process.argv.slice(2);
// `ao ls | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

async function runFullCli(): Promise<void> {
  const [{ runCli }, { rememberUsersUmask }] = await Promise.all([import('./program.js'), import('./private-umask.js')]);
  rememberUsersUmask(usersUmask);
  process.exitCode = await runCli(args);
}

if (args[0] === 'hooks' && args[1] !== '--help' && args[1] !== '-h') {
  const { runHookCapture } = await import('./hooks-entry.js');
  runHookCapture(args.slice(1));
} else if (args[0] === 'ls' && args.slice(1).every((arg) => arg === '--all' || arg === '--json')) {
  // The hottest read: served by the daemon when one runs (no SQLite, no command modules here),
  // else read from the store directly (still without the command-line parser).
  const served = !process.env.AO_NO_DAEMON_READS && (await (await import('./fast-ls.js')).tryDaemonList(args));
  if (!served) {
    const { runDirectList } = await import('./direct-ls.js');
    process.exitCode = await runDirectList(args);
  }
} else {
  await runFullCli();
}
