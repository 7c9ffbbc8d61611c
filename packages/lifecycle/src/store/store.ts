import type { Statement } from 'better-sqlite3';
import type { ActivityState, SessionUsage } from '@ao/activity-dispatch';
import { openDatabase, type Db } from './open-store.js';
import { storeErrorFrom } from './store-errors.js';
import { rowToSession, sessionToRow, type SessionRecord, type SessionRow } from './session-record.js';
import type { EventRecord, NewEvent } from './event-record.js';

interface EventRow {
  seq: number;
  session_id: string;
  type: string;
  event: string;
  from_state: string | null;
  to_state: string | null;
  at: number;
  launch_id: string | null;
  data: string | null;
}

export interface EventQuery {
  sessionId?: string;
  /** Return events with seq strictly greater than this cursor. */
  since?: number;
  limit?: number;
}

const SESSION_COLUMNS = [
  'id', 'harness', 'name', 'cwd', 'pid', 'pid_start_time', 'host_pid', 'host_start_time', 'launch_id',
  'expects_startup_signal', 'activity_state', 'terminated', 'terminated_at', 'terminated_reason', 'tools_in_flight',
  'blocked_tool', 'open_request', 'requests_opened', 'facts', 'worktree', 'hook_firer_pid', 'created_at', 'launched_at', 'first_signal_at', 'last_signal_at',
  'last_transition_at', 'updated_at',
] as const;

/** The SQLite store: sessions, the event log, ingestion keys. Synchronous; keep transactions short. */
export class Store {
  private readonly statements: {
    insertSession: Statement;
    updateSession: Statement;
    sessionById: Statement;
    sessionByName: Statement;
    liveSessions: Statement;
    allSessions: Statement;
    insertEvent: Statement;
    maxEventSeq: Statement;
    insertIngested: Statement;
    getMeta: Statement;
    setMeta: Statement;
  };

  constructor(readonly db: Db) {
    const columns = SESSION_COLUMNS.join(', ');
    const values = SESSION_COLUMNS.map((column) => `@${column}`).join(', ');
    const assignments = SESSION_COLUMNS.filter((column) => column !== 'id').map((column) => `${column} = @${column}`).join(', ');
    this.statements = {
      insertSession: db.prepare(`INSERT INTO sessions (${columns}) VALUES (${values})`),
      updateSession: db.prepare(`UPDATE sessions SET ${assignments} WHERE id = @id`),
      sessionById: db.prepare('SELECT * FROM sessions WHERE id = ?'),
      sessionByName: db.prepare('SELECT * FROM sessions WHERE name = ?'),
      liveSessions: db.prepare('SELECT * FROM sessions WHERE terminated = 0 ORDER BY created_at, id'),
      allSessions: db.prepare('SELECT * FROM sessions ORDER BY created_at, id'),
      insertEvent: db.prepare(
        'INSERT INTO events (session_id, type, event, from_state, to_state, at, launch_id, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      maxEventSeq: db.prepare('SELECT max(seq) FROM events').pluck(),
      insertIngested: db.prepare('INSERT OR IGNORE INTO ingested_spool (spool_id, ingested_at) VALUES (?, ?)'),
      getMeta: db.prepare('SELECT value FROM meta WHERE key = ?'),
      setMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    };
  }

  static open(path: string): Store {
    const db = openDatabase(path);
    try {
      return new Store(db);
    } catch (error) {
      // Preparing the statements reads the schema: the first place a damaged file shows.
      db.close();
      throw storeErrorFrom(error, path) ?? error;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /**
   * Runs fn in one IMMEDIATE transaction (takes the write lock up front: no upgrade deadlocks).
   * A full disk or a damaged file comes out as a StoreError: the transaction was rolled back.
   */
  transaction<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn).immediate();
    } catch (error) {
      throw storeErrorFrom(error, this.db.name) ?? error;
    }
  }

  insertSession(session: SessionRecord): void {
    this.statements.insertSession.run(sessionToRow(session));
  }

  saveSession(session: SessionRecord): void {
    this.statements.updateSession.run(sessionToRow(session));
  }

  /** A session's usage and its reader's checkpoint (docs/store.md, "Usage"): their only writer. */
  saveUsage(sessionId: string, usage: SessionUsage, checkpoint: Record<string, unknown> | null): void {
    this.db
      .prepare('UPDATE sessions SET usage = ?, usage_checkpoint = ? WHERE id = ?')
      .run(JSON.stringify(usage), checkpoint === null ? null : JSON.stringify(checkpoint), sessionId);
  }

  getSession(id: string): SessionRecord | undefined {
    const row = this.statements.sessionById.get(id) as SessionRow | undefined;
    return row ? rowToSession(row) : undefined;
  }

