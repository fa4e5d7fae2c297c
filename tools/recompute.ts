// Recomputes computed attributes, co-purchase counts, recommendations and value tiers from the stored events:
// `npm run recompute` (every workspace) or `npm run recompute -- --workspace <id>`. Batched, safe beside running
// API and workers; journeys triggered by a changed attribute (value_tier, churn_risk_at) react as usual.
import { createEngine, loadConfig } from '@rapport/engine';

const workspaceArgument = (): string | null => {
  const at = process.argv.indexOf('--workspace');
  return at >= 0 ? (process.argv[at + 1] ?? null) : null;
};

const main = async (): Promise<void> => {
  const engine = await createEngine(loadConfig(), { role: 'api' });
  try {
    const only = workspaceArgument();
    const workspaces: { id: string; name: string }[] = only
      ? await engine.db.query('SELECT id, name FROM workspaces WHERE id::text = $1', [only])
      : await engine.db.query('SELECT id, name FROM workspaces ORDER BY created_at');
    if (only && workspaces.length === 0) throw new Error(`no workspace ${only}`);
    for (const workspace of workspaces) {
      const now = await engine.clock.now();
      const run = await engine.insights.recomputeWorkspace(engine.db, { workspaceId: workspace.id, now });
      console.log(`${workspace.name} (${workspace.id}): ${run.customers} customers, ${run.changed} changed`);
    }
  } finally {
    await engine.close();
  }
};

main().catch((error: unknown) => {
  console.error('recompute failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
