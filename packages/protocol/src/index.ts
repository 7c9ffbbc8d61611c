export * from './error-codes.js';
export * from './session-object.js';
export * from './operation-schemas.js';
export * from './routes.js';
export * from './openapi.js';
