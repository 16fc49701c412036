import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Two pages from one renderer: the kiosk (/kiosk) and the visitor's phone status page
// (/t/:publicId). The server serves dist/index.html and dist/status.html, assets under /kiosk/.
export default defineConfig({
  root: resolve(__dirname, 'src/renderer'),
  base: '/kiosk/',
  plugins: [react()],
  resolve: {
    alias: {
      '@hallq/shared': resolve(__dirname, '../../packages/shared/src/index.ts'),
      '@hallq/client': resolve(__dirname, '../../packages/client/src/index.ts'),
    },
  },
  build: {
    outDir: resolve(__dirname, 'dist'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        index: resolve(__dirname, 'src/renderer/index.html'),
        status: resolve(__dirname, 'src/renderer/status.html'),
        hall: resolve(__dirname, 'src/renderer/hall.html'),
      },
    },
  },
  server: {
    port: 5174,
    proxy: { '/api': 'http://127.0.0.1:3101', '/socket.io': { target: 'ws://127.0.0.1:3101', ws: true } },
  },
});
