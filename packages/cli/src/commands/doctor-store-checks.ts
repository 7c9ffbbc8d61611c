import { accessSync, constants, lstatSync } from 'node:fs';
import { join } from 'node:path';
import {
  classifySpoolEntry,
  describeSpoolEntryProblem,
  listSpool,
  listSpoolAside,
  spoolAsideDir,
  storeDamaged,
  storeErrorFrom,
  type AoPaths,
  type SpoolEntryProblem,
} from '@ao/lifecycle';
import type { CliContext } from '../cli-context.js';
import type { DoctorCheck } from './doctor-checks.js';

/** At most this many entries are named in one message; the count says how many there are. */
const NAMED_AT_MOST = 5;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

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

/**
 * The spool: records waiting, entries ingestion cannot read (in the spool itself, or set aside in
 * spool/rejected), and records kept for sessions the store does not know (spool/unclaimed).
 * Looks only at names and lstat: never opens an entry, so a FIFO cannot hang it.
 */
export function checkSpool(paths: AoPaths): DoctorCheck[] {
  try {
    return [checkPending(paths.spool), checkRejected(paths.spool), checkUnclaimed(paths.spool)];
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return [{ name: 'spool', status: 'fail', message: `${paths.spool} cannot be read (${reason}): hook signals can be neither kept nor applied; see the ao home check` }];
  }
}

function checkPending(spool: string): DoctorCheck {
  const names = listSpool(spool);
  const bad = names.flatMap((name) => {
    const problem = entryProblem(join(spool, name));
    return problem ? [{ path: join(spool, name), problem }] : [];
  });
  const waiting = `${count(names.length - bad.length, 'record', 'records')} waiting to be applied (any ao command applies them)`;
  if (bad.length === 0) return { name: 'spool', status: 'ok', message: names.length === 0 ? `${spool} is empty: every signal is applied` : waiting };
  const rejected = spoolAsideDir(spool, 'rejected');
  const listed = bad.slice(0, NAMED_AT_MOST).map(({ path, problem }) => `${path}: ${describeSpoolEntryProblem(problem)}`);
  const more = bad.length > NAMED_AT_MOST ? ` (and ${bad.length - NAMED_AT_MOST} more)` : '';
  if (canSetAside(rejected)) {
    return { name: 'spool', status: 'warn', message: `${listed.join('; ')}${more}. The next ao command sets ${bad.length === 1 ? 'it' : 'them'} aside in ${rejected}; ${waiting}.` };
  }
  const remedies = bad.slice(0, NAMED_AT_MOST).map(({ path, problem }) =>
    problem === 'unreadable'
      ? `give ${path} to yourself (sudo chown $(id -un) ${path}) for ao to apply it, or remove it (sudo rm ${path})`
      : `remove ${path} (rm ${problem === 'directory' ? '-r ' : ''}${path})`,
  );
  return {
    name: 'spool',
    status: 'fail',
    message:
      `${listed.join('; ')}${more}. ao cannot set ${bad.length === 1 ? 'it' : 'them'} aside: ${rejected} is not a directory it can write to ` +
      `(make it one, or ${remedies.join('; ')}). ao passes over ${bad.length === 1 ? 'it' : 'them'} meanwhile; ${waiting}.`,
  };
}

function checkRejected(spool: string): DoctorCheck {
  const dir = spoolAsideDir(spool, 'rejected');
  const names = listSpoolAside(spool, 'rejected');
  if (names.length === 0) return { name: 'spool set aside', status: 'ok', message: 'no spool entry had to be set aside' };
  const entries = names.map((name) => ({ name, problem: entryProblem(join(dir, name)) }));
  const listed = entries.slice(0, NAMED_AT_MOST).map(({ name, problem }) => `${name}: ${problem ? describeSpoolEntryProblem(problem) : 'ao can read it now'}`);
  const more = names.length > NAMED_AT_MOST ? `; and ${names.length - NAMED_AT_MOST} more` : '';
  const unreadable = entries.some(({ problem }) => problem === 'unreadable' || problem === null);
  const advice = unreadable
    ? `A record ao cannot read was most likely written by an agent run under sudo with your AO_HOME: to apply it, give it to yourself (sudo chown $(id -un) ${join(dir, '<name>')}) and move it back into ${spool}; anything else there is not a record and can be deleted.`
    : 'None of them is a record: delete them, or leave them.';
  return {
    name: 'spool set aside',
    status: 'warn',
    message: `${count(names.length, 'spool entry', 'spool entries')} ao could not read ${names.length === 1 ? 'was' : 'were'} set aside in ${dir}: ${listed.join('; ')}${more}. ${advice} ao deletes files there 7 days after it set them aside (directories it leaves to you).`,
  };
}

function checkUnclaimed(spool: string): DoctorCheck {
  const dir = spoolAsideDir(spool, 'unclaimed');
  const names = listSpoolAside(spool, 'unclaimed');
  if (names.length === 0) return { name: 'spool unclaimed', status: 'ok', message: 'no signal came for a session the store does not know' };
  return {
    name: 'spool unclaimed',
    status: 'warn',
    message:
      `${count(names.length, 'hook signal', 'hook signals')} for sessions the store does not know ${names.length === 1 ? 'is' : 'are'} kept in ${dir} (deleted 7 days after they were set aside). ` +
      `They come from agents whose session was removed (ao rm) while they ran, or from a store that was replaced: ` +
      `if you put back an ao.db from a backup, move them into ${spool} to apply them.`,
  };
}

/** What is wrong with an entry as a record, from lstat and the right to read it; null if nothing. */
function entryProblem(path: string): SpoolEntryProblem | null {
  try {
    const problem = classifySpoolEntry(lstatSync(path));
    if (problem) return problem;
    accessSync(path, constants.R_OK);
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : 'unreadable';
  }
}

function canSetAside(dir: string): boolean {
  try {
    if (!lstatSync(dir).isDirectory()) return false;
    accessSync(dir, constants.W_OK);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}
