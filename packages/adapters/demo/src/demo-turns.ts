import type { HookReporter } from './hook-reporter.js';
import type { InputReader } from './input-reader.js';

/** What a turn needs from the agent around it. */
export interface TurnContext {
  hooks: HookReporter;
  input: InputReader;
  /** Prints text as is (no newline added). */
  write(text: string): void;
  /** Waits `ms` scaled by AO_DEMO_SPEED. */
  pause(ms: number): Promise<void>;
  /** `toolu_demo_<n>`, a new one per tool call. */
  nextToolUseId(): string;
}

/** A turn either finishes or runs into the end of input (Ctrl-D while it waited for the user). */
export type TurnOutcome = 'done' | 'end-of-input';

export type TurnKind = 'empty' | 'exit' | 'tour' | 'fail' | 'permission' | 'question' | 'tool';

/** What a line typed at `demo> ` asks for. The first match wins, in this order. */
export function classifyPrompt(line: string): TurnKind {
  const text = line.trim();
  const lower = text.toLowerCase();
  if (text === '') return 'empty';
  if (['exit', 'quit', '/exit', '/quit'].includes(lower)) return 'exit';
  if (lower === 'tour') return 'tour';
  if (lower.includes('fail')) return 'fail';
  if (lower.includes('permission') || lower.includes('mock_tool')) return 'permission';
  if (lower.includes('question') || text.endsWith('?')) return 'question';
  return 'tool';
}

const LS_INPUT = { command: 'ls', description: 'List files in the project' };
const TOUCH_INPUT = { command: 'touch demo.txt', description: 'Create demo.txt' };
const QUESTION = 'Which branch should I use?';

function beginTurn(ctx: TurnContext, prompt: string): void {
  ctx.hooks.beginTurn();
  ctx.hooks.fire('user-prompt-submit', { prompt });
  ctx.hooks.transcript('user', prompt);
  ctx.write('thinking…\n');
}

/** The turn's last words; Stop fires after they are shown, as Claude's does. */
function reply(ctx: TurnContext, text: string): TurnOutcome {
  ctx.write(`${text}\n`);
  ctx.hooks.transcript('assistant', text);
  ctx.hooks.fire('stop', { stop_hook_active: false, last_assistant_message: text });
  return 'done';
}

/** The default turn: one Bash call that needs no permission. Nothing is really run. */
export async function toolTurn(ctx: TurnContext, prompt: string): Promise<TurnOutcome> {
  beginTurn(ctx, prompt);
  await ctx.pause(700);
  const tool_use_id = ctx.nextToolUseId();
  ctx.hooks.fire('pre-tool-use', { tool_name: 'Bash', tool_input: LS_INPUT, tool_use_id });
  ctx.write('● Bash(ls)\n');
  await ctx.pause(500);
  const stdout = 'README.md\npackage.json\nsrc';
  ctx.hooks.fire('post-tool-use', {
    tool_name: 'Bash',
    tool_input: LS_INPUT,
    tool_response: { stdout, stderr: '', interrupted: false, isImage: false },
    tool_use_id,
  });
  ctx.write('  ⎿  README.md  package.json  src\n');
  await ctx.pause(300);
  return reply(ctx, 'There are three entries here: README.md, package.json and src.');
}

/**
 * A Bash call that needs permission. PermissionRequest has no tool_use_id, as Claude's has none.
 * `autoApproveAfter` (the tour): hold the dialog open that long, then go on as if approved.
 */
export async function permissionTurn(ctx: TurnContext, prompt: string, autoApproveAfter?: number): Promise<TurnOutcome> {
  beginTurn(ctx, prompt);
  await ctx.pause(600);
  const tool_use_id = ctx.nextToolUseId();
  ctx.hooks.fire('pre-tool-use', { tool_name: 'Bash', tool_input: TOUCH_INPUT, tool_use_id });
  ctx.hooks.fire('permission-request', { tool_name: 'Bash', tool_input: TOUCH_INPUT });
  let answer: 'yes' | 'no' | 'cancel' | null;
  if (autoApproveAfter !== undefined) {
    ctx.write(`Allow Bash: touch demo.txt?  1. Yes  2. No   (the tour answers Yes by itself)\n`);
    await ctx.pause(autoApproveAfter);
    answer = 'yes';
  } else {
    // Raw before the dialog is drawn: a key pressed the moment it shows is read as a key.
    ctx.input.setRaw(true);
    ctx.write(`Allow Bash: touch demo.txt?  1. Yes  2. No\n`);
    answer = await readAnswer(ctx);
    ctx.input.setRaw(false);
  }
  if (answer === null) return 'end-of-input';
  if (answer !== 'yes' && silentDenial()) {
    // Claude Code 2.1.x ends the turn on a denial and fires no hook at all (not even Stop).
    ctx.write('  ⎿  Interrupted · What should Claude do instead?\n');
    return 'done';
  }
  if (answer !== 'yes') {
    const reason = answer === 'no' ? 'user rejected' : 'user cancelled';
    ctx.write(answer === 'no' ? '→ No\n' : '→ Cancelled\n');
    ctx.hooks.fire('permission-denied', { tool_name: 'Bash', tool_input: TOUCH_INPUT, tool_use_id, reason });
    await ctx.pause(300);
    return reply(ctx, "OK, I won't create demo.txt.");
  }
  ctx.write('→ Yes\n');
  await ctx.pause(400);
  // Nothing is written: a demo must not touch the user's directory.
  ctx.hooks.fire('post-tool-use', {
    tool_name: 'Bash',
    tool_input: TOUCH_INPUT,
    tool_response: { stdout: '', stderr: '', interrupted: false, isImage: false, noOutputExpected: true },
    tool_use_id,
  });
  ctx.write('  ⎿  (demo: nothing was really run)\n');
  await ctx.pause(300);
  return reply(ctx, 'Done: demo.txt is created (not really: this is a demo).');
}

