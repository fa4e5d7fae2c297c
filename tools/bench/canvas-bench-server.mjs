// Builds the editor for production into CANVAS_BENCH_OUT and serves it with `vite preview`, so the canvas benchmark
// measures what marketers run (no development React, no StrictMode double renders).
// Env: EDITOR_PORT, RAPPORT_API_URL, CANVAS_BENCH_OUT. Prints "ready <url>" once listening; closes on SIGTERM.
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

const configFile = fileURLToPath(new URL('../../apps/editor/vite.config.ts', import.meta.url));
const outDir = process.env.CANVAS_BENCH_OUT;
if (!outDir) throw new Error('CANVAS_BENCH_OUT is not set');

await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
const server = await preview({ configFile, logLevel: 'warn', build: { outDir } });
process.stdout.write(`ready ${server.resolvedUrls?.local[0] ?? ''}\n`);

const close = () => server.close().then(() => process.exit(0));
process.once('SIGTERM', close);
process.once('SIGINT', close);
