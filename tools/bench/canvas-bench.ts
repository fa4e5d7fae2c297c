/**
 * Canvas benchmark: how the journey editor's canvas behaves with a 200-step journey, against the same page with
 * a 20-step one in the same run. Real API and database (the test stack), the editor built for production and
 * served by `vite preview`, Debian's Chromium driven by playwright-core.
 *
 *   npm run bench:canvas [-- --nodes 200 --baseline 20 --runs 5]
 *
 * Figures: initial render (hash change on the journey list to every step drawn and measured), and frame times
 * (requestAnimationFrame deltas) while panning, zooming with the wheel and dragging one step.
 */
import { validateJourney } from '@rapport/journey';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { freePort } from '../../tests/support/free-port';
import { startStack, type Stack } from '../../tests/support/stack';
import { generatedJourney } from './canvas-journey';

const ROOT = join(__dirname, '../..');
const MARKETER = { email: 'bench@shop.example', password: 'bench-password-42', name: 'Bench', role: 'marketer' };

const numberArg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 2) throw new Error(`--${name} must be a whole number of at least 2`);
  return value;
};

const startPreview = async (stack: Stack, outDir: string): Promise<{ url: string; child: ChildProcess }> => {
  const port = await freePort();
  const child = spawn(process.execPath, [join(__dirname, 'canvas-bench-server.mjs')], {
    cwd: ROOT,
    env: { ...process.env, EDITOR_PORT: String(port), RAPPORT_API_URL: stack.apiUrl, CANVAS_BENCH_OUT: outDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`editor preview did not start:\n${output}`)), 180_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready (\S+)/.exec(output);
      if (ready?.[1]) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`editor preview exited with ${code}:\n${output}`)));
  });
  return { url, child };
};

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const median = (values: number[]) => percentile(values, 50);

type FrameStats = { frames: number; p50: number; p95: number; max: number; over50: number; fps: number };

const frameStats = (deltas: number[]): FrameStats => {
  const total = deltas.reduce((sum, delta) => sum + delta, 0);
  return {
    frames: deltas.length,
    p50: percentile(deltas, 50),
    p95: percentile(deltas, 95),
    max: Math.max(...deltas),
    over50: deltas.filter((delta) => delta > 50).length,
    fps: (deltas.length / total) * 1000,
  };
};

/** From the journey list's hash to the journey's hash, until every step is on screen with its size measured. */
const measureOpen = (page: Page, journeyId: string, count: number): Promise<number> =>
  page.evaluate(
    ({ id, n }) =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        window.location.hash = `#/journeys/${encodeURIComponent(id)}`;
        const check = () => {
          const drawn = document.querySelectorAll('.react-flow__node');
          const measured =
            drawn.length === n && [...drawn].every((node) => (node as HTMLElement).style.visibility !== 'hidden');
          if (!measured) return requestAnimationFrame(check);
          // One more frame: the one that paints the measured steps.
          requestAnimationFrame(() => resolve(performance.now() - start));
        };
        requestAnimationFrame(check);
      }),
    { id: journeyId, n: count },
  );

