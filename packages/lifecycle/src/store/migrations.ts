/**
 * Versioned schema migrations, applied in order; `PRAGMA user_version` holds the count applied.
 * Append new steps; never edit a released one. The harness allow-list lives in the registry, not
 * in a CHECK constraint, so adding an adapter needs no migration (docs/store.md).
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    harness TEXT NOT NULL,
    name TEXT NOT NULL,
    cwd TEXT NOT NULL,
    pid INTEGER,
    pid_start_time TEXT,
    host_pid INTEGER,
    host_start_time TEXT,
    launch_id TEXT,
    -- A hook is expected soon after launch: silence then means the hooks are not wired (no_signal).
    expects_startup_signal INTEGER NOT NULL DEFAULT 1,
    activity_state TEXT,
    terminated INTEGER NOT NULL DEFAULT 0,
    terminated_at INTEGER,
    terminated_reason TEXT,
    tools_in_flight TEXT NOT NULL DEFAULT '[]',
    blocked_tool TEXT,
    facts TEXT NOT NULL DEFAULT '{}',
    worktree TEXT,
    created_at INTEGER NOT NULL,
    launched_at INTEGER,
    first_signal_at INTEGER,
    last_signal_at INTEGER,
    last_transition_at INTEGER,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX sessions_live ON sessions (terminated);
  CREATE UNIQUE INDEX sessions_name ON sessions (name);

  CREATE TABLE launches (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    command TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    ended_at INTEGER,
    exit_code INTEGER
  );
  CREATE INDEX launches_session ON launches (session_id);

  -- Append-only: seq is the global cursor for 'ao events --since'.
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id TEXT NOT NULL,
    type TEXT NOT NULL,
    event TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT,
    at INTEGER NOT NULL,
    launch_id TEXT,
    data TEXT
  );
  CREATE INDEX events_session ON events (session_id, seq);

  -- Spool records already applied: the ingestion idempotency key (docs/signal-path.md).
  CREATE TABLE ingested_spool (
    spool_id TEXT PRIMARY KEY,
    ingested_at INTEGER NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE idempotency_keys (
    key TEXT PRIMARY KEY,
    response TEXT NOT NULL,
    created_at INTEGER NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  // 2: the process that fired a session's first hook, to tell its signals from those of agents it
  // started (docs/signal-path.md, "Which session a signal belongs to").
  `
  ALTER TABLE sessions ADD COLUMN hook_firer_pid INTEGER;
  `,
];
