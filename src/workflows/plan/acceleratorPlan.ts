// One accelerator of the file against its live instance. Inside an accelerator the file is the whole truth:
// areas (by region), listeners (by name) and endpoint groups (by name and region) it does not list are deleted.
// What the API can change in place is updated (instance spec and name, area bandwidth, listener ports and
// affinity, endpoint group endpoints and weights); anything else is replaced, and the change says why.
import {
  childPath,
  describeState,
  isTransient,
  regionName,
  specName,
  type AcceleratorConfig,
  type AreaConfig,
  type EndpointGroupConfig,
  type ListenerConfig,
  type ResourceKind,
} from '../../model';
import type { DnsRecord } from '../../cloud';
import { recordsPointingAt } from '../live/dnsScan';
import { liveIpv6Addresses, type LiveAccelerator, type LiveArea, type LiveEndpointGroup, type LiveListener } from '../live/liveState';
import type { IdOrRef } from '../operations';
import { acceleratorTeardown, nameAndId } from '../teardown';
import { PHASE, type PlanBuilder } from './builder';
import type { AcceleratorMatch } from './identity';
import { acceleratorPurchase, bandwidthPlanPurchase, specChangePurchase } from './purchases';
import { PLAN_CODES, type FieldChange } from './types';
import * as V from './views';

/** What the DNS part of the plan needs to know about an accelerator once its own plan is made. */
export interface AcceleratorFate {
  name: string;
  absent: boolean;
  /** Its id, or the Ref its creation fills in. */
  accelerator: IdOrRef;
  /** The operation (re)creating it, when there is one. */
  createdBy?: string;
  /** Its CNAME, when it is known now (not created or replaced by this plan). */
  dnsName?: string;
  /** Its areas as they will be, by region. */
  areas: Map<string, { ipVersion: string; ipv6?: string; createdBy?: string }>;
}

export interface AcceleratorPlanInput {
  match: AcceleratorMatch;
  /** Records of the zones read, for what a delete breaks. */
  records: readonly DnsRecord[];
  autoPay: boolean;
}

export function planAccelerator(input: AcceleratorPlanInput, b: PlanBuilder): AcceleratorFate {
  return new AcceleratorPlanner(input, b).plan();
}

const REF = {
  accelerator: (a: string) => `accelerator:${a}`,
  plan: (a: string) => `plan:${a}`,
  area: (a: string, region: string) => `area:${a}/${region}`,
  listener: (a: string, l: string) => `listener:${a}/${l}`,
  group: (a: string, l: string, g: string, region: string) => `group:${a}/${l}/${g}@${region}`,
};

class AcceleratorPlanner {
  private readonly d: AcceleratorConfig;
  private readonly l?: LiveAccelerator;
  private readonly lane: string;
  private readonly addr: string;
  private readonly path: string;
  private readonly fate: AcceleratorFate;
  /** Areas to delete, gathered into one DeleteIpSets. */
  private readonly areasToDelete: LiveArea[] = [];

  constructor(
    private readonly input: AcceleratorPlanInput,
    private readonly b: PlanBuilder,
  ) {
    this.d = input.match.desired;
    this.l = input.match.live;
    this.lane = this.d.name;
    this.addr = `accelerators.${this.d.name}`;
    this.path = childPath('accelerators', this.d.name);
    this.fate = { name: this.d.name, absent: this.d.state === 'absent', accelerator: this.l ? { id: this.l.id } : { ref: REF.accelerator(this.d.name) }, areas: new Map() };
  }

  plan(): AcceleratorFate {
    const { d, l } = this;
    if (d.state === 'absent') {
      if (l) this.remove(l);
      return this.fate;
    }
    if (!l) {
      this.createAll('');
      return this.fate;
    }
    this.fate.dnsName = l.dnsName;
    const mismatch = this.billingMismatch(l);
    if (mismatch) {
      if (l.chargeType !== 'POSTPAY') {
        this.b.problem({
          path: childPath(this.path, 'billing'),
          severity: 'error',
          code: PLAN_CODES.subscriptionNotDeletable,
          message: `${mismatch} Replacing it would mean deleting ${l.name} (${l.id}), a subscription instance, which GA does not do through its API: change the file back, or release the instance in the console first.`,
        });
        // Records pointing at it are judged against the instance as it is: one error, not a cascade.
        for (const a of l.areas) this.fate.areas.set(a.region, { ipVersion: a.ipVersion, ipv6: liveIpv6Addresses({ areas: [a] })[0] });
        return this.fate;
      }
      this.replaceAll(l, mismatch);
      return this.fate;
    }
    if (!d.bandwidthPlan && !l.plan && l.bandwidthBilling !== 'CDT' && (d.areas.length > 0 || d.listeners.length > 0)) {
      this.b.problem({
        path: this.path,
        severity: 'warning',
        code: PLAN_CODES.planMissing,
        message: `${d.name} (${l.id}) is billed by a bandwidth plan but has none bound, and the file gives none: GA refuses areas, listeners and endpoint groups until a plan is bound. Add \`bandwidthPlan:\` to buy and bind one.`,
      });
    }
    this.updateAccelerator(l);
    const planReplaced = this.bandwidthPlan(l);
    this.areas(l, planReplaced);
    this.listeners(l, planReplaced);
    this.deleteAreas(l);
    this.waitForTransient(l);
    return this.fate;
  }

