// Operations: the steps that change the cloud, each one mutation (or a wait for a resource found half-done),
// as data. A plan produces them in order with their dependencies; the executor runs them; the explorer's
// deletes and the seed steps build them too. Resources that do not exist yet are named by a Ref that the
// operation creating them fills in when it runs, so a plan can say "the listener web of web-ipv6" before
// either exists.
import type { EndpointConfig, TermConfig } from '../model';

/** An endpoint as an operation sends it: a custom IP (ga.yaml's kind) unless `type` says otherwise (a form's). */
export type OperationEndpoint = EndpointConfig & { type?: string };
import type { PurchaseSummary } from './step';

/** A key for a resource created during the run: 'accelerator:web-ipv6', 'area:web-ipv6/cn-beijing', … */
export type Ref = string;

/** A live resource (its id) or one created earlier in the run (its Ref). */
export type IdOrRef = { id: string } | { ref: Ref };

/** Where a DNS record's value comes from: written in the file, or an address / CNAME known once created. */
export type ValueSource =
  | { literal: string }
  /** The IPv6 address of the accelerator's area in `region`. */
  | { ipv6Of: IdOrRef; region: string }
  /** The accelerator's CNAME (DnsName). */
  | { dnsNameOf: IdOrRef };

export type OperationSpec =
  /** Activates Global Accelerator for pay-as-you-go on the account (OpenAcceleratorService), when it is not. */
  | { type: 'openService' }
  /** A resource found in a transient state (a half-done earlier run, another client): wait until it settles. */
  | { type: 'waitFor'; action: string; resourceId: string; acceleratorId?: string; what: string }
  | {
      type: 'createAccelerator';
      produces: Ref;
      name: string;
      spec?: string;
      chargeType: 'PREPAY' | 'POSTPAY';
      term?: TermConfig;
      bandwidthBilling: 'BandwidthPackage' | 'CDT';
      autoPay: boolean;
      /**
       * Which existing instance counts as this one, found before buying: any of that name (ga.yaml: the name is
       * the identity; default), or only one of that name bought by this run (a form: each run buys its own).
       */
      adoptBy?: 'name' | 'run';
    }
  | { type: 'updateAccelerator'; accelerator: IdOrRef; name?: string; spec?: string; autoPay: boolean }
  | { type: 'deleteAccelerator'; acceleratorId: string }
  | {
      type: 'createBandwidthPlan';
      produces: Ref;
      /** The accelerator it is bought for: tagged with it, so an interrupted run finds it again. */
      accelerator: IdOrRef;
      bandwidth: number;
      bandwidthType: string;
      chargeType: 'PREPAY' | 'POSTPAY';
      term?: TermConfig;
      autoPay: boolean;
    }
  | { type: 'bindBandwidthPlan'; plan: IdOrRef; accelerator: IdOrRef }
  | { type: 'unbindBandwidthPlan'; planId: string; accelerator: IdOrRef }
  | { type: 'deleteBandwidthPlan'; planId: string }
  | { type: 'createArea'; produces: Ref; accelerator: IdOrRef; region: string; ipVersion: string; bandwidth?: number; ispType?: string }
  | { type: 'updateArea'; areaId: string; bandwidth: number }
  | { type: 'deleteAreas'; acceleratorId: string; areaIds: string[] }
  | { type: 'createListener'; produces: Ref; accelerator: IdOrRef; name: string; protocol: string; ports: { fromPort: number; toPort: number }[]; clientAffinity: string }
  | { type: 'updateListener'; listenerId: string; ports?: { fromPort: number; toPort: number }[]; clientAffinity?: string }
  | { type: 'deleteListener'; listenerId: string }
  | {
      type: 'createEndpointGroup';
      produces: Ref;
      accelerator: IdOrRef;
      listener: IdOrRef;
      name: string;
      region: string;
      endpoints: OperationEndpoint[];
      preserveClientIp: boolean;
    }
  | { type: 'updateEndpointGroup'; groupId: string; region: string; endpoints: OperationEndpoint[]; preserveClientIp: boolean }
  | { type: 'deleteEndpointGroup'; groupId: string }
  | { type: 'addDnsRecord'; zone: string; host: string; recordType: 'AAAA' | 'CNAME'; value: ValueSource; ttl: number }
  | { type: 'updateDnsRecord'; zone: string; recordId: string; host: string; recordType: 'AAAA' | 'CNAME'; value: ValueSource; ttl: number }
  | { type: 'deleteDnsRecord'; zone: string; recordId: string };

export type OperationType = OperationSpec['type'];

export interface OperationMeta {
  /** Unique in its list; stable for the same change, so a retried run derives the same ClientTokens. */
  id: string;
  /**
   * Operations of one lane run one after another; lanes run in parallel. A lane per accelerator (GA takes one
   * mutation at a time per instance), and one for DNS records.
   */
  lane: string;
  /** "Create listener web (TCP:80)": for progress and reports. */
  title: string;
  /** The change it belongs to, as ga.yaml addresses it (`accelerators.web-ipv6.listeners.web`). */
  address: string;
  /** Operations (by id) that must have succeeded first; the ones in other lanes are waited for. */
  dependsOn: string[];
  /** Present when the operation buys something: nothing runs until the purchases are confirmed. */
  purchase?: PurchaseSummary;
}

export type Operation = OperationMeta & OperationSpec;

export const DNS_LANE = 'dns';
/** The lane of account-wide operations (service activation), which accelerators' creations wait for. */
export const ACCOUNT_LANE = 'account';

export function refOf(x: IdOrRef): string {
  return 'id' in x ? x.id : x.ref;
}

/** Mutating calls an operation makes (0 for a wait). */
export function isMutation(op: Pick<Operation, 'type'>): boolean {
  return op.type !== 'waitFor';
}
