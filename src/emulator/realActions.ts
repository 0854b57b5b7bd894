// The actions GA 2019-11-20 and Alidns 2015-01-09 really have (src/cloud/ga/real-actions.json, beside the wire
// spec): a name the API has but the emulator does not serve is answered honestly, HTTP 501
// Emulator.NotImplemented, and only a name the API does not have is InvalidAction.NotFound.
import realActions from '../cloud/ga/real-actions.json';
import type { ProductName } from './wireSpec';

const REAL: Readonly<Record<ProductName, ReadonlySet<string>>> = {
  ga: new Set(realActions.products.ga.actions),
  alidns: new Set(realActions.products.alidns.actions),
};

export function isRealAction(product: ProductName, action: string): boolean {
  return REAL[product].has(action);
}

/** Every real action name of a product, for tests and messages. */
export function realActionNames(product: ProductName): string[] {
  return [...REAL[product]];
}
