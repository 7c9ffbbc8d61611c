import type { ActivityState, AoEvent, Deriver } from '@ao/activity-dispatch';
import { field, pickFacts } from '@ao/activity-dispatch';

/** A minimal Claude-shaped table for ingestion mechanics; the real tables are tested in the adapters. */
const STATES: Partial<Record<AoEvent, ActivityState>> = {
  'user-prompt-submit': 'active',
  'pre-tool-use': 'active',
  'post-tool-use': 'active',
  'permission-request': 'blocked',
  stop: 'idle',
};

export const testDeriver: Deriver = {
  id: 'test-harness',
  derive(event, payload) {
    if (!(event in STATES)) return null;
    const state = STATES[event as AoEvent];
    return {
      event: event as AoEvent,
      ...(state !== undefined && { state }),
      facts: pickFacts({ toolName: field(payload, 'tool_name'), toolUseId: field(payload, 'tool_use_id'), prompt: field(payload, 'n') }),
    };
  },
};
