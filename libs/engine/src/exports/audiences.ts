// What the audiences area of this library exports (its own list, so that areas built side by side never edit one shared index).
export * from '../audiences/audience-recompute';
export * from '../audiences/audience-matcher';
