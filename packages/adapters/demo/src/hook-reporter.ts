import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isValidSessionId } from '@ao/activity-dispatch/signal-patterns';
import { DEMO_EVENTS, type DemoEvent, HARNESS_ID, nativeEventName } from './demo-events.js';

/** Events that belong to a turn (all but the session's start and end): Claude gives them the turn's `prompt_id` and `permission_mode`. */
const TURN_EVENTS = new Set<DemoEvent>(DEMO_EVENTS.filter((event) => event !== 'session-start' && event !== 'session-end'));

/**
 * Fires the demo's hooks the way Claude Code runs its command hooks: `ao hooks demo <event>` with
 * the JSON payload on stdin, synchronously (the next hook waits, so ao sees them in order), output
 * ignored, bounded by a timeout. Only when started by ao (AO_SESSION_ID set): otherwise the demo
 * is a toy and reports nothing, not even a transcript.
 */
export class HookReporter {
  readonly sessionId = randomUUID();
  /** Undefined when there is nowhere private to keep it (ao always sets AO_HOME for the agents it starts). */
  readonly transcriptPath: string | undefined;
  readonly enabled: boolean;
  private promptId: string | undefined;

  constructor(
    private readonly cwd: string,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.enabled = typeof env.AO_SESSION_ID === 'string' && env.AO_SESSION_ID !== '';
    this.transcriptPath = demoTranscriptPath(env);
  }

  /** A new turn: the prompt id that ties its events together. */
  beginTurn(): void {
    this.promptId = randomUUID();
  }

  fire(event: DemoEvent, fields: Record<string, unknown> = {}): void {
    if (!this.enabled) return;
    const payload = {
      session_id: this.sessionId,
      ...(this.transcriptPath !== undefined && { transcript_path: this.transcriptPath }),
      cwd: this.cwd,
      ...(TURN_EVENTS.has(event) && this.promptId !== undefined && { prompt_id: this.promptId, permission_mode: 'default' }),
      hook_event_name: nativeEventName(event),
      ...fields,
    };
    // A missing `ao` (ENOENT), a hang (timeout) or a failure is the hook's problem, never the agent's.
    spawnSync('ao', ['hooks', HARNESS_ID, event], {
      input: JSON.stringify(payload),
      stdio: ['pipe', 'ignore', 'ignore'],
      timeout: 5000,
    });
  }

  /** One transcript line, Claude-like, so `transcriptPath` in `ao status` points at something real. */
  transcript(role: 'user' | 'assistant', text: string): void {
    if (!this.enabled || this.transcriptPath === undefined) return;
    const line = {
      type: role,
      uuid: randomUUID(),
      sessionId: this.sessionId,
      timestamp: new Date().toISOString(),
      cwd: this.cwd,
      message: { role, content: text },
    };
    try {
      // The agent runs under the user's umask: the modes are explicit, the transcript holds their prompts.
      mkdirSync(dirname(this.transcriptPath), { recursive: true, mode: 0o700 });
      appendFileSync(this.transcriptPath, `${JSON.stringify(line)}\n`, { mode: 0o600 });
    } catch {
      // A transcript is a nicety: an unwritable AO_HOME must not stop the demo.
    }
  }
}

/**
 * `$AO_HOME/sessions/<AO_SESSION_ID>/demo-transcript.jsonl`: with the session's other files, private
 * to the user and removed with the session (a shared /tmp directory would let others read it).
 */
export function demoTranscriptPath(env: NodeJS.ProcessEnv): string | undefined {
  const aoHome = env.AO_HOME;
  const sessionId = env.AO_SESSION_ID;
  if (!aoHome || !isValidSessionId(sessionId)) return undefined;
  return join(resolve(aoHome), 'sessions', sessionId, 'demo-transcript.jsonl');
}
