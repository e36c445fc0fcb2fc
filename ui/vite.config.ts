import { defineConfig } from 'vitest/config';

// `npm run dev` serves the UI with hot reload and sends API calls to a running server
// (TASKSTREAM_URL, default http://localhost:8080), so the session cookie stays same-origin.
const server = process.env.TASKSTREAM_URL ?? 'http://localhost:8080';

export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: {
    // Maven packages this folder into the ui jar; the server serves it at /.
    outDir: 'target/classes/static',
    emptyOutDir: true,
    assetsDir: 'assets',
    rollupOptions: {
      // TanStack Query marks its modules "use client" for server-component bundlers; a plain SPA has no use for it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: server, ws: true },
      '/v3/api-docs': server,
      '/actuator': server,
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
  },
});
