import type { JourneyDocument } from '../graph/journey.schema';
import type { StepOutcome } from '../kinds/node-kind';
import type { Effect } from './effect';
import {
  isTerminalStatus,
  type AdvanceInput,
  type EnrollmentSnapshot,
  type EnrollmentState,
  type EnrollmentStatus,
} from './enrollment-state';
import { indexJourney, type IndexedNode, type JourneyIndex } from './journey-index';
import type { Reason } from './reason';
import { effectiveZone } from '../time/calendar';

/** Steps taken in one activation before handing over to a fresh job, so no journey can hog a worker. */
export const MAX_STEPS_PER_ACTIVATION = 100;

export type JourneyVersionSnapshot = { id: string; document: JourneyDocument };

export type AdvanceResult = {
  state: EnrollmentState;
  effects: Effect[];
  reasons: Reason[];
  /** When the engine should wake this enrollment next; `now` to continue at once; null when nothing is due. */
  wakeAt: Date | null;
};

/** Why an input changed nothing, as a code the catalog words (`reason.input.ignored`). */
type IgnoredWhy = 'ended' | 'already-entered' | 'no-timer' | 'not-due' | 'not-waiting-for-event';

const ignored = (snapshot: EnrollmentSnapshot, input: AdvanceInput, why: IgnoredWhy): AdvanceResult => ({
  state: snapshot.state,
  effects: [],
  reasons: [
    {
      nodeId: snapshot.state.nodeId,
      code: 'input.ignored',
      params: { input: input.type, why, status: snapshot.state.status },
    },
  ],
  wakeAt: snapshot.state.wakeAt ? new Date(snapshot.state.wakeAt) : null,
});

const finish = (state: EnrollmentState, status: EnrollmentStatus): EnrollmentState => ({
  ...state,
  status,
  wakeAt: null,
});

/** Decides whether the input moves the enrollment, and whether the current node runs fresh or is resumed. */
const admit = (
  index: JourneyIndex,
  snapshot: EnrollmentSnapshot,
  input: AdvanceInput,
  now: Date,
): { resumed: boolean } | { rejected: AdvanceResult } | { left: AdvanceResult } => {
  const { state } = snapshot;
  if (isTerminalStatus(state.status)) return { rejected: ignored(snapshot, input, 'ended') };
  if (input.type === 'leave') {
    const code = input.why === 'goal' ? 'enrollment.goal-reached' : 'enrollment.exit-condition';
    return {
      left: {
        state: { ...finish(state, 'exited'), listen: null },
        effects: [],
        reasons: [{ nodeId: state.nodeId, code, params: {} }],
        wakeAt: null,
      },
    };
  }
  if (input.type === 'entry') {
    return state.status === 'active' && index.nodes.get(state.nodeId)?.kind.category === 'trigger'
      ? { resumed: false }
      : { rejected: ignored(snapshot, input, 'already-entered') };
  }
  if (input.type === 'timer') {
    if (state.status === 'active') return { resumed: false };
    if (!state.wakeAt) return { rejected: ignored(snapshot, input, 'no-timer') };
    if (now.getTime() < Date.parse(state.wakeAt)) {
      return {
        rejected: {
          ...ignored(snapshot, input, 'not-due'),
          reasons: [{ nodeId: state.nodeId, code: 'wait.not-yet-due', params: { until: state.wakeAt } }],
        },
      };
    }
    return { resumed: true };
  }
  // An event moves only an enrollment parked at a kind listening for it, and only if the kind accepts it.
  const current = index.nodes.get(state.nodeId);
  const accepts =
    state.status === 'waiting' &&
    state.listen?.event === input.event.name &&
    (current?.kind.acceptsEvent?.(current.config, input.event, snapshot.trigger) ?? false);
  return accepts ? { resumed: true } : { rejected: ignored(snapshot, input, 'not-waiting-for-event') };
};

/**
 * The pure interpreter: from a pinned version, an enrollment and one input, the next state, the effects to
 * perform (as data), the reason for every decision and the next wake-up. Same arguments, same result.
 */
export const advance = (
  version: JourneyVersionSnapshot,
  snapshot: EnrollmentSnapshot,
  inputGiven: AdvanceInput,
  now: Date,
  random: () => number,
): AdvanceResult => {
  const index = indexJourney(version.document);
  let input = inputGiven;
  const admitted = admit(index, snapshot, input, now);
  if ('rejected' in admitted) return admitted.rejected;
  if ('left' in admitted) return admitted.left;
  const zone = effectiveZone(
    snapshot.customer.timeZone,
    effectiveZone(version.document.settings?.timeZone, effectiveZone(snapshot.workspaceTimeZone)),
  );
  const history = snapshot.history ?? {};

  let state: EnrollmentState = { ...snapshot.state, visits: { ...snapshot.state.visits } };
  let resumed = admitted.resumed;
  // Steps happen at the time they were due, not when a busy queue got to them: a late job never stretches a wait.
  const dueAt = Math.min(now.getTime(), Date.parse((resumed ? state.wakeAt : null) ?? state.nodeEnteredAt));
  let stepTime = new Date(Number.isNaN(dueAt) ? now.getTime() : dueAt).toISOString();
  const effects: Effect[] = [];
  const reasons: Reason[] = [];

  for (let steps = 0; steps < MAX_STEPS_PER_ACTIVATION; steps += 1) {
    const current: IndexedNode | undefined = index.nodes.get(state.nodeId);
    if (!current) {
      reasons.push({ nodeId: state.nodeId, code: 'node.missing', params: {} });
      return { state: finish(state, 'failed'), effects, reasons, wakeAt: null };
    }
    const outcome: StepOutcome = current.kind.step({
      nodeId: state.nodeId,
      config: current.config,
      resumed,
      input,
      state,
      visit: state.visits[state.nodeId] ?? 1,
      customer: snapshot.customer,
      trigger: snapshot.trigger,
      history,
      zone,
      stepTime: new Date(stepTime),
      now,
      random,
    });
    reasons.push(outcome.reason);

    if (outcome.type === 'wait') {
      const wakeAt = outcome.until.toISOString();
      if (outcome.until.getTime() > now.getTime()) {
        const listen = outcome.listen ?? null;
        return { state: { ...state, status: 'waiting', wakeAt, listen }, effects, reasons, wakeAt: outcome.until };
      }
      // Already due (the job ran late): wake at once in this same activation, as a timer.
      input = { type: 'timer' };
      state = { ...state, wakeAt, listen: null };
      stepTime = wakeAt;
      resumed = true;
      continue;
    }
    if (outcome.type === 'exit') return { state: finish(state, 'completed'), effects, reasons, wakeAt: null };

    effects.push(...(outcome.effects ?? []));
    if (outcome.tags) state = { ...state, tags: { ...state.tags, ...outcome.tags } };
    const target = index.targets.get(`${state.nodeId}:${outcome.output}`);
    if (!target) {
      reasons.push({ nodeId: state.nodeId, code: 'output.unconnected', params: { output: outcome.output } });
      return { state: finish(state, 'failed'), effects, reasons, wakeAt: null };
    }
    state = {
      ...state,
      status: 'active',
      nodeId: target,
      wakeAt: null,
      listen: null,
      nodeEnteredAt: stepTime,
      visits: { ...state.visits, [target]: (state.visits[target] ?? 0) + 1 },
    };
    resumed = false;
  }

  reasons.push({ nodeId: state.nodeId, code: 'step.limit-reached', params: { steps: MAX_STEPS_PER_ACTIVATION } });
  return { state: { ...state, status: 'active' }, effects, reasons, wakeAt: now };
};
