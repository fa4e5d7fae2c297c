import type { z } from 'zod';
import type { CustomerFacts, EventFacts } from '../graph/facts';
import type { AdvanceInput, EnrollmentState } from '../interpreter/enrollment-state';
import type { Effect } from '../interpreter/effect';
import type { Reason } from '../interpreter/reason';
import type { Problem } from '../validation/problem';

export type NodeCategory = 'trigger' | 'wait' | 'condition' | 'action' | 'exit';

/** What a node kind sees when a customer arrives at (or is woken at) one of its nodes. */
export type StepContext<Config> = {
  nodeId: string;
  config: Config;
  /** true when the customer was waiting here and the wait came due; false on arrival. */
  resumed: boolean;
  input: AdvanceInput;
  state: EnrollmentState;
  visit: number;
  customer: CustomerFacts;
  trigger: EventFacts | null;
  now: Date;
  random: () => number;
};

/** A step's decision: follow an output, park until a time, or end here. */
export type StepOutcome =
  | { type: 'next'; output: string; reason: Reason; effects?: Effect[] }
  | { type: 'wait'; until: Date; reason: Reason }
  | { type: 'exit'; reason: Reason };

/** Facts a journey is checked against at publish: what exists in the workspace. `null` skips that check. */
export type ValidationContext = {
  templates: ReadonlySet<string> | null;
};

/** How a trigger kind tells the engine which events enroll a customer. */
export type TriggerBehaviour<Config> = {
  /** Index keys stored with a published version (`event:Order Completed`), so entry is one indexed lookup. */
  keys(config: Config): string[];
  matchesEvent(config: Config, event: EventFacts): boolean;
};

export type NodeKindDefinition<Kind extends string, Config> = {
  kind: Kind;
  category: NodeCategory;
  /** One line for palettes and docs. */
  title: string;
  schema: z.ZodType<Config>;
  defaults: Config;
  /** Named output handles (`next`, `yes`/`no`, `event`/`timeout`). */
  outputs(config: Config): readonly string[];
  /** Checks beyond the schema that need the workspace (templates, pools, ...). */
  check?(config: Config, context: ValidationContext): Omit<Problem, 'nodeId' | 'message'>[];
  /** A plain-words summary for the canvas ("Wait 2 days"). */
  summarize(config: Config): string;
  trigger?: TriggerBehaviour<Config>;
  step(context: StepContext<Config>): StepOutcome;
};

/** Keeps each kind's `Config` type tied to its own schema while the registry stores them side by side. */
export const defineNodeKind = <Kind extends string, Schema extends z.ZodType>(
  definition: NodeKindDefinition<Kind, z.output<Schema>> & { schema: Schema },
): NodeKindDefinition<Kind, z.output<Schema>> => definition;
