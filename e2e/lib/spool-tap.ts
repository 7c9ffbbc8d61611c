// Keeps a copy of every hook signal the harness hands to `ao hooks`, exactly as captured: the spool
// record (`$AO_HOME/spool/<capturedAt ns>-<pid>.sig`, a JSON header line + the raw payload) is read
// the moment it is renamed into the spool, before an `ao` command ingests and deletes it. These are
// the payloads the fixtures are made of.
import { closeSync, openSync, readdirSync, readFileSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const RECORD_NAME = /^[0-9]{19,20}-[0-9]+\.sig$/;
/** Writers create `.tmp-<record name>` and rename it (the sh launcher and the Node capture alike). */
const TEMP_NAME = /^\.tmp-([0-9]{19,20}-[0-9]+\.sig)$/;

export interface TappedSignal {
  /** The spool record's name (sorts in capture order). */
  name: string;
  harness: string;
  /** The AO event name the hook command passed (`ao hooks <harness> <event>`). */
  event: string;
  sessionId: string;
  launchId: string | null;
  capturedAt: string;
  /** The payload as JSON, or the raw text when it is not JSON. */
  payload: unknown;
}

export class SpoolTap {
  private readonly seen = new Map<string, TappedSignal>();
  /**
   * Descriptors of records still being written, opened the moment their temp file appears: the
   * record can then be read even if an ingester deletes it right after the rename.
   */
  private readonly pending = new Map<string, number>();
  private watcher: FSWatcher | undefined;

  constructor(private readonly aoHome: string) {}

  get spoolDir(): string {
    return join(this.aoHome, 'spool');
  }

  start(): void {
    this.watcher = watch(this.spoolDir, (_type, filename) => {
      if (!filename) return;
      const name = String(filename);
      if (RECORD_NAME.test(name)) return this.take(name);
      const temp = TEMP_NAME.exec(name);
      if (temp && !this.pending.has(temp[1]!) && !this.seen.has(temp[1]!)) {
        try {
          this.pending.set(temp[1]!, openSync(join(this.spoolDir, name), 'r'));
        } catch {
          // already renamed: the record's own event follows
        }
      }
    });
    this.watcher.on('error', () => {});
    this.sweep();
  }

  /** Reads whatever records are in the spool now (call before anything ingests). */
  sweep(): void {
    let names: string[] = [];
    try {
      names = readdirSync(this.spoolDir);
    } catch {
      return;
    }
    for (const name of names) if (RECORD_NAME.test(name)) this.take(name);
  }

  stop(): void {
    this.sweep();
    this.watcher?.close();
    this.watcher = undefined;
    for (const name of [...this.pending.keys()]) this.take(name);
    for (const fd of this.pending.values()) closeSync(fd);
    this.pending.clear();
  }

  /** Every signal seen, in capture order. */
  signals(): TappedSignal[] {
    return [...this.seen.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /**
   * Spool records that ao ingested but the tap never saw (the tap lost a race with ingestion):
   * a fixture written from an incomplete tap would silently miss payloads.
   */
  missed(): string[] {
    const db = new Database(join(this.aoHome, 'ao.db'), { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare('SELECT spool_id FROM ingested_spool').all() as Array<{ spool_id: string }>;
      return rows.map((row) => row.spool_id).filter((id) => !this.seen.has(id));
    } finally {
      db.close();
    }
  }

  private take(name: string): void {
    if (this.seen.has(name)) return;
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(this.spoolDir, name));
    } catch {
      // Already ingested and deleted: read it through the descriptor opened on its temp file.
      const fd = this.pending.get(name);
      if (fd === undefined) return; // missed() reports it
      try {
        bytes = readFileSync(fd);
      } catch {
        return;
      }
    }
    const fd = this.pending.get(name);
    if (fd !== undefined) {
      closeSync(fd);
      this.pending.delete(name);
    }
    const newline = bytes.indexOf(0x0a);
    if (newline < 0) return;
    const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Omit<TappedSignal, 'name' | 'payload'>;
    const raw = bytes.subarray(newline + 1).toString('utf8');
    let payload: unknown = raw;
    try {
      payload = JSON.parse(raw);
    } catch {
      // kept as text
    }
    this.seen.set(name, {
      name,
      harness: header.harness,
      event: header.event,
      sessionId: header.sessionId,
      launchId: header.launchId,
      capturedAt: header.capturedAt,
      payload,
    });
  }
}
