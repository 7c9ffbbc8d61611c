import type { CliContext } from '../cli-context.js';
import { findDesktopCommand, whyNoDesktop } from '../notify/desktop-sink.js';
import { sinkHealth, webhookSinkId, type SinkHealth, type SinkId } from '../notify/notification-store.js';
import { readNotifyConfig } from '../notify/notify-settings.js';
import type { DoctorCheck } from './doctor-checks.js';

/** How far back `ao doctor` looks at deliveries. */
const WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Are notifications reaching the user? One line per sink in trouble over the last day: a webhook
 * whose deliveries were given up is a failure (notifications were lost), one being retried a
 * warning; each names the URL, the last error and what to do. One ok line otherwise.
 */
export function checkNotifications(context: CliContext, storeOpens: boolean): DoctorCheck[] {
  const name = 'notifications';
  let config;
  try {
    config = readNotifyConfig(context.paths.home);
  } catch (error) {
    return [{ name, status: 'warn', message: `${(error as Error).message}; until then the daemon keeps the last config it read` }];
  }
  const desktop = config.desktop ? findDesktopCommand() : null;
  const sinks: { id: SinkId; label: string; fix: string }[] = [
    ...(desktop ? [{ id: 'desktop' as const, label: `desktop (${desktop.kind})`, fix: `check that ${desktop.kind} works in this session, or ao notify set --desktop off` }] : []),
    ...config.webhooks.map((webhook) => ({
      id: webhookSinkId(webhook.id),
      label: `webhook ${webhook.url}`,
      fix: `check the URL and the receiver, then ao notify test; ao notify rm ${webhook.id} removes it`,
    })),
  ];
  const problems: DoctorCheck[] = [];
  if (storeOpens) {
    const since = Date.now() - WINDOW_MS;
    for (const sink of sinks) {
      const health = sinkHealth(context.store, sink.id, since);
      const problem = describeProblem(health);
      if (problem) problems.push({ name, status: health.failed > 0 ? 'fail' : 'warn', message: `${sink.label}: ${problem}; ${sink.fix}` });
    }
  }
  if (problems.length > 0) return problems;
  const parts = [
    config.desktop ? (desktop ? `desktop on (${desktop.kind})` : `desktop on, but ${whyNoDesktop()}: none shown`) : 'desktop off',
    `${config.webhooks.length} webhook${config.webhooks.length === 1 ? '' : 's'}`,
  ];
  return [{ name, status: 'ok', message: `${parts.join(', ')}${sinks.length > 0 && storeOpens ? ', no failed delivery in the last day' : ''}` }];
}

function describeProblem(health: SinkHealth): string | null {
  if (health.failed === 0 && health.retrying === 0) return null;
  const what = [
    ...(health.failed > 0 ? [`${health.failed} notification${health.failed === 1 ? '' : 's'} given up in the last day`] : []),
    ...(health.retrying > 0 ? [`${health.retrying} being retried`] : []),
  ].join(', ');
  const last = health.lastError === null ? '' : ` (last error: ${health.lastError}, after ${health.lastErrorAttempts} attempt${health.lastErrorAttempts === 1 ? '' : 's'})`;
  return `${what}${last}`;
}
