export * from './adapter-contract.js';
export * from './adapter-doctor.js';
export * from './harness-versions.js';
export * from './specification-version.js';
export * from './registry.js';
export * from './install-error.js';
