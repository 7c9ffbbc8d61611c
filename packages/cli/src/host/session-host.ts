import { chmodSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { constants } from 'node:os';
import * as pty from 'node-pty';
import { captureSignal } from '@ao/lifecycle/capture';
import { Store, aoPaths, readProcessStartTime, type LifecycleLogger } from '@ao/lifecycle';
import type { HostEvent, HostReply } from './host-protocol.js';
import { encodeLine, lineReader } from '../socket-client.js';
import { hostRequestSchema } from './host-request-schema.js';
import { validate } from '../validated-json.js';
import type { LaunchSpec, SessionFiles } from './launch-spec.js';
import { RingLog } from './ring-log.js';
import { withUmask } from '../private-umask.js';
import { prepareSocketDirectory } from '../socket-place.js';
import { Screen } from './screen.js';

/** Pause between typing a message and pressing Enter: TUIs treat text+CR in one burst as a paste. */
const SUBMIT_DELAY_MS = 80;
/** Output quiet this long means the harness has drawn its screen and waits. */
const QUIET_MS = 250;

/**
 * The session host: one process per session. Owns the PTY the harness runs in, keeps its output,
 * serves attach / send / resize / kill on a unix socket, and when the harness exits writes
 * `process-exited` through the hook capture path — exit supervision for every harness.
 */
export class SessionHost {
  private readonly clients = new Set<Socket>();
  private readonly attached = new Set<Socket>();
  private server: Server | undefined;
  private agent: pty.IPty | undefined;
  private readonly startedAt = Date.now();
  private lastOutputAt = Date.now();
  private firstOutputAt: number | null = null;
  /** Set once the harness has shown its input prompt: later sends (into a dialog, say) need not see it again. */
  private promptSeen = false;
  private exited = false;
  private log: RingLog;
  private screen: Screen;

  constructor(
    private readonly spec: LaunchSpec,
    private readonly files: SessionFiles,
    private readonly logger: LifecycleLogger,
  ) {
    this.log = new RingLog(files.output, files.previousOutput);
    this.screen = new Screen(spec.cols, spec.rows);
  }

  /** Starts the harness and the control socket; resolves once both run. */
  async start(): Promise<void> {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    Object.assign(env, this.spec.env, {
      AO_SESSION_ID: this.spec.sessionId,
      AO_LAUNCH_ID: this.spec.launchId,
      AO_HOME: this.spec.aoHome,
      // Hooks run `ao`: make it this installation's, whatever else is on the user's PATH.
      PATH: `${this.spec.aoBinDir}:${env.PATH ?? '/usr/bin:/bin'}`,
      TERM: env.TERM && env.TERM !== 'dumb' ? env.TERM : 'xterm-256color',
    });
    delete env.AO_HOOKS_NODE;
    // The socket first: if it cannot be served, no agent is started that nobody could reach.
    await this.listen();
    // The agent writes the user's files: it gets their umask, not ao's private one (pty.spawn forks synchronously).
    this.agent = withUmask(this.spec.userUmask, () => pty.spawn(this.spec.command, this.spec.args, { name: 'xterm-256color', cols: this.spec.cols, rows: this.spec.rows, cwd: this.spec.cwd, env }));
    const agentPid = this.agent.pid;
    this.recordProcesses(agentPid);
    this.agent.onData((data) => this.onOutput(data));
    this.agent.onExit(({ exitCode, signal }) => void this.onAgentExit(exitCode, signal ?? 0));
    writeReadyFile(this.files.ready, { hostPid: process.pid, agentPid });
    this.logger.info({ sessionId: this.spec.sessionId, agentPid, command: this.spec.command }, 'session host started the agent');
  }

  /** Stops the agent: SIGTERM, then SIGKILL after the grace period. */
  kill(graceMs: number): void {
    if (!this.agent || this.exited) return;
    try {
      this.agent.kill('SIGTERM');
    } catch {
      // already gone
    }
    setTimeout(() => {
      if (!this.exited && this.agent) {
        try {
          process.kill(this.agent.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }, graceMs).unref();
  }

  private recordProcesses(agentPid: number): void {
    const store = Store.open(aoPaths(this.spec.aoHome).database);
    try {
      store.transaction(() => {
        const session = store.getSession(this.spec.sessionId);
        if (!session) return;
        store.saveSession({
          ...session,
          pid: agentPid,
          pidStartTime: readProcessStartTime(agentPid),
          hostPid: process.pid,
          hostStartTime: readProcessStartTime(process.pid),
          launchedAt: this.startedAt,
          updatedAt: Date.now(),
        });
      });
    } finally {
      store.close();
    }
  }

  private onOutput(data: string): void {
    this.lastOutputAt = Date.now();
    this.firstOutputAt ??= this.lastOutputAt;
    this.log.append(data);
    this.screen.write(data);
    if (this.attached.size === 0) return;
    const line = encodeLine({ ev: 'output', data: Buffer.from(data).toString('base64') } satisfies HostEvent);
    for (const client of this.attached) client.write(line);
  }

  private async onAgentExit(exitCode: number, signal: number): Promise<void> {
    this.exited = true;
    const signalText = signalName(signal);
    const payload = JSON.stringify({ exitCode: signalText ? null : exitCode, signal: signalText });
    // Through the same capture path as every hook: the exit is a signal like any other.
    captureSignal({
      args: [this.spec.harness, 'process-exited'],
      env: { AO_SESSION_ID: this.spec.sessionId, AO_LAUNCH_ID: this.spec.launchId },
      aoHome: this.spec.aoHome,
      readInput: () => Buffer.from(payload),
    });
    this.logger.info({ sessionId: this.spec.sessionId, exitCode, signal: signalText }, 'agent exited');
    const exitEvent = encodeLine({ ev: 'exit', exitCode: signalText ? null : exitCode, signal: signalText } satisfies HostEvent);
    for (const client of this.attached) client.end(exitEvent);
    this.shutdown();
  }

  private shutdown(): void {
    this.log.close();
    for (const client of this.clients) client.destroy();
    this.removeSocket();
    // Let the last writes flush, then go: the host never outlives its agent.
    setTimeout(() => process.exit(0), 50).unref();
  }

  /** Stops serving and removes the socket file (also when the launch failed after listening). */
  removeSocket(): void {
    this.server?.close();
    try {
      rmSync(this.files.socket, { force: true });
    } catch {
      // the socket directory became unusable: nothing of ours to remove there
    }
  }

  private listen(): Promise<void> {
    prepareSocketDirectory(this.spec.aoHome);
    const path = this.files.socket;
    rmSync(path, { force: true });
    this.server = createServer((socket) => this.onClient(socket));
    return new Promise((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(path, () => {
        try {
          chmodSync(path, 0o600);
          resolve();
        } catch (error) {
          reject(error);
        }
      });
    });
  }

  private onClient(socket: Socket): void {
    this.clients.add(socket);
    socket.on('close', () => {
      this.clients.delete(socket);
      this.attached.delete(socket);
    });
    socket.on('error', () => socket.destroy());
    socket.on(
      'data',
      lineReader((message) => void this.handle(socket, message)),
    );
  }

  private reply(socket: Socket, reply: HostReply): void {
    if (!socket.destroyed) socket.write(encodeLine(reply));
  }

  private async handle(socket: Socket, message: unknown): Promise<void> {
    const checked = validate(hostRequestSchema, message);
    if (!checked.ok) return this.reply(socket, { ok: false, error: `invalid request: ${checked.error}` });
    const request = checked.value;
    const agent = this.agent;
    if (!agent) return this.reply(socket, { ok: false, error: 'the agent is not running' });
    switch (request.op) {
      case 'status':
        return this.reply(socket, { ok: true, agentPid: agent.pid, hostPid: process.pid, alive: !this.exited });
      case 'screen':
        return this.reply(socket, { ok: true, screen: await this.screen.text() });
      case 'send': {
        if (this.exited) return this.reply(socket, { ok: false, error: 'the agent has exited' });
        await this.waitUntilReady();
        const sentAt = Date.now();
        agent.write(request.text);
        if (request.submit) {
          await sleep(SUBMIT_DELAY_MS);
          agent.write('\r');
        }
        return this.reply(socket, { ok: true, sentAt });
      }
      case 'write':
        if (!this.exited) agent.write(Buffer.from(request.data, 'base64').toString('utf8'));
        return;
      case 'resize':
        agent.resize(request.cols, request.rows);
        this.screen.resize(request.cols, request.rows);
        return;
      case 'kill':
        this.kill(request.graceMs);
        return this.reply(socket, { ok: true, agentPid: agent.pid });
      case 'attach':
        this.attached.add(socket);
        this.reply(socket, { ok: true, agentPid: agent.pid });
        if (request.replay) socket.write(encodeLine({ ev: 'output', data: Buffer.from(await this.screenReplay()).toString('base64') } satisfies HostEvent));
        return;
    }
  }

  /** What an attaching terminal is shown first: the current screen, drawn from the top. */
  private async screenReplay(): Promise<string> {
    return `\u001b[2J\u001b[H${(await this.screen.text()).replace(/\n/g, '\r\n')}`;
  }

  /**
   * Input typed before the harness listens is lost (or half taken: the text but not the Enter).
   * Wait until it has drawn something, its startup time has passed, the screen has been quiet for
   * a moment and, the first time, when the adapter knows it, its input prompt is on screen (later
   * sends may answer a question or a dialog, where the prompt is hidden). Bounded: after the
   * deadline the text is sent anyway and the caller's acknowledgement check tells the truth.
   */
  private async waitUntilReady(): Promise<void> {
    const pattern = this.spec.inputReadyPattern === null ? null : new RegExp(this.spec.inputReadyPattern);
    const deadline = Date.now() + this.spec.inputReadyDelayMs + 30_000;
    while (Date.now() < deadline) {
      const now = Date.now();
      const settled = this.firstOutputAt !== null && now - this.startedAt >= this.spec.inputReadyDelayMs && now - this.lastOutputAt >= QUIET_MS;
      if (settled && (pattern === null || this.promptSeen || pattern.test(await this.screen.text({ keepTrailingBlanks: true })))) {
        this.promptSeen = true;
        return;
      }
      await sleep(50);
    }
    // The text goes anyway; the caller's acknowledgement check tells whether it was taken.
    this.logger.warn({ sessionId: this.spec.sessionId, pattern: this.spec.inputReadyPattern }, 'typing into the agent without having seen its input prompt');
  }
}

/** Written under a temp name and renamed: \`ao spawn\` polls for it and must never read half of it. */
export function writeReadyFile(path: string, content: object): void {
  writeFileSync(`${path}.tmp`, JSON.stringify(content), { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function signalName(signal: number): string | null {
  if (!signal) return null;
  return Object.entries(constants.signals).find(([, number]) => number === signal)?.[0] ?? String(signal);
}
