import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server serves dist/index.html at /display, /display/window/:n and /rating/:n, and the
// assets (and clips) under /display/.
export default defineConfig({
  root: path.resolve(__dirname, 'src/renderer'),
  base: '/display/',
  publicDir: path.resolve(__dirname, 'public'),
  plugins: [react()],
  resolve: {
    alias: {
      '@hallq/shared': path.resolve(__dirname, '../../packages/shared/src/index.ts'),
      '@hallq/client': path.resolve(__dirname, '../../packages/client/src/index.ts'),
    },
  },
  build: { outDir: path.resolve(__dirname, 'dist'), emptyOutDir: true },
  server: { port: 5174, proxy: { '/api': 'http://127.0.0.1:3000', '/socket.io': { target: 'ws://127.0.0.1:3000', ws: true } } },
});
