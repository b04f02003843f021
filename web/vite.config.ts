/**
 * Builds the portal into web/dist, which the gateway serves at `/` (src/gateway/routes/portal.ts).
 * The gateway's CSP allows scripts from 'self' only, so nothing may be inlined into index.html.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webDir = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: webDir,
  base: '/',
  plugins: [react()],
  publicDir: path.join(webDir, 'public'),
  build: {
    outDir: path.join(webDir, 'dist'),
    emptyOutDir: true,
    // No inline polyfill script: CSP script-src 'self'.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
  },
  server: {
    // `npx vite --config web/vite.config.ts` during development, with a running `npm start`.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