  private deleteAreas(l: LiveAccelerator): void {
    if (this.areasToDelete.length > 0) {
      this.b.op(PHASE.deleteAreas, this.meta('deleteAreas', this.areasToDelete.map((a) => a.id).join(','), `Delete ${this.areasToDelete.length === 1 ? `acceleration area ${regionName(this.areasToDelete[0].region)}` : `${this.areasToDelete.length} acceleration areas`}`, this.addr), {
        type: 'deleteAreas',
        acceleratorId: l.id,
        areaIds: this.areasToDelete.map((a) => a.id),
      });
    }
  }

  // ---- whole accelerator ------------------------------------------------------------------------------------

  /** `state: absent`: everything under it, then the instance (and its plan when pay-as-you-go). */
  private remove(l: LiveAccelerator): void {
    if (l.chargeType !== 'POSTPAY') {
      this.b.problem({
        path: childPath(this.path, 'state'),
        severity: 'error',
        code: PLAN_CODES.subscriptionNotDeletable,
        message: `${l.name} (${l.id}) is a subscription instance: GA does not delete subscriptions through its API. Release it in the console (or let it expire), or remove \`state: absent\`.`,
      });
      return;
    }
    this.deleteChanges(l, `\`state: absent\` in the file`);
    this.teardown(l);
    this.waitForTransient(l);
  }

  /** Billing cannot change in place: a new instance (with everything in the file), after the old one goes. */
  private replaceAll(l: LiveAccelerator, why: string): void {
    this.deleteChanges(l, `replaced with the accelerator: ${why}`, true);
    this.teardown(l);
    this.createAll(why, l);
    this.waitForTransient(l);
  }

  private teardown(l: LiveAccelerator): void {
    for (const op of acceleratorTeardown(live(l), { lane: this.lane, address: this.addr }, { deletePlan: l.chargeType === 'POSTPAY' })) {
      this.b.op(PHASE.teardown, { ...op }, op);
    }
  }

  /** Delete changes for the instance and what is under it, each naming what goes with it. */
  private deleteChanges(l: LiveAccelerator, reason: string, replaced = false): void {
    const records = this.recordsPointingAt(l);
    this.b.change({
      action: replaced ? 'replace' : 'delete',
      kind: 'accelerator',
      address: this.addr,
      path: this.path,
      accelerator: this.d.name,
      before: V.liveAcceleratorView(l),
      after: replaced ? V.desiredAcceleratorView(this.d) : null,
      reason,
      fields: replaced ? fieldDiff(this.path, V.liveAcceleratorView(l), V.desiredAcceleratorView(this.d), ['billing', 'billedBy', 'spec']) : [],
      dependents: [
        ...live(l).listeners.map((x) => `listener ${nameAndId(x.name, x.id)}${x.groups.length ? ` with ${x.groups.length} endpoint group${x.groups.length === 1 ? '' : 's'}` : ''}`),
        ...live(l).areas.map((a) => `acceleration area ${regionName(a.region)}${a.addresses.length ? ` (${a.addresses.join(', ')})` : ''}`),
        ...(l.plan ? [`bandwidth plan ${l.plan.id} (${l.chargeType === 'POSTPAY' ? 'deleted' : 'unbound; a subscription stays until it expires'})`] : []),
        ...records.map((r) => `DNS record ${r.rr === '@' ? r.domainName : `${r.rr}.${r.domainName}`} ${r.type} (stops working)`),
      ],
    });
  }

