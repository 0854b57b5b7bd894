// Lifecycle states as the API reports them (ga-api.md §4.1), spelling mistakes included.

export type ResourceKind = 'accelerator' | 'bandwidthPackage' | 'ipSet' | 'listener' | 'endpointGroup';

export const TRANSIENT_STATES: Record<ResourceKind, readonly string[]> = {
  accelerator: ['init', 'configuring', 'binding', 'unbinding', 'deleting'],
  bandwidthPackage: ['init', 'binding', 'unbinding', 'updating', 'deleting'],
  ipSet: ['init', 'updating', 'deleting'],
  listener: ['init', 'configuring', 'updating', 'deleting'],
  endpointGroup: ['init', 'updating', 'deleting'],
};

export const STABLE_STATES: Record<ResourceKind, readonly string[]> = {
  accelerator: ['active', 'finacialLocked'],
  bandwidthPackage: ['active', 'binded', 'finacialLocked', 'locked'],
  ipSet: ['active'],
  listener: ['active'],
  endpointGroup: ['active'],
};

export function isTransient(kind: ResourceKind, state: string | undefined): boolean {
  return state !== undefined && TRANSIENT_STATES[kind].includes(state);
}

/** Human wording for a state, for trees and messages. */
export function describeState(state: string | undefined): string {
  switch (state) {
    case 'init': return 'creating';
    case 'binded': return 'bound';
    case 'finacialLocked': return 'locked (overdue payment)';
    case undefined: return 'unknown';
    default: return state;
  }
}
