import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Store, aoPaths, createSession, ingestSpool, writeSpoolRecord } from '@ao/lifecycle';
import { createDefaultRegistry } from '../packages/cli/dist/adapters.js';

/**
 * Ingestion throughput: N real-shaped Claude signals spooled across 20 sessions, then one
 * ingestSpool. Baseline: the same number of bare SQLite inserts in one transaction, measured in
 * this run, as the floor any ingestion must pay.
 */
export function benchIngestion(count = 20_000) {
  const home = mkdtempSync(join(tmpdir(), 'ao-bench-ingest-'));
  const paths = aoPaths(home);
  const store = Store.open(paths.database);
  const registry = createDefaultRegistry();
  const ids = Array.from({ length: 20 }, () => createSession(store, { harness: 'claude-code', cwd: home, expectsStartupSignal: true, now: Date.now() }).id);
  const cycle = [
    ['user-prompt-submit', { prompt: 'do it' }],
    ['pre-tool-use', { tool_name: 'Bash', tool_use_id: 't1', tool_input: { command: 'ls' } }],
    ['permission-request', { tool_name: 'Bash', tool_input: { command: 'ls' } }],
    ['post-tool-use', { tool_name: 'Bash', tool_use_id: 't1', tool_response: { stdout: 'a\nb' } }],
    ['stop', { stop_hook_active: false, last_assistant_message: 'done' }],
  ];
  let ns = 1_763_000_000_000_000_000n;
  for (let i = 0; i < count; i++) {
    const [event, payload] = cycle[i % cycle.length];
    ns += 1000n;
    writeSpoolRecord(paths.spool, { harness: 'claude-code', event, sessionId: ids[i % ids.length], launchId: null, capturedAt: ns.toString() }, JSON.stringify({ session_id: 'x', cwd: home, ...payload }));
  }
  const start = process.hrtime.bigint();
  const stats = ingestSpool({ store, spoolDir: paths.spool, findDeriver: (harness) => registry.find(harness) });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  store.close();
  if (stats.applied !== count) throw new Error(`ingested ${stats.applied} of ${count}`);

  const db = new Database(join(home, 'baseline.db'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT)');
  const insert = db.prepare('INSERT INTO t (a, b) VALUES (?, ?)');
  const baselineStart = process.hrtime.bigint();
  db.transaction(() => {
    for (let i = 0; i < count; i++) insert.run('x', '{"k":1}');
  })();
  const baselineSeconds = Number(process.hrtime.bigint() - baselineStart) / 1e9;
  db.close();
  rmSync(home, { recursive: true, force: true });
  const rate = count / seconds;
  return [
    { name: `ingestion (${count} signals, 20 sessions)`, rate, baselineRate: count / baselineSeconds, target: '≥ 5,000 signals/s', pass: rate >= 5000 },
  ];
}
