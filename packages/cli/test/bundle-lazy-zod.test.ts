import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * zod costs ~45 ms to import: `ao ls` and the hook path must not load it, while the daemon and the
 * session host, which validate what other processes send them, do. Read from the built bundle
 * (what `bin/ao` runs): every module a path loads before it runs, following static imports.
 */
const BUNDLE = resolve(dirname(fileURLToPath(import.meta.url)), '../dist/bundle');

function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|[;\n])\s*import\s*(?:[^'"()]*?\sfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g)].map((match) => resolve(dirname(file), match[1] as string));
}

/** The chunk a lazy `import("./x.js")` became: chunks/x-HASH.js. */
function lazyChunk(name: string): string {
  const found = readdirSync(join(BUNDLE, 'chunks')).filter((file) => new RegExp(`^${name}-[A-Z0-9]+\\.js$`).test(file));
  if (found.length !== 1) throw new Error(`expected one chunk named ${name}, found ${found.length}`);
  return join(BUNDLE, 'chunks', found[0] as string);
}

function loadsZod(entry: string, seen = new Set<string>()): boolean {
  if (seen.has(entry)) return false;
  seen.add(entry);
  if (readFileSync(entry, 'utf8').includes('ZodError')) return true;
  return staticImports(entry).some((next) => loadsZod(next, seen));
}

describe('zod stays off the fast paths of the bundle', () => {
  it('ao ls (daemon-served and direct) and the hook path load no zod; the daemon and the session host do', () => {
    expect(loadsZod(join(BUNDLE, 'main.js'))).toBe(false);
    expect(loadsZod(join(BUNDLE, 'fast-ls.js'))).toBe(false);
    expect(loadsZod(lazyChunk('direct-ls'))).toBe(false);
    expect(loadsZod(lazyChunk('hooks-entry'))).toBe(false);
    // The check can see zod where it is loaded:
    expect(loadsZod(join(BUNDLE, 'host-main.js'))).toBe(true);
    expect(loadsZod(lazyChunk('daemon-loop'))).toBe(true);
    expect(loadsZod(lazyChunk('program'))).toBe(false);
  });
});
