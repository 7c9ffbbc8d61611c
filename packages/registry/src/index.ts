export * from './adapter-contract.js';
export * from './registry.js';
export * from './install-error.js';
