import { defineConfig } from 'vite';

// The page is served by `ao daemon` under `Content-Security-Policy: default-src 'self'`: everything
// it loads is a file of dist/ (no CDN, no inline script), named by content hash so it can be cached
// for good (docs/dashboard.md, "Assets").
export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    // No inline `data:` assets: CSP default-src 'self' would refuse them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2022',
    reportCompressedSize: false,
  },
});
