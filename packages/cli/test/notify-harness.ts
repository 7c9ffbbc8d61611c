import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { aoJson, runAo, tempDir } from './ao-harness.js';
import { join } from 'node:path';
import { api, startApiDaemon, type RunningDaemon } from './api-harness.js';
import { DEMO_ENV, isAlive, waitFor } from './runtime-harness.js';

/** One POST a webhook receiver got. */
export interface ReceivedPost {
  path: string;
  headers: IncomingHttpHeaders;
  text: string;
  /** The body as JSON, when it is JSON. */
  json: any;
}

/** What the receiver answers a POST with: a status, or no answer at all (a hung receiver). */
export type Answer = number | 'hang';

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>`: add a path per webhook. */
  url: string;
  posts: ReceivedPost[];
  /** Every POST to `path` (all paths when omitted). */
  postsTo(path?: string): ReceivedPost[];
  /** Waits until `path` has received at least `count` POSTs; returns them all. */
  waitForPosts(count: number, path?: string, what?: string): Promise<ReceivedPost[]>;
  /** Sets how the next POSTs are answered (200 unless told). */
  answerWith(answer: (post: ReceivedPost, index: number) => Answer): void;
}

/**
 * A webhook receiver on 127.0.0.1 (the machine's edge, where a real ntfy or Slack would be):
 * records every POST and answers as the test says. Closed after each test of the file that
 * calls this, hung requests included.
 */
export function webhookReceiversClosedAfterEach(): () => Promise<WebhookReceiver> {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });
  return async () => {
    const posts: ReceivedPost[] = [];
    const hung: ServerResponse[] = [];
    let answer: (post: ReceivedPost, index: number) => Answer = () => 200;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown = null;
        try {
          json = JSON.parse(text);
        } catch {
          json = null;
        }
        const post: ReceivedPost = { path: req.url ?? '/', headers: req.headers, text, json };
        posts.push(post);
        const status = answer(post, posts.length - 1);
        if (status === 'hang') hung.push(res);
        else res.writeHead(status).end(status < 300 ? 'ok' : 'no');
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    closers.push(async () => {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      server.close();
    });
    const postsTo = (path?: string) => posts.filter((post) => path === undefined || post.path === path);
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      posts,
      postsTo,
      waitForPosts: (count, path, what) =>
        waitFor(what ?? `${count} POST(s) to ${path ?? 'the receiver'} (got ${postsTo(path).length})`, async () => (postsTo(path).length >= count ? postsTo(path) : undefined), 20_000),
      answerWith: (next) => {
        answer = next;
      },
    };
  };
}

/** The notification keys of a list of POSTs of the json format (a group's, each). */
export function keysOf(posts: ReceivedPost[]): string[] {
  return posts.flatMap((post) => (post.json?.kind === 'group' ? post.json.notifications.map((n: any) => n.key) : [post.json?.key]));
}

/**
 * A daemon for `aoHome` with desktop notifications off (the machine's own notify-send must not
 * pop up during tests) and fast retries.
 */
export async function notifyingDaemon(aoHome: string, env: Record<string, string> = {}): Promise<RunningDaemon> {
  await aoJson(aoHome, ['notify', 'set', '--desktop', 'off']);
  return startApiDaemon(aoHome, { ...DEMO_ENV, AO_NOTIFY_RETRY_BASE_MS: '100', ...env });
}

export async function addWebhook(aoHome: string, url: string, extra: string[] = []): Promise<{ id: string; url: string }> {
  return aoJson(aoHome, ['notify', 'add-webhook', url, ...extra]);
}

/**
 * The session object: from the running daemon's API when there is one (a request costs a few
 * milliseconds where `ao status` costs a Node start), else from `ao status --json`.
 */
export async function readSession(aoHome: string, id: string): Promise<any> {
  try {
    const info = JSON.parse(readFileSync(join(aoHome, 'run', 'api.json'), 'utf8')) as { url: string; pid: number };
    if (isAlive(info.pid)) {
      const token = readFileSync(join(aoHome, 'api-token'), 'utf8').trim();
      const answer = await api({ url: info.url, token } as RunningDaemon, 'GET', `/v1/sessions/${id}`);
      if (answer.status === 200) return answer.body;
    }
  } catch {
    // no daemon, or it just went: ask the CLI
  }
  return aoJson(aoHome, ['status', id]);
}

export function waitForSession(aoHome: string, id: string, predicate: (session: any) => boolean, what: string): Promise<any> {
  return waitFor(what, async () => {
    const session = await readSession(aoHome, id);
    return predicate(session) ? session : undefined;
  }, 20_000);
}

/** A demo agent in a fresh directory, started. */
export async function spawnDemo(aoHome: string, name?: string): Promise<string> {
  const { id } = await aoJson(aoHome, ['spawn', '--agent', 'demo', '--cwd', tempDir('ao-project-'), ...(name ? ['--name', name] : [])], { env: DEMO_ENV });
  await waitForSession(aoHome, id, (session) => session.firstSignalAt !== null, 'the demo agent to start');
  return id;
}

/** Sends the demo a prompt and waits until its session is in `state`. */
export async function prompt(aoHome: string, id: string, text: string, state: string): Promise<any> {
  const sent = await runAo(aoHome, ['send', id, text, '--json']);
  if (sent.exitCode !== 0) throw new Error(`ao send ${text}: ${sent.stdout}${sent.stderr}`);
  return waitForSession(aoHome, id, (session) => session.activityState === state, `${id} to be ${state} after "${text}"`);
}

/** SIGKILLs a daemon (no cleanup at all, as a crash or the OOM killer) and waits for it to be gone. */
export async function killDaemon(daemon: RunningDaemon, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  daemon.process.kill(signal);
  await daemon.process;
}
