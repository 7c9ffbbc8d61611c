import type { EventObject, SessionObject } from '@ao/protocol';
import { apiGet } from './api.js';

export type Connection = 'connecting' | 'live' | 'reconnecting' | 'signed-out';

export interface LiveState {
  sessions: SessionObject[];
  loaded: boolean;
  connection: Connection;
  showTerminated: boolean;
}

const EVENT_TYPES = ['transition', 'signal', 'lifecycle', 'external'] as const;
/** After the stream was refused (not a network drop, which EventSource retries itself): try again this soon. */
const REOPEN_AFTER_MS = 2000;

/**
 * The sessions as the daemon has them, kept current by its event stream (docs/dashboard.md,
 * "Live"): the list is read once, then again after events arrive (coalesced: one read in flight,
 * one queued), never on a timer, except once at the moment a status ages by time alone (the
 * daemon names it: `Ao-Status-Changes-At`). The stream starts after the seq the list was read at
 * (`Ao-Event-Seq`) and EventSource resumes it after the last id it got when it drops.
 */
export class LiveSessions {
  state: LiveState = { sessions: [], loaded: false, connection: 'connecting', showTerminated: false };
  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<(event: EventObject) => void>();
  private source: EventSource | null = null;
  private lastSeq = 0;
  private streamed = false;
  private reading = false;
  private readAgain = false;
  private agingTimer: ReturnType<typeof setTimeout> | undefined;

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onEvent(listener: (event: EventObject) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  private set(patch: Partial<LiveState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  signedOut(): void {
    this.source?.close();
    this.source = null;
    this.set({ connection: 'signed-out' });
  }

  async start(): Promise<void> {
    if (await this.read()) this.openStream();
  }

  setShowTerminated(showTerminated: boolean): void {
    this.set({ showTerminated });
    this.refresh();
  }

  /** Reads the list again soon; calls while a read runs make one more read after it. */
  refresh(): void {
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    void this.read();
  }

  private async read(): Promise<boolean> {
    this.reading = true;
    try {
      const result = await apiGet<{ sessions: SessionObject[] }>(`/v1/sessions${this.state.showTerminated ? '?all=1' : ''}`);
      if (!result.ok) return false;
      // The first read says where the stream starts; later ones must not skip events the stream will bring.
      if (!this.streamed) this.lastSeq = Number(result.headers.get('ao-event-seq') ?? 0) || 0;
      this.scheduleAging(result.headers.get('ao-status-changes-at'));
      this.set({ sessions: result.body.sessions, loaded: true });
      return true;
    } finally {
      this.reading = false;
      if (this.readAgain) {
        this.readAgain = false;
        void this.read();
      }
    }
  }

  private scheduleAging(at: string | null): void {
    clearTimeout(this.agingTimer);
    if (at === null) return;
    const delay = Date.parse(at) - Date.now();
    if (Number.isFinite(delay)) this.agingTimer = setTimeout(() => this.refresh(), Math.max(0, delay) + 50);
  }

  private openStream(): void {
    if (this.state.connection === 'signed-out') return;
    this.streamed = true;
    const source = new EventSource(`/v1/events/stream?after=${this.lastSeq}`);
    this.source = source;
    source.onopen = () => {
      const wasDown = this.state.connection === 'reconnecting';
      this.set({ connection: 'live' });
      if (wasDown) this.refresh();
    };
    source.onerror = () => {
      if (this.source !== source) return;
      this.set({ connection: 'reconnecting' });
      if (source.readyState === EventSource.CLOSED) {
        // Refused rather than dropped (EventSource gives up on an error status): a 401 means signed out.
        source.close();
        this.source = null;
        setTimeout(() => void this.read().then((ok) => (ok ? this.openStream() : this.state.connection !== 'signed-out' && setTimeout(() => this.openStream(), REOPEN_AFTER_MS))), REOPEN_AFTER_MS);
      }
    };
    for (const type of EVENT_TYPES) {
      source.addEventListener(type, (message) => {
        const event = JSON.parse((message as MessageEvent<string>).data) as EventObject;
        this.lastSeq = Math.max(this.lastSeq, event.seq);
        for (const listener of this.eventListeners) listener(event);
        this.refresh();
      });
    }
  }
}
