import { resolve } from 'node:path';
import type { HarnessAdapter } from '@ao/registry';
import type { CliContext } from '../cli-context.js';
import { printJson, renderTable } from '../output.js';
import { type DoctorCheck, checkAoHome, checkBinary, checkDaemon, checkHooks } from './doctor-checks.js';
import { checkSpool, checkStore } from './doctor-store-checks.js';
import { checkSession } from './doctor-session-check.js';
import { checkAoHomeAccess } from './doctor-home-check.js';
import { checkNotifications } from './doctor-notify-check.js';

export interface DoctorOptions {
  cwd?: string;
  session?: string;
  json?: boolean;
}

/**
 * `ao doctor`: is ao itself in order, is each harness installed (and which version), are the
 * hooks in place in a directory, did a session's hooks ever fire. One sentence per problem;
 * exit code 1 when any check fails.
 */
export async function runDoctor(context: CliContext, options: DoctorOptions): Promise<number> {
  const dir = resolve(options.cwd ?? process.cwd());
  const checks: DoctorCheck[] = [checkAoHome(context.paths.home), checkAoHomeAccess(context.paths.home)];
  const store = checkStore(context);
  checks.push(store.check, ...checkSpool(context.paths), checkDaemon(context.paths.home, store.live));

  const registry = await context.loadRegistry();
  const adapters = registry.ids().map((id) => registry.get(id));
  // The version commands run side by side: four harnesses must not cost four timeouts.
  const binaries = await Promise.all(adapters.map((adapter) => checkBinary(adapter, context.env)));
  for (const [index, adapter] of adapters.entries()) checks.push(binaries[index]!, checkHooks(adapter, dir, context, options.cwd !== undefined));
  // What only one harness needs checked (Claude Code's disableAllHooks) comes from its adapter.
  for (const adapter of adapters) checks.push(...adapterChecks(adapter, context.env));
  checks.push(...checkNotifications(context, store.live !== null));

  if (options.session !== undefined) {
    if (store.live === null) {
      checks.push({ name: `session ${options.session}`, status: 'fail', message: 'cannot look for the session: the store does not open' });
    } else {
      await context.ingest();
      checks.push(checkSession(context, options.session, (harness) => registry.find(harness)));
    }
  }

  const failed = checks.filter((check) => check.status === 'fail').length;
  if (options.json) {
    printJson({ checks });
  } else {
    process.stdout.write(`${renderTable(['CHECK', 'STATUS', 'MESSAGE'], checks.map((check) => [check.name, check.status, check.message]))}\n`);
    const warned = checks.filter((check) => check.status === 'warn').length;
    process.stdout.write(failed + warned === 0 ? 'All is well.\n' : `${failed} failed, ${warned} to look at.\n`);
  }
  return failed > 0 ? 1 : 0;
}

/** An adapter's own checks; one that throws becomes a failed line naming it, not a crashed doctor. */
function adapterChecks(adapter: HarnessAdapter, env: NodeJS.ProcessEnv): DoctorCheck[] {
  try {
    return adapter.doctorChecks?.(env) ?? [];
  } catch (error) {
    return [{ name: `${adapter.id} checks`, status: 'fail', message: `the ${adapter.displayName} adapter's checks failed: ${(error as Error).message}` }];
  }
}