  /** By id, else by name. */
  findSession(idOrName: string): SessionRecord | undefined {
    const row = (this.statements.sessionById.get(idOrName) ?? this.statements.sessionByName.get(idOrName)) as SessionRow | undefined;
    return row ? rowToSession(row) : undefined;
  }

  listSessions(options: { all?: boolean } = {}): SessionRecord[] {
    const statement = options.all ? this.statements.allSessions : this.statements.liveSessions;
    return (statement.all() as SessionRow[]).map(rowToSession);
  }

  insertLaunch(launch: { id: string; sessionId: string; command: string[]; startedAt: number }): void {
    this.db
      .prepare('INSERT INTO launches (id, session_id, command, started_at) VALUES (?, ?, ?, ?)')
      .run(launch.id, launch.sessionId, JSON.stringify(launch.command), launch.startedAt);
  }

  /** A launch's end as recorded in `launches` (the first end wins: a late duplicate changes nothing). */
  launchEnd(id: string): { endedAt: number | null; exitCode: number | null } | undefined {
    const row = this.db.prepare('SELECT ended_at, exit_code FROM launches WHERE id = ?').get(id) as { ended_at: number | null; exit_code: number | null } | undefined;
    return row && { endedAt: row.ended_at, exitCode: row.exit_code };
  }

  endLaunch(id: string, endedAt: number, exitCode: number | null): void {
    this.db.prepare('UPDATE launches SET ended_at = ?, exit_code = ? WHERE id = ? AND ended_at IS NULL').run(endedAt, exitCode, id);
  }

  /** Removes a session and its log (used to roll back a registration that could not complete). */
  deleteSession(id: string): void {
    this.transaction(() => {
      this.db.prepare('DELETE FROM events WHERE session_id = ?').run(id);
      this.db.prepare('DELETE FROM launches WHERE session_id = ?').run(id);
      this.db.prepare('DELETE FROM sessions WHERE id = ?').run(id);
    });
  }

  nameTaken(name: string): boolean {
    return this.statements.sessionByName.get(name) !== undefined;
  }

  appendEvent(event: NewEvent): number {
    const result = this.statements.insertEvent.run(
      event.sessionId,
      event.type,
      event.event,
      event.from ?? null,
      event.to ?? null,
      event.at,
      event.launchId ?? null,
      event.data ? JSON.stringify(event.data) : null,
    );
    return Number(result.lastInsertRowid);
  }

  listEvents(query: EventQuery = {}): EventRecord[] {
    const clauses: string[] = [];
    const params: (string | number)[] = [];
    if (query.sessionId !== undefined) {
      clauses.push('session_id = ?');
      params.push(query.sessionId);
    }
    if (query.since !== undefined) {
      clauses.push('seq > ?');
      params.push(query.since);
    }
    const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
    const limit = query.limit !== undefined ? `LIMIT ${Math.max(0, Math.floor(query.limit))}` : '';
    const rows = this.db.prepare(`SELECT * FROM events ${where} ORDER BY seq ${limit}`).all(...params) as EventRow[];
    return rows.map(rowToEvent);
  }

  /**
   * The seq of the newest event, 0 for an empty log. One index lookup: a stream polls it to notice
   * events other processes wrote.
   */
  maxEventSeq(): number {
    return (this.statements.maxEventSeq.get() as number | null) ?? 0;
  }

  /** Records a spool id as applied; false when it already was (the record must not apply again). */
  markIngested(spoolId: string, at: number): boolean {
    return this.statements.insertIngested.run(spoolId, at).changes === 1;
  }

  /** Takes back a mark made in the same transaction: the record had no effect and may apply later. */
  unmarkIngested(spoolId: string): void {
    this.db.prepare('DELETE FROM ingested_spool WHERE spool_id = ?').run(spoolId);
  }

  /** Forgets ingestion keys old enough that no ingester can still hold their record. */
  pruneIngested(olderThan: number): number {
    return this.db.prepare('DELETE FROM ingested_spool WHERE ingested_at < ?').run(olderThan).changes;
  }

  getMeta(key: string): string | undefined {
    return (this.statements.getMeta.get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.statements.setMeta.run(key, value);
  }
}

function rowToEvent(row: EventRow): EventRecord {
  let data: Record<string, unknown> | null = null;
  if (row.data !== null) {
    try {
      data = JSON.parse(row.data) as Record<string, unknown>;
    } catch {
      data = null;
    }
  }
  // The type and its name were written together through NewEvent: they match.
  return {
    seq: row.seq,
    sessionId: row.session_id,
    type: row.type,
    event: row.event,
    from: row.from_state as ActivityState | null,
    to: row.to_state as ActivityState | null,
    at: row.at,
    launchId: row.launch_id,
    data,
  } as EventRecord;
}
