import type { CustomerFacts, EventFacts } from '../graph/facts';
import type { HistoryFacts } from '../kinds/node-kind';

/**
 * active: has work due now (just entered, or continuing after a step limit).
 * waiting: parked at a wait node until `wakeAt` (or an event, later kinds).
 * completed: reached an exit node. exited: left early (goal, exit rule). failed: the journey could not go on.
 */
export type EnrollmentStatus = 'active' | 'waiting' | 'completed' | 'exited' | 'failed';

export const TERMINAL_STATUSES: readonly EnrollmentStatus[] = ['completed', 'exited', 'failed'];

export const isTerminalStatus = (status: EnrollmentStatus): boolean => TERMINAL_STATUSES.includes(status);

/** The interpreter's own state for one enrollment; stored as JSON beside the enrollment row. */
export type EnrollmentState = {
  status: EnrollmentStatus;
  /** Where the customer is now. */
  nodeId: string;
  /** How many times each node was entered; a send is unique per enrollment + node + visit. */
  visits: Record<string, number>;
  /** ISO-8601; set while waiting. */
  wakeAt: string | null;
  /** ISO-8601 time the customer arrived at the current node. */
  nodeEnteredAt: string;
  /** While waiting: the event that wakes the customer before `wakeAt` (wait for event with a timeout). */
  listen?: { event: string } | null;
  /** Marks kept for reports (`holdout: control`). */
  tags?: Record<string, string>;
};

/** Everything `advance` needs about the enrollment besides the journey version. */
export type EnrollmentSnapshot = {
  id: string;
  state: EnrollmentState;
  customer: CustomerFacts;
  /** The event that enrolled the customer, if an event did. */
  trigger: EventFacts | null;
  /** Counts answering the version's history queries (see `journeyHistoryQueries`); empty when none. */
  history?: HistoryFacts;
  /** The workspace's zone, used when neither the customer nor the journey has a valid one. */
  workspaceTimeZone?: string | null;
};

/**
 * What moves an enrollment: its entry, a timer that came due, an event the customer did, or a reason to leave
 * found by the engine (the goal was reached with `exitOnGoal`, or the journey's exit condition now holds).
 */
export type AdvanceInput =
  | { type: 'entry' }
  | { type: 'timer' }
  | { type: 'event'; event: EventFacts }
  | { type: 'leave'; why: 'goal' | 'exit-condition' };

/** The state an enrollment starts in, at the trigger node that enrolled it. */
export const initialEnrollmentState = (triggerNodeId: string, now: Date): EnrollmentState => ({
  status: 'active',
  nodeId: triggerNodeId,
  visits: { [triggerNodeId]: 1 },
  wakeAt: null,
  nodeEnteredAt: now.toISOString(),
});
