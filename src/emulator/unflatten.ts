// RPC requests carry arrays and structures flattened into dotted keys (ga-api.md §1.5):
// `AccelerateRegion.1.AccelerateRegionId=cn-hongkong`. This turns them back into the nested values the SDK
// started from, so validation and handlers see `AccelerateRegion: [{AccelerateRegionId: 'cn-hongkong'}]`.
import { ApiError } from './api';

interface Node {
  value?: string;
  children: Map<string, Node>;
}

const LIST_INDEX = /^[1-9][0-9]*$/;

/**
 * Un-flattens `Name.N.Field` keys (N = 1-based list index) into arrays and objects. Gaps in the indexes are
 * dropped (the SDK skips null entries but still advances the index). Throws InvalidParameter when a key is
 * both a value and a container, or mixes list indexes with field names.
 */
export function unflatten(flat: Readonly<Record<string, string>>): Record<string, unknown> {
  const root: Node = { children: new Map() };
  for (const [key, value] of Object.entries(flat)) {
    const segments = key.split('.');
    if (segments.some((s) => s === '')) {
      throw new ApiError('InvalidParameter', `The parameter name "${key}" is malformed: it has an empty part between dots.`);
    }
    let node = root;
    for (const segment of segments) {
      let child = node.children.get(segment);
      if (!child) {
        child = { children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.value = value;
  }
  return toObject(root, '');
}

function toValue(node: Node, path: string): unknown {
  if (node.children.size === 0) return node.value ?? '';
  if (node.value !== undefined) {
    throw new ApiError('InvalidParameter', `The parameter "${path}" was sent both as a single value and as a list or structure (${path}.…); send one form only.`);
  }
  const keys = [...node.children.keys()];
  const indexes = keys.filter((k) => LIST_INDEX.test(k));
  if (indexes.length === 0) return toObject(node, path);
  if (indexes.length !== keys.length) {
    throw new ApiError('InvalidParameter', `The parameter "${path}" mixes list items (${path}.1) with fields (${path}.${keys.find((k) => !LIST_INDEX.test(k))}); a list is sent as ${path}.1, ${path}.2, …`);
  }
  return indexes
    .sort((a, b) => Number(a) - Number(b))
    .map((i) => toValue(node.children.get(i) as Node, `${path}.${i}`));
}

function toObject(node: Node, path: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, child] of node.children) {
    // defineProperty keeps names such as "__proto__" ordinary own keys (they are then rejected as unknown).
    Object.defineProperty(out, key, { value: toValue(child, path ? `${path}.${key}` : key), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
