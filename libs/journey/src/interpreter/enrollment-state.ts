import type { CustomerFacts, EventFacts } from '../graph/facts';

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
};

/** Everything `advance` needs about the enrollment besides the journey version. */
export type EnrollmentSnapshot = {
  id: string;
  state: EnrollmentState;
  customer: CustomerFacts;
  /** The event that enrolled the customer, if an event did. */
  trigger: EventFacts | null;
};

/** What moves an enrollment: its entry, a timer that came due, or an event the customer did. */
export type AdvanceInput = { type: 'entry' } | { type: 'timer' } | { type: 'event'; event: EventFacts };

/** The state an enrollment starts in, at the trigger node that enrolled it. */
export const initialEnrollmentState = (triggerNodeId: string, now: Date): EnrollmentState => ({
  status: 'active',
  nodeId: triggerNodeId,
  visits: { [triggerNodeId]: 1 },
  wakeAt: null,
  nodeEnteredAt: now.toISOString(),
});
