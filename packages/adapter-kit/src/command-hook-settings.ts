import { isDeepStrictEqual } from 'node:util';
import { isRecord } from '@ao/activity-dispatch';
import { HookInstallError } from '@ao/registry';
import { hookCommand, isAoHookCommand } from './hook-command.js';
import type { JsonObject } from './json-file.js';

/**
 * Pure edits of the `hooks` block of a settings object in Claude Code's shape
 * (`{"hooks": {"<Event>": [{"matcher"?, "hooks": [{"type": "command", "command", "timeout"}]}]}}`),
 * which Claude Code and Qwen Code (a fork with Claude-style hooks) both read. ao's entries are
 * recognised by their command (`…/ao hooks <harness> <event>`), whatever the ao path or session they
 * carry, so an older entry is replaced rather than duplicated, and the user's own entries are never
 * touched.
 */
export interface CommandHookSettingsSpec {
  harnessId: string;
  /** Each native hook event ao installs, and the ao event its command passes. */
  events: ReadonlyArray<{ native: string; event: string }>;
  /** The hook timeout as the harness reads it (both read seconds). */
  timeoutSeconds: number;
}

export interface HookGroup {
  matcher?: string;
  hooks: Array<{ type: 'command'; command: string; timeout: number }>;
}

export interface AoHookInventory {
  /** Per native event, the ao commands registered for it. */
  commands: Map<string, string[]>;
  /** Whether the settings hold any ao entry at all. */
  any: boolean;
}

/** The edits for one harness: the block ao wants, and merge, remove and inventory over a settings object. */
export function commandHookSettings(spec: CommandHookSettingsSpec) {
  /** The `hooks` block ao wants: one group per mapped event. */
  function aoHooksBlock(aoCommand: string, sessionId?: string, aoHome?: string): Record<string, HookGroup[]> {
    const block: Record<string, HookGroup[]> = {};
    for (const { native, event } of spec.events) {
      block[native] = [
        { hooks: [{ type: 'command', command: hookCommand(aoCommand, spec.harnessId, event, sessionId, aoHome), timeout: spec.timeoutSeconds }] },
      ];
    }
    return block;
  }

  const isAoHandler = (handler: unknown) => isRecord(handler) && isAoHookCommand(handler.command, spec.harnessId);

  function hooksObject(settings: JsonObject, path: string): JsonObject | undefined {
    if (!('hooks' in settings)) return undefined;
    const hooks = settings.hooks;
    if (!isRecord(hooks)) {
      throw new HookInstallError('unsupported_layout', `"hooks" in ${path} is not an object; ao leaves the file untouched: fix it, then try again.`, path);
    }
    for (const [event, groups] of Object.entries(hooks)) {
      if (!Array.isArray(groups)) {
        throw new HookInstallError(
          'unsupported_layout',
          `"hooks.${event}" in ${path} is not an array; ao leaves the file untouched: fix it, then try again.`,
          path,
        );
      }
    }
    return hooks;
  }

  /**
   * Strips ao handlers from one event's groups; emptied groups go. When `replacement` is given it
   * takes the place of the first group that held an ao handler (or the end), so reinstalling keeps
   * the user's order stable and is a no-op when nothing changed.
   */
  function rewriteGroups(groups: unknown[], replacement?: HookGroup): unknown[] {
    const out: unknown[] = [];
    let placed = false;
    for (const group of groups) {
      if (!isRecord(group) || !Array.isArray(group.hooks) || !group.hooks.some(isAoHandler)) {
        out.push(group);
        continue;
      }
      if (replacement && !placed) {
        out.push(replacement);
        placed = true;
      }
      const rest = group.hooks.filter((handler) => !isAoHandler(handler));
      if (rest.length > 0) out.push({ ...group, hooks: rest });
    }
    if (replacement && !placed) out.push(replacement);
    return out;
  }

  /** The settings with ao's hooks in place; `changed` false when they were already exactly so. */
  function mergeAoHooks(
    settings: JsonObject,
    path: string,
    aoCommand: string,
    sessionId?: string,
    aoHome?: string,
  ): { settings: JsonObject; changed: boolean } {
    const before = hooksObject(settings, path);
    const desired = aoHooksBlock(aoCommand, sessionId, aoHome);
    const hooks: JsonObject = { ...(before ?? {}) };
    for (const [event, groups] of Object.entries(hooks)) {
      if (Object.hasOwn(desired, event)) continue;
      // An event ao no longer maps: take any old ao entry out of it.
      const rewritten = rewriteGroups(groups as unknown[]);
      if (rewritten.length === 0 && (groups as unknown[]).length > 0) delete hooks[event];
      else hooks[event] = rewritten;
    }
    for (const [event, [group]] of Object.entries(desired)) {
      hooks[event] = rewriteGroups((hooks[event] as unknown[] | undefined) ?? [], group);
    }
    const next = { ...settings, hooks };
    return { settings: next, changed: !isDeepStrictEqual(next, settings) };
  }

  /**
   * The settings without ao's hooks. Events emptied by the removal go; the `hooks` key goes too
   * when it became empty and `dropEmptyHooksKey` says ao introduced it.
   */
  function removeAoHooks(settings: JsonObject, path: string, dropEmptyHooksKey: boolean): { settings: JsonObject; changed: boolean } {
    const before = hooksObject(settings, path);
    if (!before) return { settings, changed: false };
    const hooks: JsonObject = {};
    for (const [event, groups] of Object.entries(before)) {
      const rewritten = rewriteGroups(groups as unknown[]);
      if (rewritten.length === 0 && (groups as unknown[]).length > 0) continue;
      hooks[event] = rewritten;
    }
    const next: JsonObject = { ...settings, hooks };
    if (dropEmptyHooksKey && Object.keys(hooks).length === 0) delete next.hooks;
    return { settings: next, changed: !isDeepStrictEqual(next, settings) };
  }


  /** Which ao hooks a settings object holds (for status, and to tell a stale original apart). */
  function inventoryAoHooks(settings: JsonObject): AoHookInventory {
    const commands = new Map<string, string[]>();
    const hooks = isRecord(settings.hooks) ? settings.hooks : {};
    for (const [event, groups] of Object.entries(hooks)) {
      if (!Array.isArray(groups)) continue;
      for (const group of groups) {
        if (!isRecord(group) || !Array.isArray(group.hooks)) continue;
        for (const handler of group.hooks) {
          if (!isAoHandler(handler)) continue;
          const list = commands.get(event) ?? [];
          list.push(String((handler as JsonObject).command));
          commands.set(event, list);
        }
      }
    }
    return { commands, any: commands.size > 0 };
  }

  return { aoHooksBlock, mergeAoHooks, removeAoHooks, inventoryAoHooks };
}
