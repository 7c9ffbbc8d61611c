import { PAYLOAD_CAP_BYTES } from './spool-format.js';

/**
 * The largest header line ingestion accepts. Today's header is about 250 bytes; the room left is
 * for fields added later, not for anything a writer of ao's produces now.
 */
export const SPOOL_HEADER_CAP_BYTES = 64 * 1024;

/**
 * No record written by ao is bigger: a header line, its newline, then at most the payload cap
 * (both capture paths stop reading stdin there). A bigger file named like a record is not one.
 */
export const SPOOL_RECORD_CAP_BYTES = SPOOL_HEADER_CAP_BYTES + 1 + PAYLOAD_CAP_BYTES;
