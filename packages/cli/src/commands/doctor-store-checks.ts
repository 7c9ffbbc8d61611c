import { storeDamaged, storeErrorFrom } from '@ao/lifecycle';
import type { CliContext } from '../cli-context.js';
import type { DoctorCheck } from './doctor-checks.js';

/**
 * The store opens, SQLite finds it sound, and it answers; returns the number of live sessions for
 * the daemon check. `PRAGMA quick_check` reads every page (without checking indexes against
 * tables): a damaged page shows here before a command trips on it.
 */
export function checkStore(context: CliContext): { check: DoctorCheck; live: number | null } {
  const database = context.paths.database;
  try {
    const store = context.store;
    const findings = (store.db.pragma('quick_check(3)') as { quick_check: string }[]).map((row) => row.quick_check);
    if (findings[0] !== 'ok') {
      // One line: SQLite heads its findings with "*** in database main ***" and breaks lines.
      const detail = findings.flatMap((finding) => finding.split('\n')).filter((line) => line.trim() !== '' && !line.startsWith('***')).join('; ');
      return { check: { name: 'store', status: 'fail', message: storeDamaged(database, `SQLite's integrity check says: ${detail}`).message }, live: null };
    }
    const all = store.listSessions({ all: true });
    const live = all.filter((session) => !session.terminated).length;
    return { check: { name: 'store', status: 'ok', message: `${database} opens: ${all.length} sessions, ${live} live` }, live };
  } catch (error) {
    const known = storeErrorFrom(error, database);
    const message = known ? known.message : `${database} cannot be opened (${(error as Error).message}): no ao command can read or record sessions until it can`;
    return { check: { name: 'store', status: 'fail', message }, live: null };
  }
}
