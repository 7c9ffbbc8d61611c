import type { HarnessAdapter } from './adapter-contract.js';
import { ADAPTER_SPECIFICATION_VERSION, AdapterSpecificationError } from './specification-version.js';

export class UnknownHarnessError extends Error {
  readonly code = 'unknown_harness';
  constructor(
    readonly requested: string,
    readonly known: readonly string[],
  ) {
    super(`unknown harness "${requested}"; known harnesses: ${known.join(', ')}`);
    this.name = 'UnknownHarnessError';
  }
}

/** The allow-list of harnesses: lookup by canonical id or alias. */
export class AdapterRegistry {
  private readonly byName = new Map<string, HarnessAdapter>();
  private readonly adapters: HarnessAdapter[] = [];

  constructor(adapters: Iterable<HarnessAdapter> = []) {
    for (const adapter of adapters) this.register(adapter);
  }

  /** Adds an adapter; refuses one written against another contract version, or claiming a taken name. */
  register(adapter: HarnessAdapter): void {
    // Read as unknown: an adapter compiled against another version of these types gets here too.
    const declared: unknown = (adapter as { specificationVersion?: unknown }).specificationVersion;
    if (declared !== ADAPTER_SPECIFICATION_VERSION) throw new AdapterSpecificationError(adapter.id, declared);
    for (const name of [adapter.id, ...adapter.aliases]) {
      const existing = this.byName.get(name);
      if (existing) throw new Error(`harness name "${name}" is claimed by both ${existing.id} and ${adapter.id}`);
    }
    for (const name of [adapter.id, ...adapter.aliases]) this.byName.set(name, adapter);
    this.adapters.push(adapter);
  }

  /** The adapter for an id or alias; throws UnknownHarnessError listing the known ids. */
  get(name: string): HarnessAdapter {
    const adapter = this.find(name);
    if (!adapter) throw new UnknownHarnessError(name, this.ids());
    return adapter;
  }

  find(name: string): HarnessAdapter | undefined {
    return this.byName.get(name);
  }

  /** The canonical id for an id or alias. */
  canonicalId(name: string): string {
    return this.get(name).id;
  }

  ids(): string[] {
    return this.adapters.map((adapter) => adapter.id);
  }

  list(): readonly HarnessAdapter[] {
    return this.adapters;
  }
}
