// Seed step 3: a listener and its endpoint group, forwarding to the IPv4 service.
import {
  checkEndpoint,
  checkName,
  checkPortRanges,
  findPortConflict,
  normalizeProtocol,
  weightWarning,
  type ClientAffinity,
  type EndpointInput,
  type PortRange,
} from '../../model';
import { assertValid, problems, type FieldProblems, type WorkflowStep } from '../step';

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

function endpointProblems(i: Partial<ListenerInput>): FieldProblems {
  const out: FieldProblems = {};
  if (!i.endpoints || i.endpoints.length === 0) return { endpoints: 'Add at least one endpoint: the public IPv4 address of your service.' };
  i.endpoints.forEach((e, n) => {
    const msg = checkEndpoint(e, { allowNonPublic: i.allowNonPublicEndpoints });
    if (msg) out[`endpoints.${n}`] = msg;
  });
  return out;
}

export const listenerStep: WorkflowStep<ListenerInput, ListenerOutput> = {
  id: 'listener',
  title: 'Add a listener and its endpoint group',

  validate(i) {
    const protocol = normalizeProtocol(i.protocol);
    return {
      ...problems({
        acceleratorId: i.acceleratorId ? undefined : 'Choose the GA instance.',
        listenerName: i.listenerName === undefined ? 'Listener name is required.' : checkName('listener', i.listenerName),
        protocol: protocol ? undefined : `Protocol "${i.protocol}" is not one of TCP, UDP, HTTP, HTTPS.`,
        portRanges: !protocol || !i.portRanges ? (i.portRanges ? undefined : 'Enter a listener port, e.g. 80.') : (checkPortRanges(i.portRanges, protocol) ?? findPortConflict(i.portRanges, i.otherListeners ?? [])),
        endpointGroupName: i.endpointGroupName === undefined ? 'Endpoint group name is required.' : checkName('endpointGroup', i.endpointGroupName),
        endpointGroupRegion: i.endpointGroupRegion ? undefined : 'Choose the region where the backend service is.',
      }),
      ...endpointProblems(i),
    };
  },

  warnings(i) {
    const out: FieldProblems = {};
    (i.endpoints ?? []).forEach((e, n) => {
      const w = weightWarning(e.weight);
      if (w) out[`endpoints.${n}`] = w;
    });
    return out;
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
