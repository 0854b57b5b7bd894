// Per-action codes that mean "not now, try again" (ga-api.md §5.4, what Terraform retries). They are retried
// on top of the transient errors every call retries (throttling, 5xx, connection resets, timeouts).

const GA_BUSY = 'StateError.Accelerator';

export const BUSY_CODES_BY_ACTION: Readonly<Record<string, readonly string[]>> = {
  UpdateAccelerator: [GA_BUSY],
  DeleteAccelerator: [GA_BUSY],
  CreateBandwidthPackage: [],
  DeleteBandwidthPackage: ['StateError.BandwidthPackage', 'BindExist.BandwidthPackage'],
  BandwidthPackageAddAccelerator: ['StateError.BandwidthPackage', GA_BUSY, 'GreaterThanGa.IpSetBandwidth', 'BandwidthIllegal.BandwidthPackage', 'NotExist.BasicBandwidthPackage'],
  BandwidthPackageRemoveAccelerator: [
    'StateError.BandwidthPackage',
    GA_BUSY,
    'BindExist.CrossDomain',
    'Exist.EndpointGroup',
    'Exist.IpSet',
    'BandwidthPackageCannotUnbind.HasCrossRegion',
    'BandwidthPackageCannotUnbind.IpSet',
    'BandwidthPackageCannotUnbind.EndpointGroup',
  ],
  CreateIpSets: [GA_BUSY, 'StateError.IpSet', 'NotExist.BasicBandwidthPackage', 'NotSuitable.RegionSelection', 'NotActive.Listener'],
  UpdateIpSet: [GA_BUSY, 'StateError.IpSet', 'GreaterThanGa.IpSetBandwidth', 'NotActive.Listener'],
  DeleteIpSet: [GA_BUSY, 'StateError.IpSet', 'NotActive.Listener'],
  DeleteIpSets: [GA_BUSY, 'StateError.IpSet', 'NotActive.Listener'],
  CreateListener: [GA_BUSY, 'NotExist.BasicBandwidthPackage'],
  UpdateListener: [GA_BUSY, 'NotActive.Listener'],
  DeleteListener: [GA_BUSY, 'NotActive.Listener', 'Exist.ForwardingRule', 'Exist.EndpointGroup'],
  CreateEndpointGroup: ['GA_NOT_STEADY', GA_BUSY, 'StateError.EndPointGroup', 'NotActive.Listener'],
  UpdateEndpointGroup: [GA_BUSY, 'StateError.EndPointGroup', 'NotActive.Listener'],
  UpdateEndpointGroupAttribute: [GA_BUSY, 'StateError.EndPointGroup', 'NotActive.Listener'],
  DeleteEndpointGroup: [GA_BUSY, 'StateError.EndPointGroup', 'NotActive.Listener'],
  // Alidns
  AddDomainRecord: ['InternalError', 'LastOperationNotFinished'],
  UpdateDomainRecord: ['LastOperationNotFinished'],
  SetDomainRecordStatus: ['LastOperationNotFinished'],
  DeleteDomainRecord: ['InternalError', 'RecordForbidden.DNSChange', 'LastOperationNotFinished'],
};

export function isBusyFor(action: string, code: string): boolean {
  return BUSY_CODES_BY_ACTION[action]?.includes(code) ?? false;
}
