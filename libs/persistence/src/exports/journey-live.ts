// What the live-numbers area of this library exports (its own list, so that areas built side by side never edit one shared index).
export * from '../repositories/journey-live.repository';
