import type { z } from 'zod';
import type { PropertyFilter } from '../graph/condition';
import type { CustomerFacts, EventFacts } from '../graph/facts';
import type { AdvanceInput, EnrollmentState } from '../interpreter/enrollment-state';
import type { Effect } from '../interpreter/effect';
import type { Reason } from '../interpreter/reason';
import type { NodeProblem } from '../validation/problem';

export type NodeCategory = 'trigger' | 'wait' | 'condition' | 'action' | 'exit';

/** What a node kind sees when a customer arrives at (or is woken at) one of its nodes. */
export type StepContext<Config> = {
  nodeId: string;
  config: Config;
  /**
   * true when the customer was waiting here and the wait came due, or the event it listens for arrived
   * (`input.type === 'event'`); false on arrival.
   */
  resumed: boolean;
  input: AdvanceInput;
  state: EnrollmentState;
  visit: number;
  customer: CustomerFacts;
  trigger: EventFacts | null;
  /** Answers to the kinds' `historyQueries`, keyed by `historyKey(query)`. */
  history: HistoryFacts;
  /** The customer's IANA zone, or the journey's/workspace's fallback when theirs is missing or invalid. */
  zone: string;
  /** When this step is due: `now`, or earlier when a busy queue ran it late (waits count from here). */
  stepTime: Date;
  now: Date;
  random: () => number;
};

/**
 * A step's decision: follow an output (with effects, and tags kept on the enrollment such as the holdout group),
 * park until a time (and, with `listen`, until an event arrives first), or end here.
 */
export type StepOutcome =
  | { type: 'next'; output: string; reason: Reason; effects?: Effect[]; tags?: Record<string, string> }
  | { type: 'wait'; until: Date; listen?: { event: string }; reason: Reason }
  | { type: 'exit'; reason: Reason };

/** "How often did the customer do this event (matching these filters) in the last N days?" */
export type HistoryQuery = { event: string; where: PropertyFilter[]; withinDays: number | null };

/** Counts for each history query, as the worker found them before stepping. */
export type HistoryFacts = Record<string, number>;

/** A stable key for a history query (the same query asked by two nodes is answered once). */
export const historyKey = (query: HistoryQuery): string => JSON.stringify([query.event, query.where, query.withinDays]);

/** Facts a journey is checked against at publish: what exists in the workspace. `null` skips that check. */
export type ValidationContext = {
  templates: ReadonlySet<string> | null;
  couponPools?: ReadonlySet<string> | null;
  /** Keys of the workspace's saved audiences (audience and schedule triggers name one). */
  audiences?: ReadonlySet<string> | null;
};

/**
 * How a trigger kind tells the engine who enters. Each kind answers the questions that apply to it: an event
 * trigger `matchesEvent`, a date or schedule trigger `nextFireAt` (kept per customer in Postgres and recomputed
 * when the profile changes), a threshold trigger `matchesChange`, an audience trigger `matchesAudience`.
 */
export type TriggerBehaviour<Config> = {
  /**
   * Index keys stored with a published version (`event:Order Completed`, `profile:birthday`, `audience:<id>`),
   * so finding the journeys an event or a change can start is one indexed lookup.
   */
  keys(config: Config): string[];
  matchesEvent?(config: Config, event: EventFacts): boolean;
  /** The next time this customer should enter, strictly after `after`; null when never. */
  nextFireAt?(config: Config, customer: CustomerFacts, after: Date, zone: string): Date | null;
  /** True when the change from `before` to `after` is what starts the journey (a threshold crossed upward). */
  matchesChange?(config: Config, before: CustomerFacts, after: CustomerFacts): boolean;
  matchesAudience?(config: Config, audienceId: string): boolean;
  /** The triggering event as this trigger saw it (only the order lines its filters matched). */
  focus?(config: Config, event: EventFacts): EventFacts;
};

/** A node's canvas summary as a code with parameters (`summary.<code>` in the message catalog). */
export type NodeSummary = { code: string; params: Record<string, string | number | boolean | null> };

export type NodeKindDefinition<Kind extends string, Config> = {
  kind: Kind;
  category: NodeCategory;
  /** One line for palettes and docs. */
  title: string;
  /**
   * Waits only: false when the wait may pass straight through (a window already open, a date already past),
   * so a loop through it alone could go round forever; the loop check then does not count it as a pause.
   */
  alwaysPauses?: boolean;
  schema: z.ZodType<Config>;
  defaults: Config;
  /** Named output handles (`next`, `yes`/`no`, `event`/`timeout`). */
  outputs(config: Config): readonly string[];
  /** Checks beyond the schema that need the workspace (templates, pools, ...). */
  check?(config: Config, context: ValidationContext): NodeProblem[];
  /**
   * The canvas summary ("Wait 2 days") without words: a code and its parameters, worded in the reader's language
   * by `@rapport/messages` (`summary.<code>`), so the core stays language-free. Required, so a new kind cannot
   * reach the canvas without one.
   */
  summary(config: Config): NodeSummary;
  trigger?: TriggerBehaviour<Config>;
  /** Event history the kind's step reads (`has done Order Completed in the last 30 days`). */
  historyQueries?(config: Config): HistoryQuery[];
  /**
   * For kinds that park with `listen`: whether this event wakes the customer (matched on its properties and on
   * the triggering event). Events that do not match leave the enrollment as it is.
   */
  acceptsEvent?(config: Config, event: EventFacts, trigger: EventFacts | null): boolean;
  step(context: StepContext<Config>): StepOutcome;
};

/** Keeps each kind's `Config` type tied to its own schema while the registry stores them side by side. */
export const defineNodeKind = <Kind extends string, Schema extends z.ZodType>(
  definition: NodeKindDefinition<Kind, z.output<Schema>> & { schema: Schema },
): NodeKindDefinition<Kind, z.output<Schema>> => definition;
