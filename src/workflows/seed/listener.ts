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
import { assertValid, type WorkflowStep } from '../step';

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
    const wait = (what: string) => ({ signal: ctx.signal, onProgress: (p: Parameters<NonNullable<typeof ctx.onProgress>>[1]) => ctx.onProgress?.(what, p) });
    ctx.onProgress?.(`Creating listener ${i.listenerName}…`);
    const listener = await ctx.ga.createListener(
      { acceleratorId: i.acceleratorId, name: i.listenerName, protocol: normalizeProtocol(i.protocol), portRanges: i.portRanges, clientAffinity: i.clientAffinity },
      wait('Waiting for the listener'),
    );
    ctx.onProgress?.(`Creating endpoint group ${i.endpointGroupName}…`);
    const group = await ctx.ga.createEndpointGroup(
      {
        acceleratorId: i.acceleratorId,
        listenerId: listener.id,
        endpointGroupRegion: i.endpointGroupRegion,
        name: i.endpointGroupName,
        endpointConfigurations: i.endpoints.map((e) => ({ type: e.type, endpoint: e.endpoint, weight: e.weight, enableClientIPPreservation: i.preserveClientIp })),
      },
      wait('Waiting for the endpoint group'),
    );
    return { listenerId: listener.id, endpointGroupId: group.id };
  },
};
