import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The built page: `packages/dashboard/dist` (Vite's output), found through the workspace link. */
export function dashboardDistDir(): string | null {
  try {
    const manifest = createRequire(import.meta.url).resolve('@ao/dashboard/package.json');
    const dist = join(dirname(manifest), 'dist');
    return statSync(join(dist, 'index.html')).isFile() ? dist : null;
  } catch {
    return null;
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface Asset {
  body: Buffer;
  /** The same bytes gzipped, when that is smaller (text): what a browser that accepts gzip gets. */
  gzip: Buffer | null;
  contentType: string;
  etag: string;
}

/** Only names Vite writes (`index-3fa9c2.js`): nothing with a slash or `..` reaches the filesystem. */
const ASSET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The files of dist/, read and gzipped once per version of each file (its mtime and size), so a
 * rebuild is picked up by a running daemon without a restart.
 */
export class DashboardAssets {
  private readonly cache = new Map<string, { version: string; asset: Asset }>();

  constructor(private readonly distDir: string) {}

  /** `index.html`, or `assets/<name>`; null when there is no such file. */
  get(relativePath: 'index.html' | `assets/${string}`): Asset | null {
    if (relativePath !== 'index.html' && !ASSET_NAME.test(relativePath.slice('assets/'.length))) return null;
    const path = join(this.distDir, relativePath);
    let version: string;
    try {
      const stat = statSync(path);
      if (!stat.isFile()) return null;
      version = `${stat.mtimeMs}:${stat.size}`;
    } catch {
      return null;
    }
    const cached = this.cache.get(path);
    if (cached?.version === version) return cached.asset;
    const body = readFileSync(path);
    const contentType = CONTENT_TYPES[extname(path)] ?? 'application/octet-stream';
    const gzipped = /^(text\/|image\/svg|application\/json)/.test(contentType) ? gzipSync(body, { level: 9 }) : null;
    const asset: Asset = { body, gzip: gzipped && gzipped.length < body.length ? gzipped : null, contentType, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
    this.cache.set(path, { version, asset });
    return asset;
  }
}
