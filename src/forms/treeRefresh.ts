// After a per-resource change, the explorer forgets only the answers the change made stale and redraws only
// the node that shows them: the accelerator's folders for a new area or listener, the listeners folder for a
// new endpoint group, the listener for new weights, the areas folder for a new bandwidth, the DNS folder for a
// new record. No other node is listed again.
import type { ExplorerTree } from '../explorer';
import type { ResourceChange } from '../workflows/forms';
import type { ResourceTarget } from './protocol';

/** The id of the explorer node that shows what `change` changed (ids are paths, see explorer/treeModel.ts). */
export function affectedNodeId(target: ResourceTarget, change: ResourceChange): string {
  const accelerator = `${target.profileId}/${target.acceleratorId}`;
  switch (change.kind) {
    case 'createArea':
    case 'createListener':
      return accelerator;
    case 'updateAreaBandwidth':
      return `${accelerator}/areas`;
    case 'createEndpointGroup':
      return `${accelerator}/listeners`;
    case 'updateEndpoints':
      return `${accelerator}/listeners/${change.listenerId}`;
    case 'createDnsRecord':
      return `${accelerator}/dns`;
  }
}

export function refreshAfterChange(tree: ExplorerTree, target: ResourceTarget, change: ResourceChange): string {
  const loader = tree.loaderFor(target.profileId);
  if (change.kind === 'createDnsRecord') loader?.forgetDns();
  else loader?.forgetAccelerator(target.acceleratorId);
  const id = affectedNodeId(target, change);
  const node = tree.nodeById(id);
  // A node never shown has nothing to redraw: its first expansion reads the fresh answer.
  if (node) tree.redraw(node);
  return id;
}
