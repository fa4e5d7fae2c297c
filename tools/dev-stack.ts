// npm start: migrations, demo seed, local mail viewer, then API, worker and editor as child processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { MailSink } from '@rapport/channels';
import { createEngine, loadConfig } from '@rapport/engine';
import { migrate } from '@rapport/persistence';
import { seedDemo } from './seed-demo';
import { seedDemoAccounts } from './seed-demo-accounts';

const ROOT = join(__dirname, '..');

const main = async () => {
  const env = process.env;
  const config = loadConfig(env);
  const mailSmtpPort = Number(env['MAIL_SMTP_PORT'] || 1025);
  const mailViewerPort = Number(env['MAIL_VIEWER_PORT'] || 8025);
  const editorPort = Number(env['EDITOR_PORT'] || 5173);

  // Local mail: an in-process SMTP sink with a page listing what was sent (unless SMTP_URL points elsewhere).
  const mail = new MailSink();
  const smtpUrl = env['SMTP_URL'] || `smtp://127.0.0.1:${mailSmtpPort}`;
  const urls = await mail.start({ smtpPort: env['SMTP_URL'] ? 0 : mailSmtpPort, httpPort: mailViewerPort });

  const engine = await createEngine({ ...config, SMTP_URL: smtpUrl }, { role: 'api' });
  const applied = await migrate(engine.db);
  if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);
  const keys = await seedDemo(engine, env);
  const logins = await seedDemoAccounts(engine, keys.apiKey, env);
  await engine.close();

  const childEnv = { ...env, SMTP_URL: smtpUrl, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json') };
  const children: ChildProcess[] = [];
  const run = (name: string, args: string[], extra: Record<string, string> = {}) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...childEnv, ...extra }, stdio: 'inherit' });
    child.on('exit', (code, signal) => {
      if (!stopping) {
        console.error(`${name} stopped (${signal ?? code}); stopping Rapport.`);
        void stop(1);
      }
    });
    children.push(child);
  };
  run('api', ['-r', '@swc-node/register', 'apps/api/src/main.ts']);
  run('worker', ['-r', '@swc-node/register', 'apps/worker/src/main.ts']);
  run('editor', [join(ROOT, 'node_modules/vite/bin/vite.js'), '--config', 'apps/editor/vite.config.ts'], {
    RAPPORT_API_URL: `http://127.0.0.1:${config.API_PORT}`,
    EDITOR_PORT: String(editorPort),
  });

  let stopping = false;
  const stop = async (code = 0) => {
    stopping = true;
    children.forEach((child) => child.kill('SIGTERM'));
    await mail.stop();
    setTimeout(() => process.exit(code), 2000).unref();
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

  console.log(`
Rapport is starting:
  API          http://127.0.0.1:${config.API_PORT}   (health: /health)
  Editor       http://127.0.0.1:${editorPort}
${logins.map((login) => `    sign in as ${login.role.padEnd(8)} ${login.email} / ${login.password}`).join('\n')}
  Mail viewer  ${urls.httpUrl}   (SMTP ${smtpUrl})
  Demo write key (Segment, Basic user name): ${keys.writeKey}
  Demo API key   (Bearer):                   ${keys.apiKey}
Try: curl -u ${keys.writeKey}: -H 'content-type: application/json' \\
       -d '{"userId":"demo-ada","event":"Order Completed","properties":{"total":80}}' http://127.0.0.1:${config.API_PORT}/v1/track
`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
