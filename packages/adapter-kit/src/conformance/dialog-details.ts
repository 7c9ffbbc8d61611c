import { expect } from 'vitest';
import { needsInput } from '@ao/activity-dispatch';
import type { HarnessAdapter } from '@ao/registry';
import type { Fixture } from './fixture-replay.js';

/** One recorded signal that opens (or repeats) a dialog, and what the user would be shown of it. */
export interface DialogDetail {
  event: string;
  state: 'blocked' | 'waiting_input';
  /** What the open request's `detail` is built from: `toolDetail`, else `notification` (docs/reducer.md). */
  detail: string | null;
}

/** The signals of a recording whose derivation puts the session in a state that waits for its user. */
export function dialogDetails(adapter: HarnessAdapter, fixture: Fixture): DialogDetail[] {
  const out: DialogDetail[] = [];
  for (const { event, payload } of fixture.signals) {
    const derivation = adapter.derive(event, payload);
    const state = derivation?.state;
    if (derivation === null || state === undefined || !needsInput(state)) continue;
    out.push({ event, state: state as DialogDetail['state'], detail: derivation.facts.toolDetail ?? derivation.facts.notification ?? null });
  }
  return out;
}

/**
 * Every recorded dialog says what it is about: a user asked to answer from outside the terminal
 * must see the command, the file or the question, not only "needs input".
 */
export function checkDialogDetails(adapter: HarnessAdapter, fixtures: Array<{ file: string; fixture: Fixture }>): void {
  for (const { file, fixture } of fixtures) {
    for (const dialog of dialogDetails(adapter, fixture)) {
      expect(dialog.detail, `${file}: ${dialog.event} (${dialog.state}) derives neither a toolDetail nor a notification`).toMatch(/\S/);
    }
  }
}
