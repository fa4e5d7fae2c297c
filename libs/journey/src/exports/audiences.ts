// What the audiences area of this library exports (its own list, so that areas built side by side never edit one shared index).
export * from '../audiences/audience-definition';
export * from '../audiences/evaluate-audience';
export * from '../audiences/audience-description';
