import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath, URL } from 'node:url';
import { kbPlugin } from './scripts/vite-plugin-kb.ts';

export default defineConfig({
  plugins: [react(), kbPlugin()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  // The log analyzer's worker imports the knowledge-base index itself (src/workers/scan-worker.ts):
  // worker bundles get their own plugins, and ES format so the worker can be a module worker.
  worker: {
    format: 'es',
    plugins: () => [kbPlugin()],
  },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
});
