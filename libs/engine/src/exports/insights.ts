// What the insights area of this library exports (its own list, so that areas built side by side never edit one shared index).
export * from '../insights/order-facts';
export * from '../insights/computed-attributes';
export * from '../insights/value-tiers';
export * from '../insights/value-tier-context';
