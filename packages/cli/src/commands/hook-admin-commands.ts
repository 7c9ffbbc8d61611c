import { isValidSessionId } from '@ao/activity-dispatch';
import type { CliContext } from '../cli-context.js';
import { invalidArgument } from '../cli-error.js';
import { printJson } from '../output.js';
import { resolveAdapter } from './resolve-adapter.js';
import { asUser } from '../private-umask.js';
import { resolveDirectory } from './register-command.js';

export interface HookAdminOptions {
  agent: string;
  cwd?: string;
  session?: string;
  json?: boolean;
}

function hookContext(context: CliContext, options: HookAdminOptions) {
  if (options.session !== undefined && !isValidSessionId(options.session)) {
    throw invalidArgument('--session must match ^[A-Za-z0-9_-]{1,64}$');
  }
  return {
    aoCommand: context.aoCommand,
    aoHome: context.paths.home,
    ...(options.session !== undefined && { sessionId: options.session }),
  };
}

/** `ao install-hooks` / `ao uninstall-hooks`: wire or unwire a harness's hooks in a directory by hand. */
export async function changeHooks(context: CliContext, action: 'install' | 'uninstall', options: HookAdminOptions): Promise<void> {
  const adapter = await resolveAdapter(context, options.agent);
  const dir = resolveDirectory(options.cwd);
  const result = asUser(() => adapter.hooks[action](dir, hookContext(context, options)));
  if (options.json) return printJson(result);
  const verb = action === 'install' ? 'Installed' : 'Removed';
  process.stdout.write(
    result.changed ? `${verb} ${adapter.displayName} hooks in ${dir}\n` : `${adapter.displayName} hooks in ${dir}: nothing to change\n`,
  );
  for (const file of result.files) process.stdout.write(`  ${file}\n`);
  for (const note of result.notes) process.stdout.write(`  ${note}\n`);
}

/** `ao check-hooks`: are ao's hooks for a harness in place in a directory? Exit 1 when not. */
export async function checkHooks(context: CliContext, options: HookAdminOptions): Promise<number> {
  const adapter = await resolveAdapter(context, options.agent);
  const dir = resolveDirectory(options.cwd);
  const status = adapter.hooks.status(dir, hookContext(context, options));
  if (options.json) printJson(status);
  else {
    process.stdout.write(`${adapter.displayName} hooks in ${dir}: ${status.installed ? 'installed' : 'not installed'}\n`);
    for (const problem of status.problems) process.stdout.write(`  - ${problem}\n`);
  }
  return status.installed ? 0 : 1;
}
