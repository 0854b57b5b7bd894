// Instance specifications (ga-api.md §2.1, §6.2). Capacities are known only for the first six specs.

export interface SpecInfo {
  spec: string;
  name: string;
  regions?: number;
  bandwidthMbps?: number;
  connections?: number;
  whitelistOnly?: boolean;
}

export const SPECS: readonly SpecInfo[] = [
  { spec: '1', name: 'Small I', regions: 1, bandwidthMbps: 20, connections: 5000 },
  { spec: '2', name: 'Small II', regions: 2, bandwidthMbps: 40, connections: 10000 },
  { spec: '3', name: 'Small III', regions: 3, bandwidthMbps: 60, connections: 15000 },
  { spec: '5', name: 'Medium I', regions: 5, bandwidthMbps: 100, connections: 25000 },
  { spec: '8', name: 'Medium II', regions: 8, bandwidthMbps: 160, connections: 40000 },
  { spec: '10', name: 'Medium III', regions: 10, bandwidthMbps: 200, connections: 50000 },
  { spec: '20', name: 'Large I' },
  { spec: '30', name: 'Large II' },
  { spec: '40', name: 'Large III', whitelistOnly: true },
  { spec: '50', name: 'Large IV', whitelistOnly: true },
  { spec: '60', name: 'Large V', whitelistOnly: true },
  { spec: '70', name: 'Large VI', whitelistOnly: true },
  { spec: '80', name: 'Large VII', whitelistOnly: true },
  { spec: '90', name: 'Large VIII', whitelistOnly: true },
  { spec: '100', name: 'Super Large I', whitelistOnly: true },
  { spec: '200', name: 'Super Large II', whitelistOnly: true },
];

export function specInfo(spec: string | undefined): SpecInfo | undefined {
  return SPECS.find((s) => s.spec === spec);
}

export function specName(spec: string | undefined): string {
  return specInfo(spec)?.name ?? (spec ? `Spec ${spec}` : 'no spec');
}
