import { readFileSync } from 'node:fs';
import { apiInfoPath } from '../api/api-info.js';
import { daemonHealth } from '../daemon/daemon-health.js';
import { configuredSinks } from './configured-sinks.js';
import { findDesktopCommand, whyNoDesktop } from './desktop-sink.js';
import { outgoingMessage, testNotification } from './notification-text.js';
import type { NotifyConfig } from './notify-config.js';

/** One sink's answer to `ao notify test`. */
export interface TestResult {
  sink: string;
  /** The webhook's URL, or the desktop command. */
  target: string | null;
  status: 'delivered' | 'failed' | 'unavailable';
  error: string | null;
}

/**
 * Sends one test notification to every configured sink now (minimum priorities aside: a test is
 * for seeing that each one works), side by side, and reports each answer. Nothing is recorded.
 */
export async function sendTestNotification(home: string, config: NotifyConfig): Promise<TestResult[]> {
  const desktop = config.desktop ? findDesktopCommand() : null;
  const apiUrl = runningApiUrl(home);
  const outgoing = outgoingMessage([testNotification(Date.now(), apiUrl)], apiUrl);
  const sinks = configuredSinks(config, desktop);
  const stop = new AbortController().signal;
  const results = await Promise.all(
    sinks.map(async (sink): Promise<TestResult> => {
      const result = await sink.send(outgoing, stop);
      return { sink: sink.id, target: sink.target, status: result.ok ? 'delivered' : 'failed', error: result.ok ? null : result.error };
    }),
  );
  if (config.desktop && desktop === null) {
    results.unshift({ sink: 'desktop', target: null, status: 'unavailable', error: `${whyNoDesktop()}: desktop notifications are skipped` });
  }
  return results;
}

/** The running daemon's API address, for the dashboard link; null when none serves one. */
function runningApiUrl(home: string): string | null {
  if (daemonHealth(home).state !== 'running') return null;
  try {
    const info = JSON.parse(readFileSync(apiInfoPath(home), 'utf8')) as { url?: unknown };
    return typeof info.url === 'string' ? info.url : null;
  } catch {
    return null;
  }
}
