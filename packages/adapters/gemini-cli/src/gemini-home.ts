import { readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import stripJsonComments from 'strip-json-comments';

/**
 * Where a user's Gemini CLI keeps its state: `$GEMINI_CLI_HOME/.gemini`, else `~/.gemini` (as
 * Gemini itself decides).
 */
export function userGeminiDir(env: Readonly<Record<string, string | undefined>>): string {
  return join(env.GEMINI_CLI_HOME || env.HOME || homedir(), '.gemini');
}

/**
 * The user's settings as Gemini reads them (JSON with comments, the same stripping Gemini does);
 * undefined when there is no file or it is not a JSON object (Gemini would refuse it too).
 */
export function readUserSettings(geminiDir: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = readFileSync(join(geminiDir, 'settings.json'), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(stripJsonComments(text));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The entries of the user's Gemini directory (auth, history, extensions, …); none when it does not exist. */
export function userGeminiEntries(geminiDir: string): string[] {
  try {
    return readdirSync(geminiDir).sort();
  } catch {
    return [];
  }
}
