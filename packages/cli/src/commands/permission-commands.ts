import { captureSignal } from '@ao/lifecycle/capture';
import { sessionView, type SessionRecord } from '@ao/lifecycle';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { parseSeconds } from '../parse-values.js';
import { displayOptions } from '../display-settings.js';
import { sessionFiles } from '../host/launch-spec.js';
import { printJson } from '../output.js';
import { splitKeyPresses, typeKeyPresses } from './key-presses.js';
import { findSessionOrThrow } from './session-commands.js';
import { pollUntil } from '../poll.js';

export type PermissionAnswer = 'approve' | 'deny';

export interface PermissionOptions {
  timeout?: string;
  json?: boolean;
}

const DEFAULT_TIMEOUT_S = 10;
/** Between two keys of one answer (OpenCode's Right, Right, Enter); the recorder waited 300 ms. */
const KEY_GAP_MS = 200;
/** A harness that reports a denial does so well within this (Codex's Interrupt: ~0.1 s). */
const DENIAL_HOOK_GRACE_MS = 1000;

/** `ao approve <id>`: answers the open permission dialog with the harness's own "allow once" keys. */
export function approvePermission(context: CliContext, idOrName: string, options: PermissionOptions): Promise<void> {
  return answerPermission(context, idOrName, 'approve', options);
}

/** `ao deny <id>`: answers the open permission dialog with the harness's own "no" keys. */
export function denyPermission(context: CliContext, idOrName: string, options: PermissionOptions): Promise<void> {
  return answerPermission(context, idOrName, 'deny', options);
}

async function answerPermission(context: CliContext, idOrName: string, answer: PermissionAnswer, options: PermissionOptions): Promise<void> {
  const timeoutMs = (parseSeconds(options.timeout, '--timeout') ?? DEFAULT_TIMEOUT_S) * 1000;
  const display = displayOptions(context.env, context.now());
  await context.ingest();
  const session = findSessionOrThrow(context, idOrName);
  // Keys typed anywhere but into an open dialog would be taken as input: refuse rather than guess.
  if (session.terminated || session.activityState !== 'blocked') {
    const now = session.terminated ? 'terminated' : (session.activityState ?? 'without a state yet');
    throw new CliError('not_blocked', `session ${session.id} is not waiting on a permission dialog (it is ${now}), so there is nothing to ${answer}`);
  }
  const adapter = (await context.loadRegistry()).find(session.harness);
  const keys = adapter?.permissionKeys?.[answer];
  if (!keys) throw new CliError('not_supported', `ao does not know the keys that answer ${adapter?.displayName ?? session.harness}'s permission dialog; answer it with ao attach ${session.id}`);
  if (session.hostPid === null) {
    throw new CliError('no_host', `session ${session.id} was not started by ao (it was registered), so ao cannot type into its dialog; answer it in the agent's own terminal`);
  }
  try {
    await typeKeyPresses(sessionFiles(context.paths.home, session.id).socket, splitKeyPresses(keys), KEY_GAP_MS);
  } catch (error) {
    throw new CliError('host_unreachable', `session ${session.id}: ${(error as Error).message}; is it still running? (ao status ${session.id})`);
  }
  const fresh = await waitForAnswer(context, session, answer, Date.now(), timeoutMs);
  const view = sessionView(fresh, { ...display, now: context.now() });
  if (fresh.activityState === 'blocked' && !fresh.terminated) {
    throw new CliError(
      'not_answered',
      `typed "${answer}" into session ${session.id}, but it still waits on its permission dialog after ${timeoutMs / 1000} s; look at it with ao attach ${session.id}`,
    );
  }
  const result = { id: session.id, answered: answer, activityState: fresh.activityState, status: view.status };
  if (options.json) return printJson(result);
  process.stdout.write(`${answer === 'approve' ? 'approved' : 'denied'} the permission request of ${session.id}; now ${view.status}\n`);
}

/**
 * Ingests and polls until the session leaves `blocked` or the time is up. After a denial, a
 * harness that reports nothing (Claude Code 2.1.x fires no hook at all) would stay `blocked`
 * forever: ao typed the answer itself, so it records the fact through the capture path.
 */
async function waitForAnswer(context: CliContext, session: SessionRecord, answer: PermissionAnswer, deliveredAt: number, timeoutMs: number): Promise<SessionRecord> {
  let recorded = answer !== 'deny';
  let fresh = session;
  const read = async () => {
    await context.ingest();
    fresh = context.store.getSession(session.id) ?? session;
    return fresh.activityState !== 'blocked' || fresh.terminated ? fresh : undefined;
  };
  const answered = await pollUntil(
    async () => {
      const done = await read();
      if (done || recorded || Date.now() - deliveredAt < Math.min(DENIAL_HOOK_GRACE_MS, timeoutMs)) return done;
      recordDenial(context, fresh);
      recorded = true;
      return read();
    },
    { deadline: deliveredAt + timeoutMs, intervalMs: 100 },
  );
  return answered ?? fresh;
}

function recordDenial(context: CliContext, session: SessionRecord): void {
  const outcome = captureSignal({
    args: [session.harness, 'permission-answered'],
    env: { AO_SESSION_ID: session.id, ...(session.launchId !== null && { AO_LAUNCH_ID: session.launchId }) },
    aoHome: context.paths.home,
    readInput: () => Buffer.from(JSON.stringify({ answer: 'deny' })),
  });
  if (!outcome.captured) context.logger.warn({ sessionId: session.id, reason: outcome.reason }, 'could not record the denial');
}
