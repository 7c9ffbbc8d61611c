import type { HookContext, HookInstallResult, HookInstaller, HookStatus } from '@ao/registry';
import { HARNESS_ID } from './demo-events.js';

/**
 * The demo agent needs no hook files: it runs `ao hooks demo <event>` itself whenever
 * AO_SESSION_ID is set in its environment (ao spawn's session host sets it). Nothing is ever
 * written, so installing and removing are no-ops and the hooks are always "in place".
 */

const HOW_IT_REPORTS = 'The demo agent needs no hook files: it reports to ao by itself whenever AO_SESSION_ID is set (ao spawn sets it).';

function adoptNote(context: HookContext): string[] {
  return context.sessionId === undefined ? [] : [`To report for session ${context.sessionId}, start the demo agent with AO_SESSION_ID=${context.sessionId} in its environment.`];
}

function install(dir: string, context: HookContext): HookInstallResult {
  return { harness: HARNESS_ID, dir, changed: false, files: [], notes: [`Nothing was written. ${HOW_IT_REPORTS}`, ...adoptNote(context)] };
}

function uninstall(dir: string, _context: HookContext): HookInstallResult {
  return { harness: HARNESS_ID, dir, changed: false, files: [], notes: ['Nothing to remove: ao never writes hook files for the demo agent.'] };
}

/** `notes` carries the explanation, since `problems` must stay empty when all is well. */
function status(dir: string, context: HookContext): HookStatus {
  const result: HookStatus = { harness: HARNESS_ID, dir, installed: true, files: [], problems: [], notes: [HOW_IT_REPORTS] };
  if (context.sessionId !== undefined) result.sessionId = context.sessionId;
  return result;
}

export const demoHookInstaller: HookInstaller = { install, uninstall, status };