  /** A new instance and everything the file puts in it. `replacing` is the instance it replaces, if any. */
  private createAll(why: string, replacing?: LiveAccelerator): void {
    const d = this.d;
    const accRef: IdOrRef = { ref: REF.accelerator(d.name) };
    this.fate.accelerator = accRef;
    this.fate.dnsName = undefined;
    if (!replacing) {
      this.b.change({ action: 'create', kind: 'accelerator', address: this.addr, path: this.path, accelerator: d.name, before: null, after: V.desiredAcceleratorView(d) });
    }
    const createdBy = this.b.op(
      PHASE.accelerator,
      { ...this.meta('createAccelerator', d.name, `Create GA instance ${d.name}${d.spec ? ` (${specName(d.spec)})` : ''}`, this.addr), purchase: acceleratorPurchase(d, this.input.autoPay) },
      {
        type: 'createAccelerator',
        produces: REF.accelerator(d.name),
        name: d.name,
        spec: d.spec,
        chargeType: d.billing === 'payAsYouGo' ? 'POSTPAY' : 'PREPAY',
        term: d.term,
        bandwidthBilling: d.bandwidthPlan ? 'BandwidthPackage' : 'CDT',
        autoPay: this.input.autoPay,
      },
    );
    this.fate.createdBy = createdBy;
    if (d.bandwidthPlan) this.createPlan(accRef, why ? 'replace' : 'create');
    for (const a of d.areas) this.createArea(a, accRef, why ? `with the new accelerator` : undefined);
    for (const l of d.listeners) this.createListener(l, accRef);
  }

  private billingMismatch(l: LiveAccelerator): string | undefined {
    const d = this.d;
    const wanted = d.billing === 'payAsYouGo' ? 'POSTPAY' : 'PREPAY';
    if (l.chargeType && l.chargeType !== wanted) {
      return `The file says billing: ${d.billing}, the instance is ${V.billingOf(l.chargeType)}: an instance's billing cannot change.`;
    }
    if (d.bandwidthPlan && l.bandwidthBilling === 'CDT') return 'The file gives it a bandwidth plan, but the instance is billed by data transfer (CDT): an instance\'s bandwidth billing cannot change.';
    if (!d.bandwidthPlan && l.plan) return `The file gives it no bandwidth plan (billed by data transfer), but the instance is billed by its bandwidth plan ${l.plan.id}: an instance's bandwidth billing cannot change.`;
    return undefined;
  }

  // ---- waits for what is mid-change ---------------------------------------------------------------------------

  /**
   * Resources found mid-change (an interrupted run, another client) are adopted and waited for before anything
   * else is sent to the accelerator, and even when nothing else is: apply ends with the account settled. Waits
   * are operations, not changes (they change nothing).
   */
  private waitForTransient(l: LiveAccelerator): void {
    const wait = (kind: ResourceKind, id: string, state: string, what: string, create: string, update: string, del: string) => {
      if (!isTransient(kind, state)) return;
      const action = state === 'deleting' ? del : state === 'init' ? create : update;
      this.b.op(PHASE.wait, this.meta('waitFor', id, `Wait for ${what} (${describeState(state)})`, this.addr), { type: 'waitFor', action, resourceId: id, acceleratorId: l.id, what });
    };
    wait('accelerator', l.id, l.state, `accelerator ${nameAndId(l.name, l.id)}`, 'CreateAccelerator', 'UpdateAccelerator', 'UpdateAccelerator');
    for (const a of l.areas) wait('ipSet', a.id, a.state, `acceleration area ${regionName(a.region)}`, 'CreateIpSets', 'UpdateIpSet', 'DeleteIpSets');
    for (const x of l.listeners) wait('listener', x.id, x.state, `listener ${nameAndId(x.name, x.id)}`, 'CreateListener', 'UpdateListener', 'DeleteListener');
    for (const g of [...l.listeners.flatMap((x) => x.groups), ...l.orphanGroups]) wait('endpointGroup', g.id, g.state, `endpoint group ${nameAndId(g.name, g.id)}`, 'CreateEndpointGroup', 'UpdateEndpointGroup', 'DeleteEndpointGroup');
  }

  // ---- the instance -------------------------------------------------------------------------------------------