/**
 * AO_DEMO_SILENT_DENIAL=1: deny as Claude Code 2.1.x does, reporting nothing, so that what ao does
 * about a harness that is silent on denial can be seen (and tested) without Claude.
 */
function silentDenial(): boolean {
  return process.env.AO_DEMO_SILENT_DENIAL === '1';
}

/** 1 / y / Enter approve; 2 / n reject; Esc / Ctrl-C cancel; other keys are ignored. */
async function readAnswer(ctx: TurnContext): Promise<'yes' | 'no' | 'cancel' | null> {
  for (;;) {
    const key = await ctx.input.readKey();
    if (key === null) return null;
    if (['1', 'y', 'Y', '\r', '\n'].includes(key)) return 'yes';
    if (['2', 'n', 'N'].includes(key)) return 'no';
    if (key === '\u001b' || key === '\u0003') return 'cancel';
  }
}

/** The agent asks the user something (an MCP elicitation in Claude's terms) and waits for a line. */
export async function questionTurn(ctx: TurnContext, prompt: string, autoAnswerAfter?: number): Promise<TurnOutcome> {
  beginTurn(ctx, prompt);
  await ctx.pause(500);
  ctx.hooks.fire('elicitation', {
    mcp_server_name: 'demo',
    message: QUESTION,
    requested_schema: { type: 'object', properties: { branch: { type: 'string' } }, required: ['branch'] },
  });
  ctx.write(`? ${QUESTION} `);
  let answer: string | null;
  if (autoAnswerAfter !== undefined) {
    await ctx.pause(autoAnswerAfter);
    answer = 'main';
    ctx.write('main   (the tour answers by itself)\n');
  } else {
    answer = await ctx.input.readLine();
  }
  if (answer === null) return 'end-of-input';
  const branch = answer.trim() === '' ? 'main' : answer.trim();
  ctx.hooks.fire('elicitation-result', { mcp_server_name: 'demo', action: 'accept', content: { branch } });
  await ctx.pause(400);
  return reply(ctx, `Using branch ${branch}.`);
}

/** A turn that dies on an API error: StopFailure instead of Stop (the case peers show "working" forever). */
export async function failTurn(ctx: TurnContext, prompt: string): Promise<TurnOutcome> {
  beginTurn(ctx, prompt);
  await ctx.pause(800);
  const message = 'API Error: 500';
  ctx.write(`${message} {"type":"error","error":{"type":"api_error","message":"Internal server error"}}  (demo)\n`);
  ctx.hooks.transcript('assistant', message);
  ctx.hooks.fire('stop-failure', { error: 'server_error', last_assistant_message: message });
  return 'done';
}

/**
 * A first look at every state, no input needed: a tool turn, a permission dialog held ~3 s, a
 * question held ~3 s, each ending idle for a moment, so `ao ls` in another terminal shows working,
 * idle, needs_input (permission), needs_input (question) and idle again.
 */
export async function tourTurn(ctx: TurnContext, prompt: string): Promise<TurnOutcome> {
  ctx.write('Tour (about 13 s, no input needed): watch `ao ls` in another terminal.\n');
  await toolTurn(ctx, prompt);
  await ctx.pause(1500);
  // The tour types its own next prompts, as a user would.
  const permissionPrompt = 'tour: create demo.txt (asks for permission)';
  ctx.write(`demo> ${permissionPrompt}\n`);
  await permissionTurn(ctx, permissionPrompt, 3000);
  await ctx.pause(1500);
  const questionPrompt = 'tour: which branch? (asks a question)';
  ctx.write(`demo> ${questionPrompt}\n`);
  await questionTurn(ctx, questionPrompt, 3000);
  ctx.write('Tour over: the agent is idle. Type a prompt, "tour" again, or "exit".\n');
  return 'done';
}
