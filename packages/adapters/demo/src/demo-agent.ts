#!/usr/bin/env node
/**
 * The demo harness: a scripted stand-in for a coding agent, run in a terminal (a PTY under ao's
 * session host). It fires Claude-shaped hooks through `ao hooks demo <event>` so `ao ls` moves
 * through every state with no model and no API key. See README.md in this package.
 */
import { HookReporter } from './hook-reporter.js';
import { InputReader } from './input-reader.js';
import {
  type TurnContext,
  type TurnOutcome,
  classifyPrompt,
  failTurn,
  permissionTurn,
  questionTurn,
  toolTurn,
  tourTurn,
} from './demo-turns.js';

/** AO_DEMO_SPEED scales every delay (tests use 0.05); anything unparsable means 1. */
function demoSpeed(value: string | undefined): number {
  const speed = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isFinite(speed) && speed >= 0 ? speed : 1;
}

const speed = demoSpeed(process.env.AO_DEMO_SPEED);
const hooks = new HookReporter(process.cwd());
const input = new InputReader(process.stdin);
let toolCalls = 0;

const ctx: TurnContext = {
  hooks,
  input,
  write: (text) => {
    process.stdout.write(text);
  },
  pause: (ms) => new Promise((resolve) => setTimeout(resolve, ms * speed)),
  nextToolUseId: () => `toolu_demo_${++toolCalls}`,
};

/**
 * SIGTERM / SIGHUP (ao kill, the terminal closing): leave quietly with no SessionEnd, as ao's
 * session host reports the exit itself. The signal is raised again after the terminal mode is
 * restored, so the process really dies of it and the host sees which signal it was.
 */
function dieQuietly(signal: NodeJS.Signals): void {
  input.setRaw(false);
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
}
process.on('SIGTERM', () => dieQuietly('SIGTERM'));
process.on('SIGHUP', () => dieQuietly('SIGHUP'));
// Writing to a terminal that has gone away fails with EIO: nobody is left to tell.
process.stdout.on('error', () => dieQuietly('SIGHUP'));

/** Ctrl-C at the prompt does not kill the agent at once (Claude's habit): a second one within 2 s ends it. */
let lastInterrupt = 0;
process.on('SIGINT', () => {
  const now = Date.now();
  if (now - lastInterrupt < 2000) endSession();
  lastInterrupt = now;
  ctx.write('\n(press Ctrl-C again to exit, or Ctrl-D)\ndemo> ');
});

function endSession(): never {
  input.setRaw(false);
  hooks.fire('session-end', { reason: 'prompt_input_exit' });
  ctx.write('\nBye.\n');
  process.exit(0);
}

async function runTurn(line: string): Promise<TurnOutcome | 'exit'> {
  switch (classifyPrompt(line)) {
    case 'empty':
      return 'done';
    case 'exit':
      return 'exit';
    case 'tour':
      return tourTurn(ctx, line);
    case 'fail':
      return failTurn(ctx, line);
    case 'permission':
      return permissionTurn(ctx, line);
    case 'question':
      return questionTurn(ctx, line);
    case 'tool':
      return toolTurn(ctx, line);
  }
}

function banner(): string {
  const reporting = hooks.enabled
    ? `Reporting to ao as session ${process.env.AO_SESSION_ID}.`
    : 'Not started by ao (AO_SESSION_ID is unset): no hooks are fired.';
  return [
    'ao demo agent: a scripted stand-in for a coding agent (no model, no API key).',
    '  any text: a tool call        "permission": a permission dialog   "question" or "…?": a question',
    '  "fail": an API error         "tour": every state in ~13 s          "exit" or Ctrl-D: quit',
    reporting,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  ctx.write(`${banner()}\n`);
  hooks.fire('session-start', { source: 'startup', model: 'demo-model' });
  // A prompt on the command line is the first turn, as Claude's positional [prompt].
  const argvPrompt = process.argv.slice(2).join(' ');
  let pending: string | null = argvPrompt.trim() === '' ? null : argvPrompt;
  for (;;) {
    let line: string | null;
    if (pending !== null) {
      ctx.write(`demo> ${pending}\n`);
      line = pending;
      pending = null;
    } else {
      ctx.write('demo> ');
      line = await input.readLine();
    }
    if (line === null) endSession();
    const outcome = await runTurn(line);
    if (outcome !== 'done') endSession();
  }
}

main().catch((error: unknown) => {
  input.setRaw(false);
  process.stderr.write(`demo agent: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
