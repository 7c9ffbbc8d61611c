import { captureSignal } from '@ao/lifecycle/capture';
import type { SessionRecord } from '@ao/lifecycle';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { sessionFiles } from '../host/launch-spec.js';
import { splitKeyPresses, typeKeyPresses } from '../commands/key-presses.js';
import { pollUntil } from '../poll.js';
import { findSessionOrThrow, viewOf } from './session-reads.js';
import { takeSessionCheckpoint, type Checkpoint } from './checkpoint-operations.js';

export type PermissionAnswer = 'approve' | 'deny';

export interface AnswerInput {
  id: string;
  /** The open request this answers: refused with stale_request when another one (or none) is open. */
  requestId?: string;
  /** Record the working tree as a checkpoint before typing the answer. */
  checkpoint?: boolean;
  timeoutSeconds?: number;
}

const DEFAULT_TIMEOUT_S = 10;
/** Between two keys of one answer (OpenCode's Right, Right, Enter); the recorder waited 300 ms. */
const KEY_GAP_MS = 200;
/** A harness that reports a denial does so well within this (Codex's Interrupt: ~0.1 s). */
const DENIAL_HOOK_GRACE_MS = 1000;

/**
 * `approve` / `deny`: answers the session's open permission dialog with the harness's own keys,
 * then waits until the session leaves `blocked`. An answer that names a request which is no longer
 * the open one is refused before anything is typed: a late approval must never answer the next
 * dialog (docs/api.md, "Open requests").
 */
export async function answerRequest(context: CliContext, input: AnswerInput, answer: PermissionAnswer) {
  const timeoutMs = (input.timeoutSeconds ?? DEFAULT_TIMEOUT_S) * 1000;
  await context.ingest();
  const session = openDialogOf(context, input, answer);
  const requestId = session.openRequest!.id;
  const adapter = (await context.loadRegistry()).find(session.harness);
  const keys = adapter?.permissionKeys?.[answer];
  if (!keys) throw new CliError('not_supported', `ao does not know the keys that answer ${adapter?.displayName ?? session.harness}'s permission dialog; answer it with ao attach ${session.id}`);
  if (session.hostPid === null) {
    throw new CliError('no_host', `session ${session.id} was not started by ao (it was registered), so ao cannot type into its dialog; answer it in the agent's own terminal`);
  }
  let checkpoint: Checkpoint | null = null;
  if (input.checkpoint) {
    const { tool, detail } = session.openRequest!;
    checkpoint = takeSessionCheckpoint(context, session, `before ${answer === 'approve' ? 'approving' : 'denying'} ${[tool, detail].filter(Boolean).join(': ') || 'a permission request'}`);
    // Taking it took a moment: the dialog must still be the one this answer names.
    await context.ingest();
    openDialogOf(context, { ...input, requestId }, answer);
  }
  try {
    await typeKeyPresses(sessionFiles(context.paths.home, session.id).socket, splitKeyPresses(keys), KEY_GAP_MS);
  } catch (error) {
    throw new CliError('host_unreachable', `session ${session.id}: ${(error as Error).message}; is it still running? (ao status ${session.id})`);
  }
  const fresh = await waitForAnswer(context, session, answer, Date.now(), timeoutMs);
  if (fresh.activityState === 'blocked' && !fresh.terminated && fresh.openRequest?.id === requestId) {
    throw new CliError(
      'not_answered',
      `typed "${answer}" into session ${session.id}, but it still waits on its permission dialog after ${timeoutMs / 1000} s; look at it with ao attach ${session.id}`,
    );
  }
  const view = viewOf(context, fresh);
  return { id: session.id, requestId, answered: answer, activityState: fresh.activityState, status: view.status, checkpoint };
}

/** The session, when it waits on the permission dialog the input names (any open one when it names none). */
function openDialogOf(context: CliContext, input: AnswerInput, answer: PermissionAnswer): SessionRecord & { openRequest: NonNullable<SessionRecord['openRequest']> } {
  const session = findSessionOrThrow(context, input.id);
  const open = !session.terminated && session.activityState === 'blocked' ? session.openRequest : null;
  if (input.requestId !== undefined && open?.id !== input.requestId) {
    const now = open ? `its open request is ${open.id}` : session.terminated ? 'it is terminated' : `it is ${session.activityState ?? 'without a state yet'} with no permission request open`;
    throw new CliError('stale_request', `request ${input.requestId} of session ${session.id} is no longer open (${now}); nothing was typed`);
  }
  if (!open) {
    const now = session.terminated ? 'terminated' : (session.activityState ?? 'without a state yet');
    throw new CliError('not_blocked', `session ${session.id} is not waiting on a permission dialog (it is ${now}), so there is nothing to ${answer}`);
  }
  return session as SessionRecord & { openRequest: NonNullable<SessionRecord['openRequest']> };
}

/**
 * Ingests and polls until the session leaves the answered dialog or the time is up. After a
 * denial, a harness that reports nothing (Claude Code 2.1.x fires no hook at all) would stay
 * `blocked` forever: ao typed the answer itself, so it records the fact through the capture path.
 */
async function waitForAnswer(context: CliContext, session: SessionRecord, answer: PermissionAnswer, deliveredAt: number, timeoutMs: number): Promise<SessionRecord> {
  let recorded = answer !== 'deny';
  let fresh = session;
  const answeredId = session.openRequest?.id;
  const read = async () => {
    await context.ingest();
    fresh = context.store.getSession(session.id) ?? session;
    return fresh.activityState !== 'blocked' || fresh.terminated || fresh.openRequest?.id !== answeredId ? fresh : undefined;
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
