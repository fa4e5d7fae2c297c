import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { edgeIdOf, type JourneyDocument } from '@rapport/journey';
import { JourneyLiveRepository, JourneyRepository, type NodeCount } from '@rapport/persistence';
import type { Engine } from '@rapport/engine';
import { ENGINE } from '../common/engine.token';

/** How a branch's customers split: how many took this connection, and their share of all who left its step. */
export type EdgeShare = { passed: number; share: number | null };

/** One update of the live numbers, as sent on `GET /api/journeys/:id/live`. */
export type LiveCounts = { nodes: Record<string, NodeCount>; edges: Record<string, EdgeShare> };

export type LiveListener = (counts: LiveCounts) => void;

/** Wall-clock polling of Postgres for open streams only: this is the HTTP shell, not the engine's time. */
export const LIVE_POLL_MS = 1000;
const WAITING_LIMIT_MAX = 500;

type Watch = {
  workspaceId: string;
  journeyId: string;
  /** Each listener with how to end its stream when the API shuts down. */
  listeners: Map<LiveListener, () => void>;
  timer: NodeJS.Timeout | null;
  busy: boolean;
  fingerprint: string | null;
  latest: LiveCounts | null;
  latestJson: string;
};

/** Branch connections: those leaving a step that has more than one way out. */
const branchEdges = (document: JourneyDocument | null) => {
  if (!document) return [];
  const outgoing = new Map<string, number>();
  for (const edge of document.edges) outgoing.set(edge.from, (outgoing.get(edge.from) ?? 0) + 1);
  return document.edges
    .filter((edge) => (outgoing.get(edge.from) ?? 0) > 1)
    .map((edge) => ({ id: edgeIdOf(edge), from: edge.from, to: edge.to }));
};

/**
 * Live numbers per journey, shared by every open stream on it: one timer per watched journey, a cheap change check
 * each tick and the grouped counts only when something moved. Nothing runs while nobody listens.
 */
@Injectable()
export class JourneyLiveService implements OnModuleDestroy {
  private readonly watches = new Map<string, Watch>();

  constructor(@Inject(ENGINE) private readonly engine: Engine) {}

  private get live() {
    return new JourneyLiveRepository(this.engine.db.manager);
  }

  /** Starts sending counts to `listener` (the current ones at once); returns the way to stop. */
  subscribe(input: { workspaceId: string; journeyId: string; listener: LiveListener; end(): void }): () => void {
    const { workspaceId, journeyId, listener } = input;
    let watch = this.watches.get(journeyId);
    if (!watch) {
      watch = {
        workspaceId,
        journeyId,
        listeners: new Map(),
        timer: null,
        busy: false,
        fingerprint: null,
        latest: null,
        latestJson: '',
      };
      this.watches.set(journeyId, watch);
      const started = watch;
      started.timer = setInterval(() => void this.tick(started), LIVE_POLL_MS);
      void this.tick(started);
    } else if (watch.latest) {
      listener(watch.latest);
    }
    watch.listeners.set(listener, input.end);
    const current = watch;
    return () => {
      current.listeners.delete(listener);
      if (current.listeners.size === 0) this.stop(current);
    };
  }

  async counts(workspaceId: string, journeyId: string): Promise<LiveCounts> {
    const journeys = new JourneyRepository(this.engine.db.manager);
    const journey = await journeys.findById(workspaceId, journeyId);
    const version = journey?.liveVersionId ? await journeys.findVersionById(journey.liveVersionId) : null;
    // Shares follow the live version's branches, else the draft's (a paused or never-published journey).
    const branches = branchEdges(version?.document ?? (journey?.draft as JourneyDocument | undefined) ?? null);
    const [nodes, taken] = await Promise.all([
      this.live.nodeCounts(workspaceId, journeyId),
      this.live.pairCounts(
        workspaceId,
        journeyId,
        branches.map((edge) => [edge.from, edge.to]),
      ),
    ]);
    const leftBy = new Map<string, number>();
    branches.forEach((edge, index) => leftBy.set(edge.from, (leftBy.get(edge.from) ?? 0) + (taken[index] ?? 0)));
    const edges = Object.fromEntries(
      branches.map((edge, index) => {
        const passed = taken[index] ?? 0;
        const total = leftBy.get(edge.from) ?? 0;
        return [edge.id, { passed, share: total === 0 ? null : Math.round((passed / total) * 1000) / 1000 }];
      }),
    );
    return { nodes, edges };
  }

  waiting(workspaceId: string, journeyId: string, nodeId: string, limit: number) {
    return this.live.waiting(workspaceId, journeyId, nodeId, Math.min(Math.max(limit, 1), WAITING_LIMIT_MAX));
  }

  onModuleDestroy(): void {
    for (const watch of [...this.watches.values()]) {
      const ends = [...watch.listeners.values()];
      this.stop(watch);
      for (const end of ends) end();
    }
  }

  private stop(watch: Watch): void {
    if (watch.timer) clearInterval(watch.timer);
    watch.timer = null;
    watch.listeners.clear();
    if (this.watches.get(watch.journeyId) === watch) this.watches.delete(watch.journeyId);
  }

  private async tick(watch: Watch): Promise<void> {
    // A slow query is not overlapped by the next tick.
    if (watch.busy || watch.timer === null) return;
    watch.busy = true;
    try {
      const fingerprint = await this.live.fingerprint(watch.workspaceId, watch.journeyId);
      if (fingerprint === watch.fingerprint && watch.latest) return;
      const counts = await this.counts(watch.workspaceId, watch.journeyId);
      watch.fingerprint = fingerprint;
      const json = JSON.stringify(counts);
      if (json === watch.latestJson) return;
      watch.latest = counts;
      watch.latestJson = json;
      for (const listener of watch.listeners.keys()) listener(counts);
    } catch (error) {
      // A lost connection is retried on the next tick; the streams stay open.
      this.engine.logger.warn({ err: error, journeyId: watch.journeyId }, 'live counts could not be read');
    } finally {
      watch.busy = false;
    }
  }
}
