import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

const backend = process.env.VP_BACKEND_URL ?? 'http://localhost:8080'

export default defineConfig({
  plugins: [vue()],
  build: {
    outDir: 'target/classes/public',
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/api': backend,
      '/health': backend,
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.ts'],
    setupFiles: ['src/testing/setup.ts'],
    // the first mount of a desk page transforms much of Element Plus
    testTimeout: 60000, // first mounts of the biggest desk pages took 20 s on a loaded 2-core machine
    // the kits' per-component style modules import .css files, which only Vite can load
    server: { deps: { inline: ['element-plus', 'vant'] } },
  },
})
