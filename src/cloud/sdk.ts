import type * as SdkModules from './sdkModules';

export type Sdk = typeof SdkModules;

let loaded: Sdk | undefined;

/** The SDK modules, loaded on first use (see sdkModules.ts for why). */
export function loadSdk(): Sdk {
  if (!loaded) loaded = require('./sdkModules') as Sdk;
  return loaded;
}