  private updateAccelerator(l: LiveAccelerator): void {
    const d = this.d;
    // An instance without a name is exported under its id: that is no rename.
    const rename = d.id !== undefined && d.name !== l.name && !(l.name === '' && d.name === l.id);
    const respec = d.spec !== undefined && d.spec !== l.spec;
    if (!rename && !respec) return;
    const before = V.liveAcceleratorView(l);
    const after = { ...before, name: d.name, spec: d.spec ?? l.spec };
    delete (after as Record<string, unknown>).state;
    this.b.change({
      action: 'update',
      kind: 'accelerator',
      address: this.addr,
      path: this.path,
      accelerator: d.name,
      before,
      after,
      fields: fieldDiff(this.path, before, after, ['name', 'spec']),
    });
    this.b.op(
      PHASE.accelerator,
      {
        ...this.meta('updateAccelerator', l.id, `Update GA instance ${nameAndId(l.name, l.id)}: ${[rename ? `name → ${d.name}` : '', respec ? `${specName(l.spec)} → ${specName(d.spec)}` : ''].filter(Boolean).join(', ')}`, this.addr),
        ...(respec && d.spec ? { purchase: specChangePurchase(d, l.spec, d.spec, l.chargeType, this.input.autoPay) } : {}),
      },
      { type: 'updateAccelerator', accelerator: { id: l.id }, ...(rename ? { name: d.name } : {}), ...(respec ? { spec: d.spec } : {}), autoPay: this.input.autoPay },
    );
  }

  // ---- bandwidth plan -------------------------------------------------------------------------------------------

  /** Returns true when the plan is replaced: then every area and endpoint group is re-created around it. */
  private bandwidthPlan(l: LiveAccelerator): boolean {
    const want = this.d.bandwidthPlan;
    const have = l.plan;
    const address = `${this.addr}.bandwidthPlan`;
    const path = childPath(this.path, 'bandwidthPlan');
    if (!want) return false;
    if (!have) {
      this.createPlan({ id: l.id }, 'create');
      return false;
    }
    const before = { id: have.id, bandwidthType: have.bandwidthType, bandwidth: have.bandwidth };
    const after = { bandwidthType: want.bandwidthType, bandwidth: want.bandwidth };
    if (have.bandwidth === want.bandwidth && have.bandwidthType === want.bandwidthType) return false;
    const subscription = l.chargeType !== 'POSTPAY';
    this.b.change({
      action: 'replace',
      kind: 'bandwidthPlan',
      address,
      path,
      accelerator: this.d.name,
      before,
      after,
      fields: fieldDiff(path, before, after, ['bandwidthType', 'bandwidth']),
      reason:
        'A bandwidth plan\'s size and type are not changed in place here: a new plan is bought and bound instead. GA unbinds a plan only from an accelerator without acceleration areas and endpoint groups, so those are re-created around it.' +
        (subscription ? ` The old plan ${have.id} is a subscription: it is unbound and stays until it expires.` : ` The old plan ${have.id} is deleted.`),
      dependents: [...l.areas.map((a) => `acceleration area ${regionName(a.region)}`), ...l.listeners.flatMap((x) => x.groups.map((g) => `endpoint group ${nameAndId(g.name, g.id)}`))],
    });
    this.b.op(PHASE.unbindPlan, this.meta('unbindBandwidthPlan', have.id, `Unbind bandwidth plan ${have.id}`, address), { type: 'unbindBandwidthPlan', planId: have.id, accelerator: { id: l.id } });
    if (!subscription) this.b.op(PHASE.deletePlan, this.meta('deleteBandwidthPlan', have.id, `Delete bandwidth plan ${have.id}`, address), { type: 'deleteBandwidthPlan', planId: have.id });
    this.createPlan({ id: l.id }, 'replace', true);
    return true;
  }

  private createPlan(accelerator: IdOrRef, action: 'create' | 'replace', changeShown = false): void {
    const d = this.d;
    const want = d.bandwidthPlan;
    if (!want) return;
    const address = `${this.addr}.bandwidthPlan`;
    if (!changeShown) {
      this.b.change({ action: 'create', kind: 'bandwidthPlan', address, path: childPath(this.path, 'bandwidthPlan'), accelerator: d.name, before: null, after: { bandwidthType: want.bandwidthType, bandwidth: want.bandwidth } });
    }
    const planRef = REF.plan(d.name);
    const create = this.b.op(
      PHASE.createPlan,
      { ...this.meta('createBandwidthPlan', `${d.name}/${action}`, `Buy the basic bandwidth plan of ${d.name} (${want.bandwidthType}, ${want.bandwidth} Mbit/s)`, address), purchase: bandwidthPlanPurchase(d, want, this.input.autoPay) },
      { type: 'createBandwidthPlan', produces: planRef, accelerator, bandwidth: want.bandwidth, bandwidthType: want.bandwidthType, chargeType: d.billing === 'payAsYouGo' ? 'POSTPAY' : 'PREPAY', term: d.term, autoPay: this.input.autoPay },
    );
    this.b.op(PHASE.bindPlan, { ...this.meta('bindBandwidthPlan', d.name, `Bind the bandwidth plan to ${d.name}`, address), dependsOn: [create] }, { type: 'bindBandwidthPlan', plan: { ref: planRef }, accelerator });
  }

