export { AoClient, type ClientOptions, type CallOptions } from './ao-client.js';
export type * from './ao-client.js';
export { AoApiError, type ClientErrorCode } from './api-error.js';
export { findDaemon, resolveAoHome, type Endpoint } from './find-daemon.js';
export type { StreamOptions, DisconnectReason } from './event-stream.js';
export type { SessionObject, EventObject, OpenRequest, ErrorCode } from '@ao/protocol';
