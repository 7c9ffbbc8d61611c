export * from './activity-states.js';
export * from './ao-events.js';
export * from './facts.js';
export * from './derivation.js';
export * from './signal-patterns.js';
export * from './dispatcher.js';
export * from './turn-outcome.js';
export * from './session-usage.js';
