import { statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { isValidSessionId } from '@ao/activity-dispatch';
import type { HookContext } from '@ao/registry';
import { hookCommand, isAoHookCommand } from './hook-command.js';
import { HookInstallError } from '@ao/registry';

/**
 * Refuses a context an installer cannot honour, before anything is written: a relative ao path
 * (hooks run from other directories), a command ao would not recognise as its own later (it would
 * be duplicated on the next install instead of replaced), or a session id that is not one.
 */
export function assertHookContext(context: HookContext, harness: string): void {
  if (typeof context.aoCommand !== 'string' || !isAbsolute(context.aoCommand)) {
    throw new HookInstallError('invalid_context', `the ao command must be an absolute path, got ${JSON.stringify(context.aoCommand)}`);
  }
  if (context.sessionId !== undefined && !isValidSessionId(context.sessionId)) {
    throw new HookInstallError('invalid_context', `invalid session id ${JSON.stringify(context.sessionId)}`);
  }
  if (!isAoHookCommand(hookCommand(context.aoCommand, harness, 'stop', context.sessionId), harness)) {
    throw new HookInstallError(
      'invalid_context',
      `the ao command ${JSON.stringify(context.aoCommand)} must be a file named "ao" so that its hooks can be recognised later`,
    );
  }
  if (typeof context.aoHome !== 'string' || !isAbsolute(context.aoHome)) {
    throw new HookInstallError('invalid_context', `AO_HOME must be an absolute path, got ${JSON.stringify(context.aoHome)}`);
  }
}

export function assertDirectory(dir: string): void {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new HookInstallError('no_such_directory', `${dir} is not a directory`, dir);
}
