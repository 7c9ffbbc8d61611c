#!/usr/bin/env node
/**
 * `npm run demo`: a minute-free look at ao's signal path with no API key. It registers a Claude
 * Code session in a throw-away project, then replays a real recorded Claude Code session (a
 * permission dialog, approved) through the very hook commands `ao register` wrote into the
 * project's .claude/settings.local.json, printing `ao ls` as the state moves.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ao = fileURLToPath(new URL('../packages/cli/bin/ao', import.meta.url));
const fixture = JSON.parse(readFileSync(fileURLToPath(new URL('../packages/adapters/claude-code/fixtures/tui-permission-approved.json', import.meta.url)), 'utf8'));
const aoHome = process.env.AO_HOME ?? mkdtempSync(join(tmpdir(), 'ao-demo-home-'));
const project = mkdtempSync(join(tmpdir(), 'ao-demo-project-'));
const env = { ...process.env, AO_HOME: aoHome };
const run = (args, input) => execFileSync(ao, args, { env, input, encoding: 'utf8' });
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const session = JSON.parse(run(['register', '--agent', 'claude-code', '--cwd', project, '--name', 'demo-claude', '--json']));
console.log(`AO_HOME=${aoHome}\nregistered ${session.id} in ${project}\n`);
const settings = JSON.parse(readFileSync(join(project, '.claude', 'settings.local.json'), 'utf8'));

for (const signal of fixture.signals) {
  const commands = (settings.hooks[signal.nativeEvent] ?? []).flatMap((group) => group.hooks.map((hook) => hook.command));
  if (commands.length === 0) continue;
  for (const command of commands) execFileSync('sh', ['-c', command], { env, input: JSON.stringify(signal.payload) });
  console.log(`— Claude Code fired ${signal.nativeEvent}`);
  console.log(run(['ls', '--all']));
  await pause(700);
}
console.log(run(['events', session.id]));
console.log(`Try: AO_HOME=${aoHome} ${ao} status ${session.id} --json`);
