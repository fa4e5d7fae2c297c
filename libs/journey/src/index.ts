export * from './graph/facts';
export * from './graph/journey.schema';
export * from './graph/journey-json-schema';
export * from './graph/operators';
export * from './kinds/node-kind';
export * from './kinds/registry';
export * from './kinds/event-trigger.kind';
// triggers and branches
export * from './kinds/date-trigger.kind';
export * from './kinds/threshold-trigger.kind';
export * from './kinds/audience-trigger.kind';
// end triggers and branches
export * from './kinds/wait-delay.kind';
// waits
export * from './kinds/wait-time-of-day.kind';
export * from './kinds/time-window.kind';
export * from './time/local-time.schema';
// end waits
export * from './kinds/attribute-condition.kind';
export * from './kinds/send-email.kind';
export * from './kinds/exit.kind';
export * from './validation/problem';
export * from './validation/validate';
export * from './interpreter/advance';
export * from './interpreter/effect';
export * from './interpreter/enrollment-state';
export * from './interpreter/journey-index';
export * from './interpreter/reason';
export * from './random/seeded-random';
export * from './time/calendar';
export * from './time/local-time';
export * from './graph/trigger-keys';
export * from './graph/condition';
export * from './graph/journey-settings';
export * from './graph/history-queries';
