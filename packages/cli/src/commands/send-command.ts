import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { printJson } from '../output.js';
import { findSessionOrThrow } from './session-commands.js';
import { askHost, assertRunning } from './session-host-client.js';

export interface SendOptions {
  force?: boolean;
  timeout?: string;
  json?: boolean;
}

/**
 * `ao send <id> TEXT`: types the text into the agent, presses Enter, and waits for the harness
 * to acknowledge it with a `user-prompt-submit` signal. Refused while a permission dialog is open:
 * a stray keystroke there would answer it.
 */
export async function sendText(context: CliContext, idOrName: string, text: string, options: SendOptions): Promise<void> {
  await context.ingest();
  const session = findSessionOrThrow(context, idOrName);
  assertRunning(session);
  if (session.activityState === 'blocked' && !options.force) {
    throw new CliError(
      'session_blocked',
      `session ${session.id} is waiting on a permission dialog; typing now would answer it. Answer it (ao attach ${session.id}) or pass --force`,
    );
  }
  const timeoutMs = options.timeout !== undefined && /^[0-9]+(\.[0-9]+)?$/.test(options.timeout) ? Number(options.timeout) * 1000 : 15_000;
  const reply = await askHost(context, session, { op: 'send', text, submit: true }, timeoutMs + 20_000);
  const sentAt = reply.sentAt ?? Date.now();
  const acknowledgedAt = await waitForPrompt(context, session.id, sentAt, timeoutMs);
  const fresh = context.store.getSession(session.id)!;
  const result = { id: session.id, delivered: true, acknowledged: acknowledgedAt !== null, activityState: fresh.activityState };
  if (acknowledgedAt === null) {
    throw new CliError(
      'not_acknowledged',
      `typed the text into session ${session.id} and pressed Enter, but ${fresh.harness} did not report a new prompt within ${timeoutMs / 1000} s; look at it with ao attach ${session.id}`,
    );
  }
  if (options.json) return printJson({ ...result, acknowledgedAt: new Date(acknowledgedAt).toISOString() });
  process.stdout.write(`sent to ${session.id}; the agent took it (now ${fresh.activityState ?? 'unknown'})\n`);
}

/** The capture time of the first user-prompt-submit at or after `since`, or null at the timeout. */
async function waitForPrompt(context: CliContext, sessionId: string, since: number, timeoutMs: number): Promise<number | null> {
  const deadline = Date.now() + timeoutMs;
  let cursor = 0;
  for (;;) {
    await context.ingest();
    const events = context.store.listEvents({ sessionId, since: cursor });
    for (const event of events) {
      cursor = event.seq;
      // Capture times come from the hook's clock; allow a little skew against the host's.
      if (event.event === 'user-prompt-submit' && event.at >= since - 50) return event.at;
    }
    if (Date.now() >= deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