  // ---- acceleration areas -----------------------------------------------------------------------------------------

  private areas(l: LiveAccelerator, planReplaced: boolean): void {
    const d = this.d;
    const present = l.areas.filter((a) => a.state !== 'deleting');
    for (const a of present) {
      const want = d.areas.find((x) => x.region === a.region);
      const address = `${this.addr}.areas.${a.region}`;
      if (!want) {
        this.b.change({
          action: 'delete',
          kind: 'area',
          address,
          path: childPath(this.path, 'areas'),
          accelerator: d.name,
          before: V.liveAreaView(a),
          after: null,
          reason: `${regionName(a.region)} is not among the file's areas of ${d.name}.`,
          dependents: this.areaDependents(a),
        });
        this.areasToDelete.push(a);
        continue;
      }
      const path = childPath(this.path, 'areas', a.region);
      const before = V.liveAreaView(a);
      const after = V.desiredAreaView(want);
      const rebuild = this.areaRebuild(a, want);
      if (rebuild || planReplaced) {
        this.b.change({
          action: 'replace',
          kind: 'area',
          address,
          path,
          accelerator: d.name,
          before,
          after,
          fields: fieldDiff(path, before, after, ['ipVersion', 'ispType', 'bandwidth']),
          reason: rebuild ?? 'Re-created around the new bandwidth plan.',
          dependents: [...a.addresses.map((x) => `address ${x} (released; a new one is allocated)`), ...this.areaDependents(a)],
        });
        this.areasToDelete.push(a);
        this.createArea(want, { id: l.id }, undefined, true);
        continue;
      }
      this.fate.areas.set(a.region, { ipVersion: a.ipVersion, ipv6: liveIpv6Addresses({ areas: [a] })[0] });
      if (want.bandwidth !== undefined && want.bandwidth !== a.bandwidth) {
        this.b.change({ action: 'update', kind: 'area', address, path, accelerator: d.name, before, after, fields: fieldDiff(path, before, after, ['bandwidth']) });
        const shrink = a.bandwidth !== undefined && want.bandwidth < a.bandwidth;
        this.b.op(shrink ? PHASE.shrinkAreas : PHASE.growAreas, this.meta('updateArea', a.id, `Change the bandwidth of ${regionName(a.region)} from ${a.bandwidth ?? '?'} to ${want.bandwidth} Mbit/s`, address), {
          type: 'updateArea',
          areaId: a.id,
          bandwidth: want.bandwidth,
        });
      }
    }
    for (const want of d.areas) if (!present.some((a) => a.region === want.region)) this.createArea(want, { id: l.id });
  }

  /** Why an area must be re-created, if it must. */
  private areaRebuild(a: LiveArea, want: AreaConfig): string | undefined {
    if (want.ipVersion !== a.ipVersion) return `An area's IP version cannot change (${a.ipVersion} → ${want.ipVersion}): it is re-created, with a new address.`;
    if (want.ispType !== undefined && want.ispType !== (a.ispType ?? 'BGP')) return `An area's line type cannot change (${a.ispType ?? 'BGP'} → ${want.ispType}): it is re-created, with a new address.`;
    return undefined;
  }

  private createArea(want: AreaConfig, accelerator: IdOrRef, reason?: string, changeShown = false): void {
    const d = this.d;
    const address = `${this.addr}.areas.${want.region}`;
    if (!changeShown) {
      this.b.change({ action: 'create', kind: 'area', address, path: childPath(this.path, 'areas', want.region), accelerator: d.name, before: null, after: V.desiredAreaView(want), ...(reason ? { reason } : {}) });
    }
    const id = this.b.op(PHASE.createAreas, this.meta('createArea', want.region, `Add acceleration area ${regionName(want.region)} (${want.ipVersion}${want.bandwidth !== undefined ? `, ${want.bandwidth} Mbit/s` : ''})`, address), {
      type: 'createArea',
      produces: REF.area(d.name, want.region),
      accelerator,
      region: want.region,
      ipVersion: want.ipVersion,
      bandwidth: want.bandwidth,
      // An instance billed by data transfer needs the area's line (ga-yaml.md: default BGP).
      ispType: want.ispType ?? (d.bandwidthPlan ? undefined : 'BGP'),
    });
    this.fate.areas.set(want.region, { ipVersion: want.ipVersion, createdBy: id });
  }

