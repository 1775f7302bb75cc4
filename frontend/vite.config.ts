import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

const backend = process.env.VP_BACKEND_URL ?? 'http://localhost:8080'

export default defineConfig({
  plugins: [vue()],
  build: {
    outDir: 'target/classes/public',
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      // ECharts (about 180 kB gzipped) in a chunk of its own, loaded only by the dashboard pages
      output: { codeSplitting: { groups: [{ name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ }] } },
    },
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
    // the first mount of a desk page transforms much of Element Plus: 20-70 s when the 2 cores
    // are shared with other builds (measured), a few seconds otherwise
    testTimeout: 90000,
    // the kits' per-component style modules import .css files, which only Vite can load
    server: { deps: { inline: ['element-plus', 'vant'] } },
  },
})