/** Frame times while `act` drives the page. */
const recordFrames = async (page: Page, act: () => Promise<void>): Promise<FrameStats> => {
  await page.evaluate(() => {
    const state = { frames: [] as number[], on: true, last: performance.now() };
    (window as unknown as { __bench: typeof state }).__bench = state;
    const loop = (now: number) => {
      state.frames.push(now - state.last);
      state.last = now;
      if (state.on) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  await act();
  const frames = await page.evaluate(() => {
    const state = (window as unknown as { __bench: { frames: number[]; on: boolean } }).__bench;
    state.on = false;
    return state.frames.slice(1);
  });
  return frameStats(frames);
};

const paneCenter = async (page: Page) => {
  const box = await page.locator('.react-flow__pane').boundingBox();
  if (!box) throw new Error('the canvas is not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

const pan = async (page: Page) => {
  const center = await paneCenter(page);
  for (const direction of [1, -1, 1, -1]) {
    await page.mouse.move(center.x, center.y);
    await page.mouse.down();
    await page.mouse.move(center.x + direction * 300, center.y + direction * 150, { steps: 40 });
    await page.mouse.up();
  }
};

const zoom = async (page: Page) => {
  const center = await paneCenter(page);
  await page.mouse.move(center.x, center.y);
  for (const delta of [-120, 120, -120, 120]) {
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, delta);
  }
};

/** Drags one step back and forth: only that step should re-render, not every step on the canvas. */
const dragStep = async (page: Page, nodeId: string) => {
  const box = await page.locator(`.react-flow__node[data-id="${nodeId}"]`).boundingBox();
  if (!box) throw new Error(`${nodeId} is not on screen`);
  const start = { x: box.x + box.width / 2, y: box.y + 12 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 200, start.y + 120, { steps: 40 });
  await page.mouse.move(start.x, start.y, { steps: 40 });
  await page.mouse.up();
};

type SizeResult = { nodes: number; open: number[]; pan: FrameStats; zoom: FrameStats; drag: FrameStats };

const measureSize = async (page: Page, journeyId: string, count: number, runs: number): Promise<SizeResult> => {
  const open: number[] = [];
  for (let run = 0; run < runs; run++) {
    await page.evaluate(() => (window.location.hash = '#/journeys'));
    await page.getByRole('heading', { name: 'Journeys', exact: true }).waitFor();
    open.push(await measureOpen(page, journeyId, count));
  }
  // Steps near the middle of the screen, where the view opened.
  await page.getByRole('button', { name: 'Zoom to fit' }).click();
  await page.waitForTimeout(500);
  return {
    nodes: count,
    open,
    pan: await recordFrames(page, () => pan(page)),
    zoom: await recordFrames(page, () => zoom(page)),
    drag: await recordFrames(page, () => dragStep(page, 'step-1')),
  };
};

const row = (label: string, base: number, big: number, unit: string) =>
  `| ${label} | ${base.toFixed(1)} ${unit} | ${big.toFixed(1)} ${unit} | ${(big / base).toFixed(2)} |`;

const report = (base: SizeResult, big: SizeResult) => {
  const lines = [
    `| Measure | ${base.nodes} steps (baseline) | ${big.nodes} steps | ratio |`,
    '| --- | --- | --- | --- |',
    row('Initial render, median', median(base.open), median(big.open), 'ms'),
    row('Initial render, slowest', Math.max(...base.open), Math.max(...big.open), 'ms'),
  ];
  for (const [name, key] of [
    ['Pan', 'pan'],
    ['Wheel zoom', 'zoom'],
    ['Drag one step', 'drag'],
  ] as const) {
    lines.push(row(`${name}: frame p50`, base[key].p50, big[key].p50, 'ms'));
    lines.push(row(`${name}: frame p95`, base[key].p95, big[key].p95, 'ms'));
    lines.push(row(`${name}: frames/s`, base[key].fps, big[key].fps, ''));
    lines.push(
      `| ${name}: frames over 50 ms | ${base[key].over50} of ${base[key].frames} | ${big[key].over50} of ${big[key].frames} | |`,
    );
  }
  return lines.join('\n');
};

const main = async () => {
  const size = numberArg('nodes', 200);
  const baseline = numberArg('baseline', 20);
  const runs = numberArg('runs', 5);
  const outDir = mkdtempSync(join(tmpdir(), 'rapport-canvas-bench-'));
  const stack = await startStack({ label: 'canvas_bench', workers: 0 });
  let preview: { url: string; child: ChildProcess } | null = null;
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const ids = new Map<number, string>();
    for (const count of [baseline, size]) {
      const doc = generatedJourney(count, `Canvas bench, ${count} steps`);
      const problems = validateJourney(doc);
      if (problems.length > 0) throw new Error(`the generated journey is not valid: ${JSON.stringify(problems[0])}`);
      const created = await stack.request('POST', '/api/journeys', doc);
      if (created.status !== 201) throw new Error(`could not create the journey: ${JSON.stringify(created.body)}`);
      ids.set(count, created.body.id);
    }
    const member = await stack.request('POST', '/api/members', MARKETER);
    if (member.status !== 201) throw new Error(`could not add the marketer: ${JSON.stringify(member.body)}`);
    preview = await startPreview(stack, outDir);

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(preview.url);
    await page.getByLabel('Email').fill(MARKETER.email);
    await page.getByLabel('Password').fill(MARKETER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Journeys', exact: true }).waitFor();

    // Warm-up: the first open loads the editor's code and fonts for both sizes alike.
    await measureSize(page, ids.get(baseline) as string, baseline, 1);
    const base = await measureSize(page, ids.get(baseline) as string, baseline, runs);
    const big = await measureSize(page, ids.get(size) as string, size, runs);
    if (errors.length > 0) throw new Error(`the page failed: ${errors.join('; ')}`);

    console.log(`Canvas benchmark (Chromium ${browser.version()}, --disable-gpu, 1440x900, production build)`);
    console.log(
      `initial render runs (ms): ${baseline} steps ${base.open.map((ms) => ms.toFixed(0)).join(', ')}; ` +
        `${size} steps ${big.open.map((ms) => ms.toFixed(0)).join(', ')}`,
    );
    console.log(report(base, big));
  } finally {
    await browser.close();
    if (preview && preview.child.exitCode === null) {
      const child = preview.child;
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      });
    }
    await stack.stop();
    rmSync(outDir, { recursive: true, force: true });
  }
};

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
