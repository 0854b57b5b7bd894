// Typed targets while the local sandbox is the active profile. An emulated address (fd6a:6761::/64) that this
// machine does not have would leave by the default route, so it is probed where the sandbox's data plane
// serves it, exactly as the explorer's items are (targets.ts `placed`). Any other address is the person's own
// business and goes through unchanged. Pure: the sandbox's placement is passed in.
import { isEmulatedIpv6Address } from '../model';
import { planTarget, type Scheme, type StructuredTarget, type TargetInput } from '../probe';
import { placed, type SandboxScope } from './targets';

/** How the engine reads a typed target that does not say (the engine's own defaults). */
export interface PlanDefaults {
  scheme: Scheme;
  path: string;
}

export const TYPED_TARGET_DEFAULTS: PlanDefaults = { scheme: 'http', path: '/' };

export interface PlacedTargets {
  targets: TargetInput[];
  /** Said above the table: which addresses were moved, and where. */
  notes: string[];
}

export function placeTypedTargets(inputs: readonly TargetInput[], sandbox: SandboxScope, defaults: PlanDefaults = TYPED_TARGET_DEFAULTS): PlacedTargets {
  const notes: string[] = [];
  const targets = inputs.map((input) => (typeof input === 'string' ? placeText(input, sandbox, defaults, notes) : placeStructured(input, sandbox, notes)));
  return { targets, notes };
}

function placeText(text: string, sandbox: SandboxScope, defaults: PlanDefaults, notes: string[]): TargetInput {
  const plan = planTarget(text, defaults);
  const [address] = plan.addresses;
  // Names, unusable text (the engine explains it) and addresses this machine serves itself stay as typed.
  if (plan.error || plan.addresses.length !== 1 || !isEmulatedIpv6Address(address) || sandbox.place(address) === address) return text;
  // An accelerated address of the sandbox, as the explorer's address items are probed (an "area" target).
  return {
    kind: 'area',
    label: text.trim(),
    ipv6Addresses: placed([address], sandbox, notes),
    expectedAddresses: [address],
    ports: plan.ports,
    scheme: plan.scheme,
    path: plan.path,
  };
}

function placeStructured(target: StructuredTarget, sandbox: SandboxScope, notes: string[]): StructuredTarget {
  if (!target.ipv6Addresses.some(isEmulatedIpv6Address)) return target;
  const ipv6Addresses = [...new Set(target.ipv6Addresses.flatMap((a) => (isEmulatedIpv6Address(a) ? placed([a], sandbox, notes) : [a])))];
  return { ...target, ipv6Addresses, expectedAddresses: target.expectedAddresses ?? target.ipv6Addresses };
}
