// The emulator's Global Accelerator product (2019-11-20): one handler per action of the wire spec, answering
// from and changing state.ga, plus `advance`, which applies the lifecycle transitions that are due.
import type { ActionHandler, ProductModule } from '../api';
import type { EmulatorState } from '../state';
import { advanceGa } from './lifecycle';
import { pruneClientTokens, withClientToken } from './idempotency';
import { createAccelerator, deleteAccelerator, describeAccelerator, listAccelerators, updateAccelerator } from './accelerators';
import {
  bandwidthPackageAddAccelerator,
  bandwidthPackageRemoveAccelerator,
  createBandwidthPackage,
  deleteBandwidthPackage,
  describeBandwidthPackage,
  listBandwidthPackages,
} from './bandwidthPackages';
import { listAvailableAccelerateAreas, listAvailableBusiRegions, listCommonAreas } from './areas';
import { createIpSets, deleteIpSet, deleteIpSets, describeIpSet, listIpSets, updateIpSet } from './ipSets';
import { createListener, deleteListener, describeListener, listListeners, updateListener } from './listeners';
import {
  createEndpointGroup,
  deleteEndpointGroup,
  describeEndpointGroup,
  listEndpointGroups,
  updateEndpointGroup,
  updateEndpointGroupAttribute,
} from './endpointGroups';
import { getHealthStatus } from './health';
import { describeAcceleratorServiceStatus, openAcceleratorService } from './account';

export { emptyGaState, defaultRegions } from './gaState';
export { assertAddressBlock, DEFAULT_ADDRESS_BLOCK, EMULATED_IPV6_PREFIX, emulatedIpv6Address, isEmulatedIpv6Address } from './addresses';
export { dnsNameOf } from './accelerators';
export { REALISTIC_MS, nextTransitionAt } from './lifecycle';
export { checkGaInvariants } from './invariants';
export { ACCOUNT_FEATURES, SERVICE_STATUSES, applyAccountChange, parseAccountChange } from './account';
export { applyEndpointHealth, isHealthChecked, type EndpointHealthUpdate } from './health';

/**
 * Actions that take a ClientToken and change something (ga-api.md §6.1; OpenAcceleratorService places an order);
 * GetHealthStatus takes one but only reads.
 */
const mutations: Record<string, ActionHandler> = {
  CreateAccelerator: createAccelerator,
  UpdateAccelerator: updateAccelerator,
  CreateBandwidthPackage: createBandwidthPackage,
  DeleteBandwidthPackage: deleteBandwidthPackage,
  CreateIpSets: createIpSets,
  UpdateIpSet: updateIpSet,
  DeleteIpSet: deleteIpSet,
  CreateListener: createListener,
  UpdateListener: updateListener,
  DeleteListener: deleteListener,
  CreateEndpointGroup: createEndpointGroup,
  UpdateEndpointGroup: updateEndpointGroup,
  UpdateEndpointGroupAttribute: updateEndpointGroupAttribute,
  DeleteEndpointGroup: deleteEndpointGroup,
  OpenAcceleratorService: openAcceleratorService,
};

const others: Record<string, ActionHandler> = {
  DescribeAccelerator: describeAccelerator,
  ListAccelerators: listAccelerators,
  DeleteAccelerator: deleteAccelerator,
  DescribeBandwidthPackage: describeBandwidthPackage,
  ListBandwidthPackages: listBandwidthPackages,
  BandwidthPackageAddAccelerator: bandwidthPackageAddAccelerator,
  BandwidthPackageRemoveAccelerator: bandwidthPackageRemoveAccelerator,
  ListAvailableAccelerateAreas: listAvailableAccelerateAreas,
  ListAvailableBusiRegions: listAvailableBusiRegions,
  ListCommonAreas: listCommonAreas,
  ListIpSets: listIpSets,
  DescribeIpSet: describeIpSet,
  DeleteIpSets: deleteIpSets,
  DescribeListener: describeListener,
  ListListeners: listListeners,
  DescribeEndpointGroup: describeEndpointGroup,
  ListEndpointGroups: listEndpointGroups,
  GetHealthStatus: getHealthStatus,
  DescribeAcceleratorServiceStatus: describeAcceleratorServiceStatus,
};

export const gaModule: ProductModule = {
  product: 'ga',
  version: '2019-11-20',
  handlers: {
    ...others,
    ...Object.fromEntries(Object.entries(mutations).map(([action, handler]) => [action, withClientToken(action, handler)])),
  },
  advance(state: EmulatorState, now: number): boolean {
    const moved = advanceGa(state, now);
    const pruned = pruneClientTokens(state.ga, now);
    return moved || pruned;
  },
};
