#!/usr/bin/env node
/**
 * `npm run demo`: spawns ao's scripted demo agent (no API key, no network) in a real terminal
 * under a session host, and prints `ao ls` every second while the agent tours the states:
 * working, idle, needs_input (permission), needs_input (question). Then it stops the agent.
 * Pass --keep to leave it running (then: ao attach / ao send / ao kill).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ao = fileURLToPath(new URL('../packages/cli/bin/ao', import.meta.url));
const keep = process.argv.includes('--keep');
const run = (args) => execFileSync(ao, args, { encoding: 'utf8' });
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const session = JSON.parse(run(['spawn', '--agent', 'demo', '--prompt', 'tour', '--json']));
console.log(`Started the demo agent: session ${session.id} (${session.name}), pid ${session.pid}. Watching it for 16 s:\n`);
let previous = '';
for (let second = 0; second < 16; second++) {
  const view = JSON.parse(run(['status', session.id, '--json']));
  const line = `${view.status}${view.needsInputReason ? ` (${view.needsInputReason})` : ''}`;
  console.log(`${String(second).padStart(2)}s  ${line}${line !== previous ? '' : ''}`);
  previous = line;
  await pause(1000);
}
console.log(`\n${run(['ls'])}`);
console.log(run(['events', session.id]).split('\n').filter((l) => l.includes('transition')).join('\n'));
if (keep) {
  console.log(`\nStill running. Try:  ${ao} attach ${session.id}   (Ctrl-] detaches)\n                     ${ao} kill ${session.id}`);
} else {
  run(['kill', session.id]);
  console.log(`\nStopped it (ao kill). Its record stays: ${ao} ls --all`);
}
