// The Alidns (2015-01-09) product module of the emulator: zones and records in EmulatorState.dns, with the
// record rules of src/model/dnsRules.ts. Every action is synchronous, so there is nothing to advance.
import type { ProductModule } from '../api';
import { productSpec } from '../wireSpec';
import { domainHandlers } from './domainActions';
import { recordHandlers } from './recordActions';
import { recordSearchHandlers } from './recordSearch';

export const dnsModule: ProductModule = {
  product: 'alidns',
  version: productSpec('alidns').version,
  handlers: { ...domainHandlers, ...recordHandlers, ...recordSearchHandlers },
};

export { addRecord } from './recordActions';
export { createZone, findZone } from './zoneStore';
export { FREE_EDITION } from './editions';
