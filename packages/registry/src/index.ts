export * from './adapter-contract.js';
export * from './registry.js';
export * from './shell-quote.js';
export * from './hook-command.js';
