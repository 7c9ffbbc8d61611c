/**
 * Tells the event streams that the log may have grown. The daemon notifies after each of its
 * ingestion passes and operations, and when the log's last seq moved because another process
 * wrote it (an `ao approve` run in a terminal): streams then read the store from their cursor, so
 * a notification carries nothing and a missed or extra one costs nothing but a query.
 */
export class EventHub {
  private readonly listeners = new Set<() => void>();

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const listener of this.listeners) listener();
  }

  get subscribers(): number {
    return this.listeners.size;
  }
}
