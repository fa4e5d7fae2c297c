// Starts the editor's Vite dev server with its own config, for the browser test (Vite is ESM-only, Jest loads CommonJS).
// Env: EDITOR_PORT, RAPPORT_API_URL. Prints "ready <url>" once listening; closes on SIGTERM.
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const configFile = fileURLToPath(new URL('../../apps/editor/vite.config.ts', import.meta.url));
const server = await createServer({ configFile, logLevel: 'warn', clearScreen: false });
await server.listen();
process.stdout.write(`ready ${server.resolvedUrls?.local[0] ?? ''}\n`);

const close = () => server.close().then(() => process.exit(0));
process.once('SIGTERM', close);
process.once('SIGINT', close);
