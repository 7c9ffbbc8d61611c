import { describe, expect, it } from 'vitest';
import { ADAPTER_SPECIFICATION_VERSION, AdapterRegistry, AdapterSpecificationError, type HarnessAdapter, UnknownHarnessError } from '../src/index.js';

/** The least an adapter can be; the registry only reads its names. */
function toyAdapter(id: string, aliases: string[] = []): HarnessAdapter {
  return {
    specificationVersion: 'v1',
    id,
    displayName: `Toy ${id}`,
    aliases,
    binary: id,
    versions: null,
    hookCapable: true,
    signalsAtStartup: true,
    permissionKeys: null,
    hooks: {
      install: (dir) => ({ harness: id, dir, changed: false, files: [], notes: [] }),
      uninstall: (dir) => ({ harness: id, dir, changed: false, files: [], notes: [] }),
      status: (dir) => ({ harness: id, dir, installed: true, files: [], problems: [] }),
    },
    derive: () => null,
    buildLaunch: () => ({ command: id, args: [], env: {}, files: [] }),
  };
}

describe('AdapterRegistry', () => {
  it('finds an adapter by id or alias, and lists ids in registration order', () => {
    const alpha = toyAdapter('alpha', ['a']);
    const beta = toyAdapter('beta');
    const registry = new AdapterRegistry([alpha, beta]);
    expect(registry.get('a')).toBe(alpha);
    expect(registry.canonicalId('a')).toBe('alpha');
    expect(registry.ids()).toEqual(['alpha', 'beta']);
    expect(registry.find('gamma')).toBeUndefined();
  });

  it('refuses an unknown name with a typed error listing the known ids', () => {
    const registry = new AdapterRegistry([toyAdapter('alpha'), toyAdapter('beta')]);
    let error: unknown;
    try {
      registry.get('gamma');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnknownHarnessError);
    expect(error).toMatchObject({ code: 'unknown_harness', requested: 'gamma', known: ['alpha', 'beta'] });
    expect((error as Error).message).toBe('unknown harness "gamma"; known harnesses: alpha, beta');
  });

  it('refuses an adapter written against another specification version, naming it and the version it declares', () => {
    expect(ADAPTER_SPECIFICATION_VERSION).toBe('v1');
    const old = { ...toyAdapter('gemini-cli'), specificationVersion: 'v0' } as unknown as HarnessAdapter;
    expect(() => new AdapterRegistry([old])).toThrow(AdapterSpecificationError);
    expect(() => new AdapterRegistry([old])).toThrow(
      'adapter "gemini-cli" declares adapter specification version "v0", but this ao implements "v1": update the adapter to the "v1" contract',
    );
    const unversioned = { ...toyAdapter('qwen-code'), specificationVersion: undefined } as unknown as HarnessAdapter;
    expect(() => new AdapterRegistry([unversioned])).toThrow(/adapter "qwen-code" declares adapter specification version undefined/);
    const registry = new AdapterRegistry([toyAdapter('alpha')]);
    expect(() => registry.register(old)).toThrow(AdapterSpecificationError);
    expect(registry.ids()).toEqual(['alpha']);
  });

  it('refuses two adapters claiming one name', () => {
    const registry = new AdapterRegistry([toyAdapter('alpha', ['a'])]);
    expect(() => registry.register(toyAdapter('beta', ['a']))).toThrow('harness name "a" is claimed by both alpha and beta');
  });
});
