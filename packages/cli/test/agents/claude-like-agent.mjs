#!/usr/bin/env node
/**
 * A stand-in for Claude Code's hook behaviour, for tests that need real process trees without the
 * real binary (the e2e suite runs the real one). It fires hooks as Claude Code 2.1 does: every
 * command hook of an event from `--settings <file>` and from the project's
 * `.claude/settings.local.json` (identical command strings once), each through `/bin/sh -c` with the
 * JSON payload on stdin, synchronously and in order.
 *
 *   claude-like-agent [--settings FILE] [-p PROMPT] [-- PROMPT]
 * Interactive: prints `❯ `, reads one prompt per line. A prompt `nested <dir>` runs a Bash "tool"
 * that starts another claude-like agent in <dir> with `-p hello` (as an agent's tool would start a
 * nested agent: it inherits this one's environment). `exit` ends the session.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
let settingsFile;
let printPrompt;
let firstPrompt;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--settings') settingsFile = args[++i];
  else if (args[i] === '-p') printPrompt = args[++i];
  else if (args[i] === '--') firstPrompt = args[++i];
}
const sessionId = randomUUID();

function commandsFor(native) {
  const sources = [settingsFile, join(process.cwd(), '.claude', 'settings.local.json')].filter((file) => file && existsSync(file));
  const commands = new Set();
  for (const file of sources) {
    const settings = JSON.parse(readFileSync(file, 'utf8'));
    for (const group of settings.hooks?.[native] ?? []) for (const hook of group.hooks ?? []) commands.add(hook.command);
  }
  return [...commands];
}

function fire(native, fields = {}) {
  const payload = JSON.stringify({ session_id: sessionId, cwd: process.cwd(), hook_event_name: native, ...fields });
  for (const command of commandsFor(native)) spawnSync('/bin/sh', ['-c', command], { input: payload, stdio: ['pipe', 'ignore', 'ignore'] });
}

function turn(prompt) {
  fire('UserPromptSubmit', { prompt });
  const nested = /^nested (.+)$/.exec(prompt);
  if (nested) {
    fire('PreToolUse', { tool_name: 'Bash', tool_use_id: 'toolu_nested', tool_input: { command: 'claude -p hello' } });
    const self = fileURLToPath(import.meta.url);
    // Two commands: bash forks the nested agent (it does not exec it), as a tool's shell does.
    spawnSync('bash', ['-c', `cd "$1" && "${process.execPath}" "${self}" -p hello; true`, 'bash', nested[1]], { stdio: 'ignore' });
    fire('PostToolUse', { tool_name: 'Bash', tool_use_id: 'toolu_nested', tool_response: { stdout: '' } });
  }
  fire('Stop', {});
}

fire('SessionStart', { source: 'startup' });
if (printPrompt !== undefined) {
  turn(printPrompt);
  fire('SessionEnd', { reason: 'other' });
} else {
  if (firstPrompt !== undefined) turn(firstPrompt);
  process.stdout.write('❯ ');
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const prompt = line.trim();
    if (prompt === 'exit') {
      fire('SessionEnd', { reason: 'prompt_input_exit' });
      process.exit(0);
    }
    if (prompt !== '') turn(prompt);
    process.stdout.write('❯ ');
  });
}