  private areaDependents(a: LiveArea): string[] {
    return recordsPointingAt(this.input.records, { ipv6Addresses: a.addresses }).map((r) => `DNS record ${r.rr === '@' ? r.domainName : `${r.rr}.${r.domainName}`} ${r.type} → ${r.value} (stops working)`);
  }

  // ---- listeners and endpoint groups ------------------------------------------------------------------------------

  private listeners(l: LiveAccelerator, planReplaced: boolean): void {
    const d = this.d;
    const present = l.listeners.filter((x) => x.state !== 'deleting');
    for (const g of l.orphanGroups.filter((x) => x.state !== 'deleting')) this.deleteGroup(g, `${this.addr}.listeners`, childPath(this.path, 'listeners'), 'Its listener is being deleted.');
    const matched = new Set<LiveListener>();
    for (const want of d.listeners) {
      const have = present.find((x) => !matched.has(x) && sameName(x, want.name));
      if (!have) {
        this.createListener(want, { id: l.id });
        continue;
      }
      matched.add(have);
      const address = `${this.addr}.listeners.${want.name}`;
      const path = childPath(this.path, 'listeners', want.name);
      const before = V.liveListenerView(have);
      const after = V.desiredListenerView(want);
      if (have.protocol !== want.protocol) {
        this.b.change({
          action: 'replace',
          kind: 'listener',
          address,
          path,
          accelerator: d.name,
          before,
          after,
          fields: fieldDiff(path, before, after, ['protocol', 'ports', 'clientAffinity']),
          reason: `A listener's protocol is not changed in place (${have.protocol} → ${want.protocol}): it is re-created with its endpoint groups.`,
          dependents: have.groups.filter((g) => g.state !== 'deleting').map((g) => `endpoint group ${nameAndId(g.name, g.id)}`),
        });
        for (const g of have.groups.filter((x) => x.state !== 'deleting')) this.b.op(PHASE.deleteGroups, this.meta('deleteEndpointGroup', g.id, `Delete endpoint group ${nameAndId(g.name, g.id)}`, address), { type: 'deleteEndpointGroup', groupId: g.id });
        this.b.op(PHASE.deleteListeners, this.meta('deleteListener', have.id, `Delete listener ${nameAndId(have.name, have.id)}`, address), { type: 'deleteListener', listenerId: have.id });
        this.createListener(want, { id: l.id }, true);
        continue;
      }
      const fields = fieldDiff(path, before, after, ['ports', 'clientAffinity']);
      if (fields.length > 0) {
        this.b.change({ action: 'update', kind: 'listener', address, path, accelerator: d.name, before, after, fields });
        const portsChanged = fields.some((f) => f.key === 'ports');
        const affinityChanged = fields.some((f) => f.key === 'clientAffinity');
        this.b.op(PHASE.updateListeners, this.meta('updateListener', have.id, `Update listener ${want.name}: ${fields.map((f) => `${f.key} ${fmt(f.before)} → ${fmt(f.after)}`).join(', ')}`, address), {
          type: 'updateListener',
          listenerId: have.id,
          ...(portsChanged ? { ports: want.ports } : {}),
          ...(affinityChanged ? { clientAffinity: want.clientAffinity ?? 'NONE' } : {}),
        });
      }
      this.endpointGroups(want, have, planReplaced);
    }
    for (const have of present.filter((x) => !matched.has(x))) {
      const address = `${this.addr}.listeners.${have.name || have.id}`;
      const groups = have.groups.filter((g) => g.state !== 'deleting');
      this.b.change({
        action: 'delete',
        kind: 'listener',
        address,
        path: childPath(this.path, 'listeners'),
        accelerator: d.name,
        before: V.liveListenerView(have),
        after: null,
        reason: `Listener ${nameAndId(have.name, have.id)} is not among the file's listeners of ${d.name}.`,
        dependents: [...groups.map((g) => `endpoint group ${nameAndId(g.name, g.id)} (deleted first)`), `clients on ${have.protocol}:${V.portsView(have.ports).join(',')}`],
      });
      for (const g of groups) this.deleteGroup(g, address, childPath(this.path, 'listeners'), `Its listener ${nameAndId(have.name, have.id)} is deleted.`);
      this.b.op(PHASE.deleteListeners, this.meta('deleteListener', have.id, `Delete listener ${nameAndId(have.name, have.id)}`, address), { type: 'deleteListener', listenerId: have.id });
    }
  }

