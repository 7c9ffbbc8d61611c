import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store, aoPaths, createSession, ingestSpool, writeSpoolRecord } from '@ao/lifecycle';
import { createDefaultRegistry } from '../packages/cli/dist/adapters.js';
import { median } from './stats.mjs';

/**
 * Reading usage at every turn end on a long Claude Code transcript (docs/store.md, "Usage"). A
 * session whose transcript is already ~64 MB then runs `turns` turns, each appending a tool result
 * and two assistant messages, each ingested as it ends (prompt, tool, stop). Result: the median
 * ingestion time of one turn with usage read. Baseline, same run, same growing transcript: the
 * same turn ingested without any usage reader. Reading the whole transcript at each turn end would
 * cost ~its length every time; reading on from the checkpoint costs what the turn wrote.
 */
export function benchUsage({ transcriptMb = 64, turns = 200 } = {}) {
  const home = mkdtempSync(join(tmpdir(), 'ao-bench-usage-'));
  const paths = aoPaths(home);
  const store = Store.open(paths.database);
  const registry = createDefaultRegistry();
  const transcript = join(home, 'transcript.jsonl');
  let messages = 0;
  const assistant = () => {
    messages++;
    return JSON.stringify({ type: 'assistant', message: { id: `msg_${messages}`, model: 'claude-bench', role: 'assistant', content: [{ type: 'text', text: 'ok '.repeat(100) }], usage: { input_tokens: 1000, output_tokens: 50, cache_read_input_tokens: 20000, cache_creation_input_tokens: 0 } } });
  };
  const toolResult = JSON.stringify({ type: 'user', message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't', content: 'x'.repeat(32 * 1024) }] } });
  const chunk = [];
  for (let size = 0; size < 4 * 1024 * 1024; ) {
    const line = `${toolResult}\n${assistant()}\n`;
    chunk.push(line);
    size += line.length;
  }
  const chunkText = chunk.join('');
  writeFileSync(transcript, '');
  for (let written = 0; written < transcriptMb; written += 4) appendFileSync(transcript, chunkText);
  // Every chunk repeats the same message ids: count what a reader must find.
  const session = (name) => createSession(store, { harness: 'claude-code', cwd: home, name, expectsStartupSignal: true, now: Date.now() }).id;
  const withUsage = session('with-usage');
  const without = session('without-usage');
  let ns = 1_763_000_000_000_000_000n;
  const spoolTurn = (id) => {
    for (const [event, payload] of [
      ['user-prompt-submit', { prompt: 'go' }],
      ['pre-tool-use', { tool_name: 'Bash', tool_use_id: 't1', tool_input: { command: 'ls' } }],
      ['post-tool-use', { tool_name: 'Bash', tool_use_id: 't1', tool_response: { stdout: 'a' } }],
      ['stop', { stop_hook_active: false }],
    ]) {
      ns += 1000n;
      writeSpoolRecord(paths.spool, { harness: 'claude-code', event, sessionId: id, launchId: null, capturedAt: ns.toString() }, JSON.stringify({ session_id: 'x', cwd: home, transcript_path: transcript, ...payload }));
    }
  };
  const findDeriver = (harness) => registry.find(harness);
  const reader = (harness) => {
    const adapter = registry.find(harness);
    return adapter?.readUsage ? (source) => adapter.readUsage(source) : undefined;
  };
  const ingestTurn = (id, findUsageReader) => {
    spoolTurn(id);
    const start = process.hrtime.bigint();
    ingestSpool({ store, spoolDir: paths.spool, findDeriver, findUsageReader });
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  // The first read of the whole transcript (an adopted session's first turn end), reported apart.
  const firstRead = ingestTurn(withUsage, reader);
  ingestTurn(without, undefined);
  const samples = { with: [], without: [] };
  for (let turn = 0; turn < turns; turn++) {
    appendFileSync(transcript, `${assistant()}\n${toolResult}\n${assistant()}\n`);
    samples.with.push(ingestTurn(withUsage, reader));
    samples.without.push(ingestTurn(without, undefined));
  }
  const usage = store.getSession(withUsage).usage;
  store.close();
  rmSync(home, { recursive: true, force: true });
  if (usage === null || usage.model !== 'claude-bench') throw new Error('usage bench: no usage was read');
  const p50 = median(samples.with);
  const baseline = median(samples.without);
  return [
    {
      name: `usage read at each turn end (${transcriptMb} MB Claude transcript, ${turns} turns)`,
      p50,
      baseline,
      firstRead,
      target: '≤ 2× a turn ingested without usage',
      pass: p50 <= 2 * baseline,
    },
  ];
}
