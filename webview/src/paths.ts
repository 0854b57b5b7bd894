// Values by path in the problem path grammar (`purchase.instanceName`, `endpoints[1].weight`): the form halves
// name fields that way, and the webview reads and writes its values with the same names.

type Segment = string | number;

export function segments(path: string): Segment[] {
  const out: Segment[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new Error(`bad path ${path}`);
    if (m[1]) out.push(m[1]);
    for (const index of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(index[1]));
  }
  return out;
}

export function getAt(root: unknown, path: string): unknown {
  let node = root;
  for (const s of segments(path)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, s)) return undefined;
    node = (node as Record<Segment, unknown>)[s];
  }
  return node;
}

export function setAt(root: object, path: string, value: unknown): void {
  const parts = segments(path);
  let node = root as Record<Segment, unknown>;
  for (const s of parts.slice(0, -1)) {
    if (!Object.hasOwn(node, s)) throw new Error(`no ${String(s)} in ${path}`);
    node = node[s] as Record<Segment, unknown>;
  }
  const last = parts[parts.length - 1];
  if (!Object.hasOwn(node, last)) throw new Error(`no field ${path}`);
  node[last] = value;
}

/** A DOM id for a field path: `endpoints[1].weight` → `f-endpoints-1-weight`. */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;
}
