import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';

/**
 * `ao notify …` on the command line. Only the definitions live here (program.ts loads this for
 * every command); what each does is loaded when it runs (commands/notify-commands.ts).
 */
export function addNotifyCommands(program: Command, context: CliContext, setExit: (code: number) => void, jsonHelp: string): void {
  const actions = () => import('../commands/notify-commands.js');
  const notify = program.command('notify').description('where ao tells you that a session needs you: desktop notifications and webhooks (json, slack, ntfy)');

  notify
    .command('add-webhook <url>')
    .description('POST notifications to this http(s) URL')
    .option('--format <format>', 'json (the notification object), slack ({text}) or ntfy (text, Title/Priority/Click headers)', 'json')
    .option('--min-priority <priority>', 'send only notifications at least this loud: low, high or urgent', 'low')
    .option('--json', jsonHelp)
    .action(async (url: string, options) => (await actions()).addWebhookCommand(context, url, options));

  notify
    .command('ls')
    .description('the desktop and turn-done switches, and each webhook with its last day of deliveries')
    .option('--json', jsonHelp)
    .action(async (options) => (await actions()).listNotifyCommand(context, options));

  notify
    .command('rm <id-or-url>')
    .description('remove a webhook (by the id ao notify ls shows, or its URL)')
    .option('--json', jsonHelp)
    .action(async (idOrUrl: string, options) => (await actions()).removeWebhookCommand(context, idOrUrl, options));

  notify
    .command('set')
    .description('turn desktop notifications, or a notification for every finished turn, on or off')
    .option('--desktop <on|off>', 'desktop notifications (notify-send, osascript)')
    .option('--turn-done <on|off>', 'also notify each turn that ends without an error (low priority)')
    .option('--json', jsonHelp)
    .action(async (options) => (await actions()).setNotifyCommand(context, options));

  notify
    .command('test')
    .description('send a test notification to every sink now and report each answer (exit 1 when one fails)')
    .option('--json', jsonHelp)
    .action(async (options) => setExit(await (await actions()).testNotifyCommand(context, options)));
}
