import { isRecord } from '@ao/activity-dispatch';
import { hookCommand } from '@ao/adapter-kit';
import { GEMINI_HOOK_EVENTS, HARNESS_ID, HOOK_TIMEOUT_MS } from './hook-events.js';

/**
 * The settings a session ao starts runs with: the user's own `settings.json`, plus ao's layer
 * (docs/harnesses/gemini-cli.md, "Wiring"). Pure.
 *
 * ao's layer adds one hook group per mapped event after the user's own groups (their hooks still
 * run), and switches off what reaches the network besides the model: usage statistics, telemetry
 * and the update check. Every other key of the user's is kept as it is.
 */

export interface GeminiHookGroup {
  matcher: string;
  hooks: Array<{ type: 'command'; name: string; command: string; timeout: number }>;
}

type Settings = Record<string, unknown>;

/** The `hooks` block ao adds: one group per mapped event; the commands read AO_SESSION_ID from the environment. */
export function aoHookGroups(aoCommand: string, sessionId?: string, aoHome?: string): Record<string, GeminiHookGroup> {
  const groups: Record<string, GeminiHookGroup> = {};
  for (const { native, event } of GEMINI_HOOK_EVENTS) {
    groups[native] = {
      matcher: '*',
      hooks: [{ type: 'command', name: `ao ${event}`, command: hookCommand(aoCommand, HARNESS_ID, event, sessionId, aoHome), timeout: HOOK_TIMEOUT_MS }],
    };
  }
  return groups;
}

/** Settings that make Gemini reach out to Google besides the model API, each switched off. */
export const OFFLINE_SWITCHES: ReadonlyArray<readonly [section: string, key: string]> = [
  ['privacy', 'usageStatisticsEnabled'],
  ['telemetry', 'enabled'],
  ['general', 'enableAutoUpdate'],
  ['general', 'enableAutoUpdateNotification'],
];

/** The user's settings with ao's layer on top. `user` is whatever their file held (anything not an object counts as none). */
export function withAoLayer(user: unknown, aoCommand: string): Settings {
  const settings: Settings = isRecord(user) ? { ...user } : {};
  const hooks: Settings = isRecord(settings.hooks) ? { ...settings.hooks } : {};
  for (const [native, group] of Object.entries(aoHookGroups(aoCommand))) {
    const mine = hooks[native];
    hooks[native] = [...(Array.isArray(mine) ? mine : []), group];
  }
  settings.hooks = hooks;
  for (const [section, key] of OFFLINE_SWITCHES) {
    const current = settings[section];
    settings[section] = { ...(isRecord(current) ? current : {}), [key]: false };
  }
  return settings;
}
