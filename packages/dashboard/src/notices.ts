/**
 * What an action from the page came to, per session: kept apart from the session's row content, so
 * a message stays readable after the live update that made the button it answers disappear.
 */
export interface Notice {
  kind: 'done' | 'refused';
  text: string;
}

export class Notices {
  private readonly bySession = new Map<string, Notice>();
  private readonly listeners = new Set<() => void>();

  get(sessionId: string): Notice | undefined {
    return this.bySession.get(sessionId);
  }

  set(sessionId: string, notice: Notice | null): void {
    if (notice === null) this.bySession.delete(sessionId);
    else this.bySession.set(sessionId, notice);
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
