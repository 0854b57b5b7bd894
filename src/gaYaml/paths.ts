// Path strings (problems.ts's grammar) back into segments, guided by the shape table: a DNS zone's name keeps its
// dots (`dns.example.com[0].to` → dns, example.com, 0, to).
import type { PathSegment } from '../model';
import { ROOT_SHAPE, type Shape } from './shape';

export function pathSegments(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  let shape: Shape | undefined = ROOT_SHAPE;
  let i = 0;
  while (i < path.length) {
    if (path[i] === '.') i++;
    if (path[i] === '[') {
      const close = path.indexOf(']', i);
      if (close < 0) break;
      out.push(Number(path.slice(i + 1, close)));
      i = close + 1;
      shape = shape?.kind === 'list' ? shape.items : undefined;
      continue;
    }
    // A zone's name runs to its list's first index; other names and keys run to the next separator.
    const zone = shape?.kind === 'namedMap' && shape.valueField !== undefined;
    let end = i;
    while (end < path.length && path[end] !== '[' && (zone || path[end] !== '.')) end++;
    out.push(path.slice(i, end));
    if (shape?.kind === 'object') shape = shape.fields.get(path.slice(i, end))?.shape;
    else if (shape?.kind === 'namedMap') shape = shape.value;
    else shape = undefined;
    i = end;
  }
  return out;
}
