import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAYLOAD_CAP_BYTES, Store, aoPaths, createSession, writeSpoolRecord } from '@ao/lifecycle';

const CHILD = fileURLToPath(new URL('./ingest-child.mjs', import.meta.url));
const RSS_TARGET_MB = 256;

/**
 * Ingestion's memory and time on backlogs that used to exhaust it: 300 records of 4 MiB (a tool
 * output of many small JSON objects, the costliest shape to parse whole) and ten arrays nested a
 * million deep. Each backlog is ingested by a child process that reports its peak RSS; the
 * baseline is the same number of small records, ingested the same way in this run.
 */
export function benchIngestionMemory() {
  const bigPayload = toolOutputOfSize(PAYLOAD_CAP_BYTES);
  const deepPayload = `{"hook_event_name":"Notification","notification_type":"idle_prompt","message":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}`;
  const smallPayload = JSON.stringify({ session_id: 'x', hook_event_name: 'PostToolUse', tool_name: 'Read', tool_use_id: 't1', tool_response: { ok: true } });
  const cases = [
    { name: 'ingestion memory (300 records of 4 MiB)', count: 300, event: 'post-tool-use', payload: bigPayload },
    { name: 'ingestion memory (10 arrays 1M deep)', count: 10, event: 'notification', payload: deepPayload },
  ];
  return cases.map(({ name, count, event, payload }) => {
    const measured = ingestBacklog(count, event, payload);
    const baseline = ingestBacklog(count, event, smallPayload);
    return { name, ...measured, baseline, target: `≤ ${RSS_TARGET_MB} MB RSS`, pass: measured.maxRssMb <= RSS_TARGET_MB };
  });
}

/** Spools `count` copies of one payload for a Claude Code session, then ingests them in a child. */
function ingestBacklog(count, event, payload) {
  const home = mkdtempSync(join(tmpdir(), 'ao-bench-ingest-memory-'));
  try {
    const paths = aoPaths(home);
    const store = Store.open(paths.database);
    const sessionId = createSession(store, { harness: 'claude-code', cwd: home, expectsStartupSignal: true, now: Date.now() }).id;
    store.close();
    const bytes = Buffer.from(payload);
    let ns = 1_763_000_000_000_000_000n;
    for (let i = 0; i < count; i++) {
      ns += 1000n;
      writeSpoolRecord(paths.spool, { harness: 'claude-code', event, sessionId, launchId: null, capturedAt: ns.toString() }, bytes);
    }
    const result = JSON.parse(execFileSync(process.execPath, [CHILD, home], { encoding: 'utf8', maxBuffer: 1024 * 1024 }));
    if (result.stats.applied !== count) throw new Error(`ingested ${result.stats.applied} of ${count}`);
    return { maxRssMb: result.maxRssMb, seconds: result.seconds };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** A Claude PostToolUse payload whose tool output is many small objects, `size` bytes in all. */
function toolOutputOfSize(size) {
  const head = '{"session_id":"x","hook_event_name":"PostToolUse","tool_name":"Grep","tool_input":{"pattern":"x"},"tool_response":{"matches":[';
  const tail = ']},"tool_use_id":"toolu_1"}';
  const item = (i) => `{"line":${i},"file":"src/f${i % 97}.ts","text":"const value = compute(${i});"}`;
  const parts = [];
  let length = head.length + tail.length;
  for (let i = 0; ; i++) {
    const next = (i === 0 ? '' : ',') + item(i);
    if (length + next.length > size) break;
    parts.push(next);
    length += next.length;
  }
  return head + parts.join('') + tail;
}
