import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
// The server the dev server forwards API and realtime calls to (npm run dev).
const server = process.env.HALLQ_SERVER ?? 'http://127.0.0.1:3103';

export default defineConfig({
  base: '/console/',
  plugins: [react()],
  resolve: {
    alias: {
      '@hallq/shared': here('../../packages/shared/src/index.ts'),
      '@hallq/client': here('../../packages/client/src/index.ts'),
    },
  },
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: {
      '/api': server,
      '/socket.io': { target: server, ws: true },
    },
  },
});
