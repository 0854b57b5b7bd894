// A per-resource change applied to the accelerator as ga.yaml data (exported from the live account and pinned by
// id): the plan of the result holds exactly that change, with the same checks and order as any apply. Pure.
import type { GaConfig } from '../../model';
import type { ResourceChange } from './resourceForms';

export function applyResourceChange(config: GaConfig, change: ResourceChange): void {
  const accelerator = config.accelerators.find((a) => a.id === change.acceleratorId) ?? config.accelerators[0];
  if (!accelerator) throw new Error(`Instance ${change.acceleratorId} is not in the exported configuration.`);
  const listener = (name: string) => {
    const l = accelerator.listeners.find((x) => x.name === name);
    if (!l) throw new Error(`Listener "${name}" is not part of instance "${accelerator.name}" any more; refresh the explorer.`);
    return l;
  };
  switch (change.kind) {
    case 'createArea':
      accelerator.areas.push(change.area);
      return;
    case 'updateAreaBandwidth': {
      const area = accelerator.areas.find((a) => a.region === change.region);
      if (!area) throw new Error(`Instance "${accelerator.name}" has no acceleration area in ${change.region} any more; refresh the explorer.`);
      area.bandwidth = change.bandwidth;
      return;
    }
    case 'createListener':
      accelerator.listeners.push(change.listener);
      return;
    case 'createEndpointGroup':
      listener(change.listenerName).endpointGroups.push(change.group);
      return;
    case 'updateEndpoints': {
      const group = listener(change.listenerName).endpointGroups.find((g) => g.name === change.groupName && g.region === change.region);
      if (!group) throw new Error(`Endpoint group "${change.groupName}" is not part of listener "${change.listenerName}" any more; refresh the explorer.`);
      group.endpoints = change.endpoints;
      return;
    }
    case 'createDnsRecord': {
      let zone = config.dns.find((z) => z.zone === change.zone);
      if (!zone) {
        zone = { zone: change.zone, records: [] };
        config.dns.push(zone);
      }
      zone.records.push({ ...change.record });
      return;
    }
  }
}
