import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = process.env.DOANHOI_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': {
        target: apiTarget,
        // better-auth checks Origin against its base URL; in dev the browser's origin is Vite's.
        configure: (proxy) => {
          proxy.on('proxyReq', (req) => {
            if (req.getHeader('origin')) req.setHeader('origin', apiTarget);
          });
        },
      },
    },
  },
});
