import { spawn } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { ensureDaemon } from '../daemon/daemon-control.js';
import { runningDaemon } from '../daemon/daemon-lock.js';
import { createLoginCode } from '../dashboard/login-codes.js';
import { findSessionOrThrow } from '../operations/session-reads.js';
import { printJson } from '../output.js';
import { pollUntil } from '../poll.js';

/** How long after its start a daemon may take to serve the API (`ao open` waits for one starting). */
const API_WAIT_MS = 10_000;

/** The URL of the API the running daemon serves, once its `run/api.json` names it. */
async function waitForApiUrl(aoHome: string): Promise<string> {
  ensureDaemon(aoHome);
  const url = await pollUntil(
    () => {
      const daemon = runningDaemon(aoHome);
      if (!daemon) return undefined;
      try {
        const info = JSON.parse(readFileSync(join(aoHome, 'run', 'api.json'), 'utf8')) as { url: unknown; pid: unknown };
        return info.pid === daemon.pid && typeof info.url === 'string' ? info.url : undefined;
      } catch {
        return undefined;
      }
    },
    // A daemon that has run this long without naming its API serves none: no need to wait.
    { intervalMs: 50, deadline: Math.min(Date.now() + API_WAIT_MS, (runningDaemon(aoHome)?.startedAt ?? Date.now()) + API_WAIT_MS) },
  );
  if (url === undefined) throw new CliError('api_unavailable', `the daemon of ${aoHome} serves no HTTP API (started with --no-api?): stop it and run \`ao daemon\`, then \`ao open\` again`);
  return url;
}

/** The system's way to open a URL in the user's browser, when there is one. */
function browserOpener(): string | null {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? null : 'xdg-open';
  if (command === null) return null;
  for (const dir of (process.env.PATH ?? '').split(':')) {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return join(dir, command);
    } catch {
      // not here
    }
  }
  return null;
}

/**
 * `ao open [id]`: a one-time login link to the dashboard (docs/dashboard.md, "Login"), printed, and
 * opened in a browser when stdout is a terminal and the system has an opener. The link works once,
 * for 2 minutes; the daemon swaps it for a login cookie. Starts the daemon when none runs.
 */
export async function openDashboard(context: CliContext, id: string | undefined, options: { browser?: boolean; json?: boolean }): Promise<void> {
  const aoHome = context.paths.home;
  const sessionId = id === undefined ? undefined : findSessionOrThrow(context, id).id;
  const apiUrl = await waitForApiUrl(aoHome);
  const { code, expiresAt } = createLoginCode(aoHome);
  const url = `${apiUrl}/login?code=${code}${sessionId === undefined ? '' : `&to=sessions/${encodeURIComponent(sessionId)}`}`;
  if (options.json) return printJson({ url, expiresAt: new Date(expiresAt).toISOString() });
  process.stdout.write(`Dashboard login link (works once, for 2 minutes):\n  ${url}\n`);
  const opener = options.browser !== false && process.stdout.isTTY ? browserOpener() : null;
  if (opener) {
    const child = spawn(opener, [url], { detached: true, stdio: 'ignore' });
    child.on('error', () => {}); // the link is printed: that is enough
    child.unref();
  }
}
