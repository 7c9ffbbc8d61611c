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
  // 3: the control plane (docs/store.md). The dialog a session waits on and the counter behind its
  // ids; the latest external event, kept on the session so listing sessions reads no event log;
  // request idempotency keys with the scope, fingerprint and status the HTTP API needs (the table
  // of step 1 was never written to, so it is recreated rather than altered).
  `
  ALTER TABLE sessions ADD COLUMN open_request TEXT;
  ALTER TABLE sessions ADD COLUMN requests_opened INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE sessions ADD COLUMN last_external_event TEXT;

  -- A session blocked or waiting across the upgrade gets its dialog, so it can still be answered:
  -- the first of its requests, opened when it entered that state. A malformed JSON column yields a
  -- null tool or detail rather than a failed upgrade.
  UPDATE sessions SET
    requests_opened = 1,
    open_request = json_object(
      'id', id || '.r1',
      'kind', CASE activity_state WHEN 'blocked' THEN 'permission' ELSE 'question' END,
      'tool', CASE WHEN json_valid(blocked_tool) THEN CASE json_type(blocked_tool, '$.name') WHEN 'text' THEN json_extract(blocked_tool, '$.name') END END,
      'detail', CASE WHEN json_valid(facts) THEN CASE json_type(facts, '$.lastNotification') WHEN 'text' THEN json_extract(facts, '$.lastNotification') END END,
      'askedAt', coalesce(last_transition_at, last_signal_at, updated_at)
    )
  WHERE terminated = 0 AND activity_state IN ('blocked', 'waiting_input');

  DROP TABLE idempotency_keys;
  -- One row per (scope, key): claimed (status NULL) until the call's response is stored.
  CREATE TABLE idempotency_keys (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER,
    response TEXT,
    created_at INTEGER NOT NULL,
    completed_at INTEGER,
    PRIMARY KEY (scope, key)
  ) WITHOUT ROWID;
  CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
  `,
  // 4: notifications (docs/notifications.md). What the daemon decided to tell the user, once per
  // key (a dialog's request id, a failed turn's seq, a launch's death), and each sink's delivery
  // of it. Written in the transaction that moves the notifier's cursor (meta 'notify.cursor'), so a
  // daemon killed at any moment neither loses nor repeats a decision.
  `
  CREATE TABLE notifications (
    key TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    priority TEXT NOT NULL,
    session_id TEXT,
    request_id TEXT,
    seq INTEGER,
    created_at INTEGER NOT NULL,
    payload TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX notifications_created ON notifications (created_at);

  -- One row per notification and sink ('desktop', 'webhook:<id>'): pending until delivered, failed
  -- once its retries are spent, skipped when it no longer applies (the dialog was answered).
  CREATE TABLE notification_deliveries (
    key TEXT NOT NULL REFERENCES notifications(key) ON DELETE CASCADE,
    sink TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error TEXT,
    last_attempt_at INTEGER,
    delivered_at INTEGER,
    PRIMARY KEY (key, sink)
  ) WITHOUT ROWID;
  CREATE INDEX notification_deliveries_due ON notification_deliveries (status, next_attempt_at);
  `,
  // 5: what each session has spent (docs/store.md, "Usage"): the latest reading of its harness's
  // usage (SessionUsage JSON) and where that reader stopped in the transcript (opaque JSON), both
  // written together, only by a turn end's ingestion. Null until a turn has ended: rows of an older
  // store simply have no usage yet.
  `
  ALTER TABLE sessions ADD COLUMN usage TEXT;
  ALTER TABLE sessions ADD COLUMN usage_checkpoint TEXT;
  `,
];
