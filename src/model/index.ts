export * from './rules';
export * from './dnsRules';
export * from './regions';
export * from './specs';
export * from './states';
export * from './accessRules';
export * from './emulatedAddresses';
