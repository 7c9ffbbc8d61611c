import { statSync } from 'node:fs';
import type { DoctorCheck } from './doctor-checks.js';

/**
 * Can other local users get into `$AO_HOME`? It holds the prompts and tool payloads of every
 * session (keys and tokens among them). ao creates it 0700 and everything in it private, but a
 * directory that existed before keeps its mode: a readable one exposes what older versions (or
 * anything else) left readable inside, and a writable one lets anyone inject hook signals.
 */
export function checkAoHomeAccess(home: string): DoctorCheck {
  const name = 'ao home access';
  let mode: number;
  try {
    mode = statSync(home).mode & 0o777;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { name, status: 'warn', message: `cannot read the permissions of ${home} (${reason})` };
  }
  const exposure = accessByOthers(mode);
  if (exposure === null) return { name, status: 'ok', message: `${home} is private to you (mode ${octal(mode)})` };
  return {
    name,
    status: 'warn',
    message: `${home} is ${exposure} other users (mode ${octal(mode)}), and it holds your prompts and tool output: run chmod 700 ${home}`,
  };
}

/** "readable by", "writable by", "readable and writable by", or null when group and others have no access. */
function accessByOthers(mode: number): string | null {
  const readable = (mode & 0o055) !== 0; // read or enter (r, x) for group or others
  const writable = (mode & 0o022) !== 0;
  if (readable && writable) return 'readable and writable by';
  if (readable) return 'readable by';
  if (writable) return 'writable by';
  return null;
}

const octal = (mode: number) => mode.toString(8).padStart(4, '0');