  private createListener(want: ListenerConfig, accelerator: IdOrRef, changeShown = false): void {
    const d = this.d;
    const address = `${this.addr}.listeners.${want.name}`;
    if (!changeShown) this.b.change({ action: 'create', kind: 'listener', address, path: childPath(this.path, 'listeners', want.name), accelerator: d.name, before: null, after: V.desiredListenerView(want) });
    const ref = REF.listener(d.name, want.name);
    const id = this.b.op(PHASE.createListeners, this.meta('createListener', want.name, `Create listener ${want.name} (${want.protocol}:${V.portsView(want.ports).join(',')})`, address), {
      type: 'createListener',
      produces: ref,
      accelerator,
      name: want.name,
      protocol: want.protocol,
      ports: want.ports,
      clientAffinity: want.clientAffinity ?? 'NONE',
    });
    want.endpointGroups.forEach((g, i) => this.createGroup(want, g, i, accelerator, { ref }, id));
  }

  private endpointGroups(want: ListenerConfig, have: LiveListener, planReplaced: boolean): void {
    const d = this.d;
    const listenerAddress = `${this.addr}.listeners.${want.name}`;
    const listenerPath = childPath(this.path, 'listeners', want.name);
    const present = have.groups.filter((g) => g.state !== 'deleting');
    const matched = new Set<LiveEndpointGroup>();
    want.endpointGroups.forEach((g, i) => {
      const match = present.find((x) => !matched.has(x) && sameName(x, g.name) && x.region === g.region);
      if (!match) {
        this.createGroup(want, g, i, { id: this.l?.id ?? '' }, { id: have.id });
        return;
      }
      matched.add(match);
      const address = `${listenerAddress}.endpointGroups.${g.name}.${g.region}`;
      const path = childPath(listenerPath, 'endpointGroups', i);
      const before = V.liveGroupView(match);
      const after = V.desiredGroupView(g);
      if (planReplaced) {
        this.b.change({ action: 'replace', kind: 'endpointGroup', address, path, accelerator: d.name, before, after, reason: 'Re-created around the new bandwidth plan.', fields: fieldDiff(path, before, after, ['endpoints', 'preserveClientIp']) });
        this.b.op(PHASE.deleteGroups, this.meta('deleteEndpointGroup', match.id, `Delete endpoint group ${nameAndId(match.name, match.id)}`, address), { type: 'deleteEndpointGroup', groupId: match.id });
        this.createGroup(want, g, i, { id: this.l?.id ?? '' }, { id: have.id }, undefined, true);
        return;
      }
      const fields = [...endpointDiff(path, match, g), ...fieldDiff(path, before, after, ['preserveClientIp'])];
      if (fields.length === 0) return;
      this.b.change({ action: 'update', kind: 'endpointGroup', address, path, accelerator: d.name, before, after, fields });
      this.b.op(PHASE.updateGroups, this.meta('updateEndpointGroup', match.id, `Update endpoint group ${g.name}: ${fields.map((f) => `${f.key} ${fmt(f.before)} → ${fmt(f.after)}`).join(', ')}`, address), {
        type: 'updateEndpointGroup',
        groupId: match.id,
        region: g.region,
        endpoints: g.endpoints,
        preserveClientIp: g.preserveClientIp ?? false,
      });
    });
    for (const g of present.filter((x) => !matched.has(x))) this.deleteGroup(g, listenerAddress, childPath(listenerPath, 'endpointGroups'), `Endpoint group ${nameAndId(g.name, g.id)} (${regionName(g.region)}) is not among the file's endpoint groups of listener ${want.name}.`, true);
  }

