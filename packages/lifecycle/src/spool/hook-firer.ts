import { readFileSync } from 'node:fs';

/**
 * Shells that run a hook command on a harness's behalf (`sh -c '<ao> hooks …'`): they are the
 * hook's runner, not the agent that fired it. Keep in step with the `case` list in `bin/ao`.
 */
export const HOOK_RUNNER_SHELLS: readonly string[] = ['sh', 'bash', 'dash', 'zsh', 'ksh', 'mksh', 'ash', 'fish', 'busybox', 'tcsh', 'csh'];

/** How far up the process tree to look past runner shells (sh -c, then bash -lc, …). */
const MAX_RUNNER_DEPTH = 4;

/**
 * The pid of the process that fired a hook: walking up from the hook's parent, the first one
 * that is not a runner shell. Null where /proc cannot tell (not Linux, a process already gone).
 * Reads only the first lines of /proc/<pid>/status (Name … PPid), as the sh launcher does, so it
 * costs a fraction of a millisecond. Why ao wants it: docs/signal-path.md, "Which session a signal
 * belongs to".
 */
export function findHookFirer(parentPid: number, readStatus: (pid: number) => string = readProcStatus): number | null {
  let pid = parentPid;
  for (let depth = 0; depth < MAX_RUNNER_DEPTH && pid > 1; depth++) {
    let status: string;
    try {
      status = readStatus(pid);
    } catch {
      return null;
    }
    const name = /^Name:\s*(.*)$/m.exec(status)?.[1]?.trim();
    const parent = Number(/^PPid:\s*([0-9]+)$/m.exec(status)?.[1]);
    if (name === undefined || !Number.isSafeInteger(parent)) return null;
    if (!HOOK_RUNNER_SHELLS.includes(name)) return pid;
    pid = parent;
  }
  return null;
}

function readProcStatus(pid: number): string {
  return readFileSync(`/proc/${pid}/status`, 'utf8');
}
