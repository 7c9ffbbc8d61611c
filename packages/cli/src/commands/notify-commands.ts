import type { CliContext } from '../cli-context.js';
import { CliError, invalidArgument } from '../cli-error.js';
import { printJson, renderTable } from '../output.js';
import { findDesktopCommand, whyNoDesktop } from '../notify/desktop-sink.js';
import { isPriority, PRIORITIES, type Priority } from '../notify/notification-kinds.js';
import { sinkHealth, webhookSinkId, type SinkHealth } from '../notify/notification-store.js';
import { addWebhook, readNotifyConfig, removeWebhook, setNotifySwitches } from '../notify/notify-settings.js';
import { sendTestNotification } from '../notify/send-test-notification.js';
import { isWebhookFormat, WEBHOOK_FORMATS, type WebhookFormat } from '../notify/webhook-request.js';

/** `ao notify …`: the notifications config in `$AO_HOME/config.json` (docs/notifications.md). */

interface JsonOption {
  json?: boolean;
}

/** What `ao notify ls` reports of deliveries: the last day's. */
const HEALTH_WINDOW_MS = 24 * 60 * 60 * 1000;

export function addWebhookCommand(context: CliContext, url: string, options: JsonOption & { format?: string; minPriority?: string }): void {
  const format = options.format ?? 'json';
  if (!isWebhookFormat(format)) throw invalidArgument(`--format must be one of ${WEBHOOK_FORMATS.join(', ')}, got ${JSON.stringify(format)}`);
  const minPriority = parsePriority(options.minPriority ?? 'low');
  const webhook = addWebhook(context.paths.home, { url, format: format as WebhookFormat, minPriority });
  if (options.json) return printJson(webhook);
  process.stdout.write(`added webhook ${webhook.id}: ${webhook.url} (${webhook.format}, ${webhook.minPriority} priority and up); ao notify test sends it a test\n`);
}

export function listNotifyCommand(context: CliContext, options: JsonOption): void {
  const config = readNotifyConfig(context.paths.home);
  const desktop = findDesktopCommand();
  const health = deliveryHealth(context);
  const report = {
    desktop: { enabled: config.desktop, available: desktop !== null, command: desktop?.kind ?? null },
    turnDone: config.turnDone,
    webhooks: config.webhooks.map((webhook) => ({ ...webhook, deliveries: health(webhookSinkId(webhook.id)) })),
  };
  if (options.json) return printJson(report);
  const desktopLine = !config.desktop ? 'off' : desktop ? `on (${desktop.kind})` : `on, but ${whyNoDesktop()}: none are shown`;
  const lines = [`desktop: ${desktopLine}`, `turn done: ${config.turnDone ? 'on' : 'off'}`];
  if (report.webhooks.length === 0) lines.push('webhooks: none (ao notify add-webhook URL adds one)');
  else {
    const rows = report.webhooks.map((webhook) => [webhook.id, webhook.format, webhook.minPriority, describeHealth(webhook.deliveries), webhook.url]);
    lines.push('', renderTable(['ID', 'FORMAT', 'MIN', 'LAST 24H', 'URL'], rows));
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function removeWebhookCommand(context: CliContext, idOrUrl: string, options: JsonOption): void {
  const removed = removeWebhook(context.paths.home, idOrUrl);
  if (options.json) return printJson({ removed });
  for (const webhook of removed) process.stdout.write(`removed webhook ${webhook.id}: ${webhook.url}\n`);
}

export function setNotifyCommand(context: CliContext, options: JsonOption & { desktop?: string; turnDone?: string }): void {
  if (options.desktop === undefined && options.turnDone === undefined) throw invalidArgument('nothing to set: give --desktop on|off and/or --turn-done on|off');
  const config = setNotifySwitches(context.paths.home, {
    ...(options.desktop !== undefined && { desktop: parseSwitch(options.desktop, '--desktop') }),
    ...(options.turnDone !== undefined && { turnDone: parseSwitch(options.turnDone, '--turn-done') }),
  });
  if (options.json) return printJson({ desktop: config.desktop, turnDone: config.turnDone });
  process.stdout.write(`desktop: ${config.desktop ? 'on' : 'off'}, turn done: ${config.turnDone ? 'on' : 'off'}\n`);
}

/** Returns the exit code: 1 when a sink failed. */
export async function testNotifyCommand(context: CliContext, options: JsonOption): Promise<number> {
  const config = readNotifyConfig(context.paths.home);
  const results = await sendTestNotification(context.paths.home, config);
  if (!results.some((result) => result.status !== 'unavailable')) {
    const why = results.length > 0 ? `${results[0]!.error}, and no webhook is configured` : 'desktop notifications are off and no webhook is configured';
    throw new CliError('no_notification_sinks', `nothing to send a test to: ${why}; add one with ao notify add-webhook URL`);
  }
  const failed = results.some((result) => result.status === 'failed');
  if (options.json) printJson({ results });
  else {
    const rows = results.map((result) => [result.sink, result.status, result.error ?? '', result.target ?? '']);
    process.stdout.write(`${renderTable(['SINK', 'RESULT', 'ERROR', 'TARGET'], rows)}\n`);
  }
  return failed ? 1 : 0;
}

function parsePriority(value: string): Priority {
  if (!isPriority(value)) throw invalidArgument(`--min-priority must be one of ${PRIORITIES.join(', ')}, got ${JSON.stringify(value)}`);
  return value;
}

function parseSwitch(value: string, flag: string): boolean {
  if (value === 'on' || value === 'true') return true;
  if (value === 'off' || value === 'false') return false;
  throw invalidArgument(`${flag} must be on or off, got ${JSON.stringify(value)}`);
}

/** Each sink's last day of deliveries; null for all when the store does not open (the config is still shown). */
function deliveryHealth(context: CliContext): (sink: ReturnType<typeof webhookSinkId>) => SinkHealth | null {
  try {
    const store = context.store;
    const since = Date.now() - HEALTH_WINDOW_MS;
    return (sink) => sinkHealth(store, sink, since);
  } catch {
    return () => null;
  }
}

function describeHealth(health: SinkHealth | null): string {
  if (health === null) return '?';
  const parts = [`${health.delivered} sent`];
  if (health.retrying > 0) parts.push(`${health.retrying} retrying`);
  if (health.failed > 0) parts.push(`${health.failed} failed`);
  if (health.lastError !== null && (health.retrying > 0 || health.failed > 0)) parts.push(`last error: ${health.lastError}`);
  return parts.join(', ');
}