  private createGroup(listener: ListenerConfig, g: EndpointGroupConfig, index: number, accelerator: IdOrRef, listenerRef: IdOrRef, listenerOp?: string, changeShown = false): void {
    const d = this.d;
    const address = `${this.addr}.listeners.${listener.name}.endpointGroups.${g.name}.${g.region}`;
    if (!changeShown) {
      this.b.change({ action: 'create', kind: 'endpointGroup', address, path: childPath(this.path, 'listeners', listener.name, 'endpointGroups', index), accelerator: d.name, before: null, after: V.desiredGroupView(g) });
    }
    this.b.op(
      PHASE.createGroups,
      { ...this.meta('createEndpointGroup', `${listener.name}/${g.name}@${g.region}`, `Create endpoint group ${g.name} (${regionName(g.region)}: ${g.endpoints.map((e) => `${e.ip} weight ${e.weight}`).join(', ')})`, address), dependsOn: listenerOp ? [listenerOp] : [] },
      {
        type: 'createEndpointGroup',
        produces: REF.group(d.name, listener.name, g.name, g.region),
        accelerator,
        listener: listenerRef,
        name: g.name,
        region: g.region,
        endpoints: g.endpoints,
        preserveClientIp: g.preserveClientIp ?? false,
      },
    );
  }

  private deleteGroup(g: LiveEndpointGroup, parentAddress: string, path: string, reason: string, showChange = true): void {
    const address = `${parentAddress}.endpointGroups.${g.name || g.id}.${g.region}`;
    if (showChange) {
      this.b.change({
        action: 'delete',
        kind: 'endpointGroup',
        address,
        path,
        accelerator: this.d.name,
        before: V.liveGroupView(g),
        after: null,
        reason,
        dependents: g.endpoints.length ? [`traffic to ${g.endpoints.map((e) => e.ip).join(', ')}`] : [],
      });
    }
    this.b.op(PHASE.deleteGroups, this.meta('deleteEndpointGroup', g.id, `Delete endpoint group ${nameAndId(g.name, g.id)}`, parentAddress), { type: 'deleteEndpointGroup', groupId: g.id });
  }

  // ---- helpers ----------------------------------------------------------------------------------------------------

  private meta(type: string, key: string, title: string, address: string) {
    return { id: `${this.lane}:${type}:${key}`, lane: this.lane, title, address };
  }

  private recordsPointingAt(l: LiveAccelerator): DnsRecord[] {
    return recordsPointingAt(this.input.records, { dnsName: l.dnsName, ipv6Addresses: liveIpv6Addresses(l) });
  }
}

/** Live resources without the ones already being deleted. */
function live(l: LiveAccelerator): LiveAccelerator {
  const listeners = l.listeners.filter((x) => x.state !== 'deleting').map((x) => ({ ...x, groups: x.groups.filter((g) => g.state !== 'deleting') }));
  return { ...l, listeners, areas: l.areas.filter((a) => a.state !== 'deleting'), orphanGroups: l.orphanGroups.filter((g) => g.state !== 'deleting') };
}

/**
 * A live resource answers to the file's name; one created elsewhere without a name answers to its id (which is
 * what export writes for it).
 */
function sameName(x: { name: string; id: string }, name: string): boolean {
  return x.name === name || (x.name === '' && x.id === name);
}

function fieldDiff(path: string, before: V.View, after: V.View, keys: readonly string[]): FieldChange[] {
  return keys.filter((k) => after[k] !== undefined && !V.same(before[k], after[k])).map((k) => ({ key: k, path: childPath(path, k), before: before[k], after: after[k] }));
}

/** Endpoints compared by address: each changed weight, added or removed endpoint is one field. */
function endpointDiff(path: string, have: LiveEndpointGroup, want: EndpointGroupConfig): FieldChange[] {
  const out: FieldChange[] = [];
  want.endpoints.forEach((e, i) => {
    const cur = have.endpoints.find((x) => x.ip === e.ip);
    if (!cur) out.push({ key: `endpoints[${i}]`, path: childPath(path, 'endpoints', i), before: null, after: { ip: e.ip, weight: e.weight } });
    else if (cur.weight !== e.weight) out.push({ key: `endpoints[${i}].weight`, path: childPath(path, 'endpoints', i, 'weight'), before: cur.weight, after: e.weight });
    else if (cur.type !== 'Ip') out.push({ key: `endpoints[${i}].type`, path: childPath(path, 'endpoints', i), before: cur.type, after: 'Ip' });
  });
  for (const cur of have.endpoints) {
    if (!want.endpoints.some((e) => e.ip === cur.ip)) out.push({ key: 'endpoints', path: childPath(path, 'endpoints'), before: { ip: cur.ip, weight: cur.weight }, after: null });
  }
  return out;
}

function fmt(v: unknown): string {
  return v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);
}
