import { Command, CommanderError } from 'commander';
import { storeErrorFrom } from '@ao/lifecycle';
import { CliContext } from './cli-context.js';
import { CliError } from './cli-error.js';
import { isErrorCode } from './error-codes.js';
import { printError } from './output.js';
import { addNotifyCommands } from './notify/notify-command-group.js';
import { HARNESS_OPTION_HELP, listHarnessesInHelp, mayShowHarnessHelp } from './harness-help.js';
import { AO_VERSION } from './version.js';

const JSON_HELP = 'print one JSON document on stdout (errors as {"error":{"code","message"}})';

// Command modules are imported when their command runs: `ao ls` must not pay for spawn, the
// session host client, zod or the adapters (docs/architecture.md, Targets: `ao ls` ≤ 1.5 × `node -e 0`).
const sessions = () => import('./commands/session-commands.js');

function buildProgram(context: CliContext, setExit: (code: number) => void): Command {
  const program = new Command('ao')
    .description('Run and watch coding-agent CLIs: which one works, which one waits for you, which one is idle or dead.')
    .version(AO_VERSION)
    .showHelpAfterError()
    .exitOverride();

  program
    .command('hooks <harness> <event>')
    .description('hook entry point run by a harness: captures the JSON payload on stdin (prints nothing, always exits 0)')
    .option('--session <id>', 'session id for agents adopted with ao register (the agent that fired the hook decides when AO_SESSION_ID names another)')
    .option('--home <dir>', 'the AO_HOME the hook reports to (hooks ao register installs carry it)')
    .action(async (harness: string, event: string, options: { session?: string; home?: string }) => {
      const { runHookCapture } = await import('./hooks-entry.js');
      runHookCapture([harness, event, ...(options.session ? ['--session', options.session] : []), ...(options.home ? ['--home', options.home] : [])]);
    });

  program
    .command('spawn')
    .description('start a harness in a PTY under a session host, hooks wired through the launch (nothing written into your repository)')
    .option('--agent <harness>', HARNESS_OPTION_HELP)
    .option('--harness <harness>', 'the same as --agent')
    .option('--cwd <dir>', 'the directory to work in (default: the current directory)')
    .option('--worktree', 'work in a new git worktree on branch ao/<id> under $AO_HOME/worktrees')
    .option('--prompt <text>', 'the first prompt, delivered the way the harness accepts it')
    .option('--name <name>', 'a name to find the session by')
    .option('--dry-run', 'print the argv, environment and files the spawn would use, and do nothing')
    .option('--no-daemon', 'do not start the background daemon')
    .option('--json', JSON_HELP)
    .argument('[args...]', 'extra arguments for the harness, after --')
    .action(async (args: string[], options) => (await import('./commands/spawn-command.js')).spawnAgent(context, options, args));

  program
    .command('register')
    .description('adopt an agent that ao did not start: record a session and install its hooks in a directory')
    .requiredOption('--agent <harness>', HARNESS_OPTION_HELP)
    .option('--cwd <dir>', "the agent's project directory (default: the current directory)")
    .option('--pid <pid>', "the agent's process id, so ao can tell when it dies")
    .option('--name <name>', 'a name to find the session by')
    .option('--json', JSON_HELP)
    .action(async (options) => (await import('./commands/register-command.js')).registerAgent(context, options));

  program
    .command('ls')
    .description('list sessions (live ones; --all includes terminated)')
    .option('--all', 'include terminated sessions')
    .option('--json', JSON_HELP)
    .action(async (options) => (await sessions()).listSessions(context, options));

  program
    .command('status <id>')
    .description('show one session (by id or name)')
    .option('--json', JSON_HELP)
    .action(async (id: string, options) => (await sessions()).showStatus(context, id, options));

  program
    .command('events [id]')
    .description('the event log: state transitions and signals, oldest first')
    .option('--since <cursor>', 'only events after this seq')
    .option('--limit <n>', 'at most n events')
    .option('--follow', 'keep printing new events (NDJSON with --json)')
    .option('--json', JSON_HELP)
    .action(async (id: string | undefined, options) => (await sessions()).listEvents(context, id, options));

  program
    .command('send <id> <text>')
    .description('type text into a session and submit it; waits until the harness acknowledges it')
    .option('--force', 'send even while a permission dialog is open (the text would answer it)')
    .option('--timeout <seconds>', 'how long to wait for the acknowledgement (default 15)')
    .option('--json', JSON_HELP)
    .action(async (id: string, text: string, options) => (await import('./commands/send-command.js')).sendText(context, id, text, options));

  const permissions = () => import('./commands/permission-commands.js');
  program
    .command('approve <id>')
    .description("answer a session's open permission dialog with yes (once), as its harness takes it; reports the state that follows")
    .option('--request <rid>', 'the open request this answers (openRequest.id): refused with stale_request, nothing typed, when another is open')
    .option('--checkpoint', 'first record the working tree as a checkpoint (ao checkpoints, ao restore); git work trees only')
    .option('--timeout <seconds>', 'how long to wait for the session to leave blocked (default 10)')
    .option('--json', JSON_HELP)
    .action(async (id: string, options) => (await permissions()).approvePermission(context, id, options));

  program
    .command('deny <id>')
    .description("answer a session's open permission dialog with no, as its harness takes it; reports the state that follows")
    .option('--request <rid>', 'the open request this answers (openRequest.id): refused with stale_request, nothing typed, when another is open')
    .option('--timeout <seconds>', 'how long to wait for the session to leave blocked (default 10)')
    .option('--json', JSON_HELP)
    .action(async (id: string, options) => (await permissions()).denyPermission(context, id, options));

  program
    .command('attach-event <id>')
    .description('attach something from outside the agent (a CI failure, a review) to a session; shown in ao events and as lastExternalEvent')
    .requiredOption('--source-kind <kind>', 'what kind of system sent it: ci, review, issue…')
    .requiredOption('--source-id <id>', "the sender's own id of the thing (a build number, a URL)")
    .requiredOption('--type <type>', 'what happened, like ci.failed')
    .option('--payload <json>', 'details, as JSON (at most 64 KiB are kept)')
    .option('--json', JSON_HELP)
    .action(async (id: string, options) => (await import('./commands/external-event-command.js')).attachEventCommand(context, id, options));

  const checkpoints = () => import('./commands/checkpoint-commands.js');
  program
    .command('checkpoints <id>')
    .description("list a session's checkpoints (taken by ao approve --checkpoint)")
    .option('--json', JSON_HELP)
    .action(async (id: string, options) => (await checkpoints()).listCheckpointsCommand(context, id, options));

  program
    .command('restore <id> <n>')
    .description("put a session's files back as they were at checkpoint n (refused over changes since, unless --force, which saves them as a checkpoint first)")
    .option('--force', 'restore even over changes made since; they are saved as a new checkpoint first')
    .option('--json', JSON_HELP)
    .action(async (id: string, n: string, options) => (await checkpoints()).restoreCommand(context, id, n, options));

  program
    .command('open [id]')
    .description('print a one-time login link to the web dashboard (opens a browser from a terminal); starts the daemon if none runs')
    .option('--no-browser', 'only print the link')
    .option('--json', 'print {"url","expiresAt"}')
    .action(async (id: string | undefined, options) => (await import('./commands/open-command.js')).openDashboard(context, id, options));

  program
    .command('attach <id>')
    .description("connect your terminal to a session's terminal (Ctrl-] detaches)")
    .action(async (id: string) => (await import('./commands/attach-command.js')).attachSession(context, id));

  program
    .command('logs <id>')
    .description("a session's recent terminal output")
    .option('--follow', 'keep printing new output until the session ends')
    .option('--json', JSON_HELP)
    .action(async (id: string, options) => (await import('./commands/logs-command.js')).showLogs(context, id, options));

  program
    .command('kill <id>')
    .description('stop a session (SIGTERM, then SIGKILL after --grace seconds) and mark it terminated; its record is kept')
    .option('--grace <seconds>', 'seconds between SIGTERM and SIGKILL (default 5)')
    .option('--json', JSON_HELP)
    .action(async (id: string, options) => (await import('./commands/kill-command.js')).killSession(context, id, options));

  program
    .command('rm <ids...>')
    .description('remove terminated sessions, their files and worktrees')
    .option('--force', 'also remove worktrees holding uncommitted changes')
    .option('--json', JSON_HELP)
    .action(async (ids: string[], options) => (await import('./commands/remove-commands.js')).removeSessions(context, ids, options));

  program
    .command('prune')
    .description('remove every terminated session (worktrees with uncommitted changes are kept unless --force)')
    .option('--force', 'also remove worktrees holding uncommitted changes')
    .option('--json', JSON_HELP)
    .action(async (options) => (await import('./commands/remove-commands.js')).pruneSessions(context, options));

  program
    .command('reap')
    .description('probe every live session once; mark the dead ones exited and terminated')
    .option('--json', JSON_HELP)
    .action(async (options) => (await import('./commands/reap-command.js')).reapCommand(context, options));

  program
    .command('doctor')
    .description('check ao, each harness (installed? version?), the hooks in a directory, and whether a session ever reported')
    .option('--cwd <dir>', 'where to look for installed hooks (default: the current directory)')
    .option('--session <id>', 'also check whether this session ever sent a hook')
    .option('--json', 'print {"checks":[{name,status,message}]}')
    .action(async (options) => setExit(await (await import('./commands/doctor-command.js')).runDoctor(context, options)));

  program
    .command('daemon')
    .description('run ingestion, the reaper and the HTTP API in the foreground (ao spawn starts one in the background)')
    .option('--port <n>', 'serve the HTTP API on this port (default: one the system picks; see $AO_HOME/run/api.json)')
    .option('--listen <addr>', 'the address to serve the API on (default 127.0.0.1; another needs this flag, and still the token)')
    .option('--no-api', 'do not serve the HTTP API')
    .action(async (options) => setExit(await (await import('./daemon/daemon-loop.js')).runDaemon(context, (await import('./daemon/daemon-options.js')).daemonOptionsFrom(options))));

  program
    .command('json')
    .description('seed protocol: one JSON request on stdin, one JSON response on stdout (action "capabilities" lists the rest)')
    .option('--json', 'accepted for uniformity; output is always JSON')
    .action(async () => {
      const { handleJsonRequest, readRequest } = await import('./commands/json-protocol.js');
      const { response, ok } = await handleJsonRequest(context, await readRequest(process.stdin));
      process.stdout.write(`${JSON.stringify(response)}\n`);
      if (!ok) setExit(1);
    });

  addNotifyCommands(program, context, setExit, JSON_HELP);

  const hookAdmin = () => import('./commands/hook-admin-commands.js');
  const hookOptions = (command: Command) =>
    command
      .requiredOption('--agent <harness>', HARNESS_OPTION_HELP)
      .option('--cwd <dir>', 'project directory (default: the current directory)')
      .option('--session <id>', 'bake this session id into the hook commands (else they read AO_SESSION_ID)')
      .option('--json', JSON_HELP);
  hookOptions(program.command('install-hooks').description("install a harness's ao hooks in a directory (merged, git-ignored, reversible)")).action(
    async (options) => (await hookAdmin()).changeHooks(context, 'install', options),
  );
  hookOptions(program.command('uninstall-hooks').description("remove ao's hooks from a directory, giving back the user's files")).action(
    async (options) => (await hookAdmin()).changeHooks(context, 'uninstall', options),
  );
  hookOptions(program.command('check-hooks').description("check ao's hooks in a directory (exit 1 when not installed)")).action(async (options) =>
    setExit(await (await hookAdmin()).checkHooks(context, options)),
  );
  return program;
}

/** Runs one `ao` command line; returns the exit code. */
export async function runCli(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const context = new CliContext();
  let exitCode = 0;
  const program = buildProgram(context, (code) => {
    exitCode = code;
  });
  if (json) program.configureOutput({ writeErr: () => {} });
  try {
    if (mayShowHarnessHelp(program, args)) listHarnessesInHelp(program, await context.loadRegistry());
    await program.parseAsync(args, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0; // --help, --version
      const code = error.code.replace(/^commander\./, '').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      return printError(new CliError(isErrorCode(code) ? code : 'invalid_argument', error.message.replace(/^error: /, ''), 2), json);
    }
    // SQLite's damage, full-disk and busy errors become the store's own, with what to do.
    return printError(storeErrorFrom(error, context.paths.database) ?? error, json);
  } finally {
    context.close();
  }
}
