export * from './locale';
export * from './message-format';
export * from './catalog.en';
export * from './catalog.zh-CN';
export * from './translate';
export * from './intl-format';
export * from './audience-words';
export * from './publish-words';
