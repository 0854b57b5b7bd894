// Seed step 3: a listener and its endpoint group, forwarding to the IPv4 service.
import {
  backendRegionProblems,
  endpointAddressProblems,
  endpointCountProblems,
  ENDPOINT_TYPES,
  LISTENER_PROTOCOLS,
  listenerConflictProblems,
  nameProblems,
  normalizeProtocol,
  portRangeProblems,
  problem,
  weightProblems,
  type ClientAffinity,
  type EndpointInput,
  type PortRange,
  type Problem,
} from '../../model';
import { newRunId } from '../runIdentity';
import { assertValid, type WorkflowStep } from '../step';
import { runSteps, stepOperations } from './runSteps';

export interface ListenerInput {
  acceleratorId: string;
  listenerName: string;
  protocol: string;
  portRanges: PortRange[];
  clientAffinity: ClientAffinity;
  endpointGroupName: string;
  endpointGroupRegion: string;
  preserveClientIp: boolean;
  endpoints: EndpointInput[];
  /** The accelerator's other listeners, for the port-conflict rule. */
  otherListeners?: { id?: string; name?: string; portRanges: PortRange[] }[];
  /** Loopback/private backends are allowed only against the local sandbox. */
  allowNonPublicEndpoints?: boolean;
}

export interface ListenerOutput {
  listenerId: string;
  endpointGroupId: string;
}

/** Every problem of the endpoint rows, errors and warnings (weight 0) alike, at `endpoints[n].<field>`. */
function endpointProblems(i: Partial<ListenerInput>): Problem[] {
  const endpoints = i.endpoints ?? [];
  const out: Problem[] = [...endpointCountProblems(endpoints.length, 'endpoints')];
  endpoints.forEach((e, n) => {
    const at = (field: string) => `endpoints[${n}].${field}`;
    if (!(ENDPOINT_TYPES as readonly string[]).includes(e.type)) out.push(problem('enum', at('type'), `Endpoint type "${e.type}" is not one of ${ENDPOINT_TYPES.join(', ')}.`));
    out.push(...weightProblems(e.weight, at('weight')));
    if (!e.endpoint) out.push(problem('required', at('endpoint'), 'Endpoint address is required.'));
    else if (e.type === 'Ip') out.push(...endpointAddressProblems(e.endpoint, i.allowNonPublicEndpoints === true, at('endpoint')));
  });
  return out;
}

function allProblems(i: Partial<ListenerInput>): Problem[] {
  const protocol = normalizeProtocol(i.protocol);
  const out: Problem[] = [];
  if (!i.acceleratorId) out.push(problem('required', 'acceleratorId', 'Choose the GA instance.'));
  out.push(...(i.listenerName === undefined ? [problem('required', 'listenerName', 'Listener name is required.')] : nameProblems('listener', i.listenerName, 'listenerName')));
  if (!protocol) out.push(problem('enum', 'protocol', `Protocol "${i.protocol}" is not one of ${LISTENER_PROTOCOLS.join(', ')}.`));
  if (!i.portRanges) out.push(problem('required', 'portRanges', 'Enter a listener port, e.g. 80.'));
  else if (protocol) {
    const own = portRangeProblems(i.portRanges, protocol, 'portRanges');
    out.push(...own, ...(own.length === 0 ? listenerConflictProblems(i.portRanges, protocol, i.otherListeners ?? [], 'portRanges') : []));
  }
  out.push(...(i.endpointGroupName === undefined ? [problem('required', 'endpointGroupName', 'Endpoint group name is required.')] : nameProblems('endpointGroup', i.endpointGroupName, 'endpointGroupName')));
  if (!i.endpointGroupRegion) out.push(problem('required', 'endpointGroupRegion', 'Choose the region where the backend service is.'));
  else out.push(...backendRegionProblems(i.endpointGroupRegion, undefined, 'endpointGroupRegion'));
  out.push(...endpointProblems(i));
  return out;
}

export const listenerStep: WorkflowStep<ListenerInput, ListenerOutput> = {
  id: 'listener',
  title: 'Add a listener and its endpoint group',

  validate(i) {
    return allProblems(i).filter((p) => p.severity === 'error');
  },

  warnings(i) {
    return allProblems(i).filter((p) => p.severity !== 'error');
  },

  async execute(i, ctx) {
    assertValid(listenerStep, i);
    const acc = i.acceleratorId;
    const listenerRef = `listener:${acc}/${i.listenerName}`;
    const groupRef = `group:${acc}/${i.listenerName}/${i.endpointGroupName}@${i.endpointGroupRegion}`;
    const protocol = normalizeProtocol(i.protocol) ?? 'TCP';
    const ops = stepOperations(acc, [
      {
        id: `${acc}:createListener:${i.listenerName}`,
        title: `Creating listener ${i.listenerName}`,
        address: `listeners.${i.listenerName}`,
        type: 'createListener',
        produces: listenerRef,
        accelerator: { id: acc },
        name: i.listenerName,
        protocol,
        ports: i.portRanges,
        clientAffinity: i.clientAffinity,
      },
      {
        id: `${acc}:createEndpointGroup:${i.listenerName}/${i.endpointGroupName}@${i.endpointGroupRegion}`,
        title: `Creating endpoint group ${i.endpointGroupName}`,
        address: `listeners.${i.listenerName}.endpointGroups.${i.endpointGroupName}.${i.endpointGroupRegion}`,
        type: 'createEndpointGroup',
        produces: groupRef,
        accelerator: { id: acc },
        listener: { ref: listenerRef },
        name: i.endpointGroupName,
        region: i.endpointGroupRegion,
        endpoints: i.endpoints.map((e) => ({ ip: e.endpoint, weight: e.weight, type: e.type })),
        preserveClientIp: i.preserveClientIp,
      },
    ]);
    const report = await runSteps(ops, ctx, ctx.runId ?? newRunId());
    return { listenerId: report.results.get(listenerRef)?.id ?? '', endpointGroupId: report.results.get(groupRef)?.id ?? '' };
  },
};
