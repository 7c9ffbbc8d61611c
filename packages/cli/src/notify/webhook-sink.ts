import type { WebhookConfig } from './notify-config.js';
import { webhookSinkId } from './notification-store.js';
import { SEND_TIMEOUT_MS, type DeliveryResult, type Sink } from './sink.js';
import { webhookRequest } from './webhook-request.js';

/**
 * One configured webhook: a POST to its URL and nowhere else. Redirects are not followed (a
 * redirect would send the notification to a URL the user never configured); it is reported as a
 * failure naming where it pointed.
 */
export function webhookSink(webhook: WebhookConfig): Sink {
  return {
    id: webhookSinkId(webhook.id),
    target: webhook.url,
    minPriority: webhook.minPriority,
    send: async (outgoing, stop) => {
      const { headers, body } = webhookRequest(webhook.format, outgoing);
      let response: Response;
      try {
        response = await fetch(webhook.url, {
          method: 'POST',
          headers,
          body,
          redirect: 'manual',
          signal: AbortSignal.any([stop, AbortSignal.timeout(SEND_TIMEOUT_MS)]),
        });
      } catch (error) {
        return { ok: false, error: describeFetchError(error), permanent: false };
      }
      // The answer's body is not needed: let the connection go.
      await response.body?.cancel().catch(() => {});
      return resultOf(response);
    },
  };
}

function resultOf(response: Response): DeliveryResult {
  const { status } = response;
  if (status >= 200 && status < 300) return { ok: true };
  const statusLine = `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`;
  if (status >= 300 && status < 400) {
    const location = response.headers.get('location');
    return { ok: false, error: `${statusLine}: a redirect${location ? ` to ${location}` : ''}, which ao does not follow; configure the URL it points to`, permanent: true };
  }
  // The receiver refused the request itself: the same request again cannot succeed. Timeouts,
  // "too early" and rate limits are worth another try, as is any 5xx.
  const permanent = status >= 400 && status < 500 && ![408, 425, 429].includes(status);
  return { ok: false, error: statusLine, permanent };
}

function describeFetchError(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError') return `no answer within ${SEND_TIMEOUT_MS / 1000} s`;
  if (name === 'AbortError') return 'cancelled: the daemon stopped';
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  if (cause?.code) return `cannot connect (${cause.code})`;
  return `cannot send: ${cause?.message ?? (error as Error).message}`;
}
