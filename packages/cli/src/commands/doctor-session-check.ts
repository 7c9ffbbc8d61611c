import { readFileSync } from 'node:fs';
import type { HarnessAdapter } from '@ao/registry';
import type { CliContext } from '../cli-context.js';
import { displayOptions } from '../display-settings.js';
import { formatAge } from '../output.js';
import type { DoctorCheck } from './doctor-checks.js';

/** Did a hook ever fire for this session? If not, why that may be and where to look. */
export function checkSession(context: CliContext, idOrName: string, adapterOf: (harness: string) => HarnessAdapter | undefined): DoctorCheck {
  const name = `session ${idOrName}`;
  const session = context.store.findSession(idOrName);
  if (!session) return { name, status: 'fail', message: `no session "${idOrName}" (see ao ls --all)` };
  const now = context.now();
  const ago = (ms: number) => `${formatAge(ms, now)} ago`;
  if (session.firstSignalAt !== null) {
    return { name, status: 'ok', message: `${session.harness} hooks fire: the first ${ago(session.firstSignalAt)}, the last ${ago(session.lastSignalAt ?? session.firstSignalAt)}` };
  }
  const adapter = adapterOf(session.harness);
  const launched = session.launchedAt ?? session.createdAt;
  const logged = lastHookProblem(context.paths.hookLog, launched);
  const hint = logged ? ` The hook log (${context.paths.hookLog}) says: "${logged}".` : '';
  if (adapter && !adapter.signalsAtStartup && !session.terminated && session.activityState !== 'exited') {
    return { name, status: 'warn', message: `no hook yet: ${adapter.displayName} fires none before its first prompt, so this is expected until one is sent (ao send ${session.id} …).${hint}` };
  }
  const threshold = displayOptions(context.env, now).noSignalAfterMs ?? 0;
  const ended = session.terminated || session.activityState === 'exited';
  if (!ended && now - launched <= threshold) {
    return { name, status: 'warn', message: `no hook yet, ${ago(launched)} after launch; ${session.harness} fires one at startup, so ask again in a few seconds.${hint}` };
  }
  const where =
    session.hostPid !== null
      ? `ao started it with its hooks on the command line, so look at its terminal (ao attach ${session.id}) for a dialog holding the harness before its hooks run.`
      : `it was registered: check the hooks with ao check-hooks --agent ${session.harness} --cwd ${session.cwd}, then restart the agent there (hooks are read at startup).`;
  return {
    name,
    status: 'fail',
    message: `no hook has ever arrived from session ${session.id} (${session.harness}, launched ${ago(launched)}${ended ? ', now ended' : ''}): its hooks are not wired (the no_signal status); ${where}${hint}`,
  };
}

/** The last line of the hook log written since `since`, as "message (harness event)". */
function lastHookProblem(path: string, since: number): string | undefined {
  let lines: string[];
  try {
    lines = readFileSync(path, 'utf8').trim().split('\n').reverse();
  } catch {
    return undefined;
  }
  for (const line of lines) {
    try {
      const entry = JSON.parse(line) as { time?: number; msg?: string; harness?: string; event?: string };
      if (typeof entry.time === 'number' && entry.time < since) return undefined;
      if (entry.msg) return `${entry.msg} (${entry.harness ?? '?'} ${entry.event ?? '?'})`;
    } catch {
      // a torn line: look at the one before
    }
  }
  return undefined;
}
