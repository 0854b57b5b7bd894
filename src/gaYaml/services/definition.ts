// Go to definition from a `to:` reference: `web-ipv6/cn-beijing` leads to the accelerator's key when the cursor is
// on its name, to the area's key when it is on the region.
import { childPath, parseRecordTarget } from '../../model';
import type { ParsedGaYaml } from '../parse';
import type { Span } from '../sourceText';

export function definition(parsed: ParsedGaYaml, offset: number): Span | undefined {
  const at = parsed.nodeAt(offset);
  if (!at || at.part !== 'value' || !/^dns\..*\[\d+\]\.to$/.test(at.path)) return undefined;
  const raw = parsed.text.slice(at.info.value.start, at.info.value.end);
  const quote = /^["']/.test(raw) ? 1 : 0;
  const to = raw.slice(quote, raw.length - quote);
  const { accelerator, area } = parseRecordTarget(to);
  const slash = at.info.value.start + quote + accelerator.length;
  const accPath = childPath('accelerators', accelerator);
  if (area !== undefined && offset > slash) {
    const areaNode = parsed.node(childPath(accPath, 'areas', area));
    if (areaNode?.key) return areaNode.key;
  }
  return parsed.node(accPath)?.key;
}
