import { HookInstallError } from '@ao/registry';
import { readBytes } from './managed-file.js';

export type JsonObject = Record<string, unknown>;

export interface JsonFileRead {
  exists: boolean;
  bytes?: Buffer;
  text?: string;
  value?: JsonObject;
}

/** Parses bytes that must hold one JSON object; throws a HookInstallError the user can act on. */
export function parseJsonObject(bytes: Buffer, path: string): JsonObject {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new HookInstallError(
      'malformed_file',
      `${path} is not valid JSON (${detail}). ao leaves it untouched: fix or remove the file, then try again.`,
      path,
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new HookInstallError(
      'malformed_file',
      `${path} does not hold a JSON object. ao leaves it untouched: fix or remove the file, then try again.`,
      path,
    );
  }
  return value as JsonObject;
}

/** Reads a JSON-object file; a missing file is `{exists:false}`, a malformed one throws. */
export function readJsonObjectFile(path: string): JsonFileRead {
  const bytes = readBytes(path);
  if (bytes === undefined) return { exists: false };
  return { exists: true, bytes, text: bytes.toString('utf8'), value: parseJsonObject(bytes, path) };
}

/** The indentation the user's file uses (so ao's rewrite does not reformat it); two spaces by default. */
export function detectIndent(text: string | undefined): string {
  const match = text ? /^[\t ]*[{[][^\n]*\n([\t ]+)\S/.exec(text) : null;
  return match?.[1] ?? '  ';
}

export function stringifyJson(value: unknown, indent = '  '): string {
  return `${JSON.stringify(value, null, indent)}\n`;
}
