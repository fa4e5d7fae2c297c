// What the accounts area of this library exports (its own list, so that areas built side by side never edit one shared index).
export * from '../repositories/account.repository';
export * from '../repositories/account-session.repository';
export * from '../repositories/user-locale.repository';
