// What the profiles area of this library exports (its own list, so that areas built side by side never edit one shared index).
export * from '../profiles/customer-merge.service';
export * from '../profiles/attribute-types';
export * from '../profiles/profile-patch';
export * from '../profiles/profile.service';
export * from '../profiles/csv-import.service';
export * from '../profiles/template-variable-check';
export * from '../profiles/import-stopped';
