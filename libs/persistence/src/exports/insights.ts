// What the insights area of this library exports (its own list, so that areas built side by side never edit one shared index).
export * from '../repositories/insight.repository';
export * from '../repositories/co-purchase.repository';
export * from '../repositories/value-tier.repository';
