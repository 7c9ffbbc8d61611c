import { desktopSink, type DesktopCommand } from './desktop-sink.js';
import type { NotifyConfig } from './notify-config.js';
import type { Sink } from './sink.js';
import { webhookSink } from './webhook-sink.js';

/** The sinks a config asks for: the desktop when it is on and the machine has one, and each webhook. */
export function configuredSinks(config: NotifyConfig, desktop: DesktopCommand | null): Sink[] {
  return [...(config.desktop && desktop !== null ? [desktopSink(desktop)] : []), ...config.webhooks.map(webhookSink)];
}
