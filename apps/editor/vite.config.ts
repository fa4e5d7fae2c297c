import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, loadEnv } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const workspaceRoot = fileURLToPath(new URL('../../', import.meta.url));

// The editor signs in like any browser: its /api requests carry the session cookie (same origin through this
// proxy) and a CSRF token. No API key goes through the dev server.
export default defineConfig(({ mode }) => {
  const env = { ...loadEnv(mode, workspaceRoot, ''), ...process.env };
  const apiUrl = env['RAPPORT_API_URL'] || 'http://127.0.0.1:3000';
  const port = Number(env['EDITOR_PORT'] || 5173);
  // 0.0.0.0 inside a container; loopback otherwise, so a laptop never exposes the dev server.
  const host = env['EDITOR_HOST'] || '127.0.0.1';
  const proxy = { '/api': { target: apiUrl, changeOrigin: true } };

  return {
    root,
    cacheDir: `${workspaceRoot}node_modules/.vite/editor`,
    plugins: [react()],
    // Pre-bundled up front, so the dev server never reloads the page on discovering a dependency.
    optimizeDeps: {
      include: [
        'react',
        'react/jsx-runtime',
        'react/jsx-dev-runtime',
        'react-dom/client',
        '@xyflow/react',
        'zod',
        'luxon',
        'elkjs/lib/elk.bundled.js',
      ],
    },
    resolve: {
      alias: {
        '@rapport/journey': `${workspaceRoot}libs/journey/src/index.ts`,
        '@rapport/messages': `${workspaceRoot}libs/messages/src/index.ts`,
      },
    },
    server: { host, port, strictPort: true, proxy },
    preview: { host, port, strictPort: true, proxy },
    // React, React Flow, zod and luxon make one ~600 kB chunk; fine for an editor loaded once.
    build: {
      outDir: `${workspaceRoot}dist/apps/editor`,
      emptyOutDir: true,
      sourcemap: true,
      chunkSizeWarningLimit: 800,
    },
  };
});
