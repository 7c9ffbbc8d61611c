import { newId } from '@ao/lifecycle';
import { CliError, invalidArgument, notFound } from '../cli-error.js';
import { readConfigDocument, updateConfigKey } from './config-file.js';
import type { Priority } from './notification-kinds.js';
import { checkWebhookUrl, notifyConfigOf, NOTIFY_CONFIG_KEY, type NotifyConfig, type WebhookConfig } from './notify-config.js';
import type { WebhookFormat } from './webhook-request.js';

/**
 * Reading and changing the notifications config (`ao notify add-webhook`, `rm`, `set`): each
 * change reads the file, checks what it holds, and writes back only the `notifications` key.
 */
export function readNotifyConfig(home: string): NotifyConfig {
  const parsed = notifyConfigOf(readConfigDocument(home));
  if (!parsed.ok) throw invalidConfig(home, parsed.error);
  return parsed.config;
}

export function addWebhook(home: string, input: { url: string; format: WebhookFormat; minPriority: Priority }): WebhookConfig {
  const checked = checkWebhookUrl(input.url);
  if (!checked.ok) throw invalidArgument(checked.error);
  let added: WebhookConfig | undefined;
  changeNotifyConfig(home, (config) => {
    const existing = config.webhooks.find((webhook) => webhook.url === checked.url && webhook.format === input.format);
    if (existing) throw new CliError('webhook_exists', `${checked.url} is already a ${input.format} webhook (id ${existing.id}); remove it first with ao notify rm ${existing.id} to change it`);
    added = { id: newId(8), url: checked.url, format: input.format, minPriority: input.minPriority };
    return { ...config, webhooks: [...config.webhooks, added] };
  });
  return added!;
}

/** Removes the webhooks with this id, or this URL. */
export function removeWebhook(home: string, idOrUrl: string): WebhookConfig[] {
  let removed: WebhookConfig[] = [];
  changeNotifyConfig(home, (config) => {
    const url = checkWebhookUrl(idOrUrl);
    removed = config.webhooks.filter((webhook) => webhook.id === idOrUrl || webhook.url === idOrUrl || (url.ok && webhook.url === url.url));
    if (removed.length === 0) throw notFound(`no webhook has the id or URL ${JSON.stringify(idOrUrl)}; ao notify ls lists them`);
    return { ...config, webhooks: config.webhooks.filter((webhook) => !removed.includes(webhook)) };
  });
  return removed;
}

export function setNotifySwitches(home: string, switches: { desktop?: boolean; turnDone?: boolean }): NotifyConfig {
  return changeNotifyConfig(home, (config) => ({
    ...config,
    ...(switches.desktop !== undefined && { desktop: switches.desktop }),
    ...(switches.turnDone !== undefined && { turnDone: switches.turnDone }),
  }));
}

function changeNotifyConfig(home: string, change: (config: NotifyConfig) => NotifyConfig): NotifyConfig {
  return updateConfigKey(home, NOTIFY_CONFIG_KEY, (current) => {
    const parsed = notifyConfigOf({ [NOTIFY_CONFIG_KEY]: current });
    if (!parsed.ok) throw invalidConfig(home, parsed.error);
    return change(parsed.config);
  });
}

function invalidConfig(home: string, error: string): CliError {
  return new CliError('malformed_file', `${home}/config.json is not valid (${error}); fix that key or remove it`);
}
