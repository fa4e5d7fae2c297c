// What the profiles area of this library exports (its own list, so that areas built side by side never edit one shared index).
export * from '../repositories/customer-merge.repository';
export * from '../repositories/attribute-definition.repository';
export * from '../repositories/import.repository';
