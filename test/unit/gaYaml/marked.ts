// Test documents with markers, in yaml-language-server's style: `‸` is the cursor, `⟦…⟧` marks a range the test
// expects (a diagnostic, a hover, an edit). The markers are taken out of the text; offsets refer to what is left.
import type { Span } from '../../../src/gaYaml';

export interface Marked {
  text: string;
  /** Where `‸` was. */
  cursor: number;
  /** The `⟦…⟧` ranges, in order. */
  ranges: Span[];
}

export function marked(source: string): Marked {
  let text = '';
  let cursor = -1;
  const ranges: Span[] = [];
  const open: number[] = [];
  for (const ch of source) {
    if (ch === '‸') cursor = text.length;
    else if (ch === '⟦') open.push(text.length);
    else if (ch === '⟧') {
      const start = open.pop();
      if (start === undefined) throw new Error('⟧ without ⟦');
      ranges.push({ start, end: text.length });
    } else text += ch;
  }
  if (open.length) throw new Error('⟦ without ⟧');
  return { text, cursor, ranges };
}

/** Removes a common indentation so documents can be written indented in the test source. */
export function doc(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').replace(/\n[ ]*$/, '\n').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** The seed's end state, as the contract writes it (47.95.1.10 is the contract's backend). */
export const CONTRACT_EXAMPLE = doc`
  version: 1
  accelerators:
    web-ipv6:                      # key = instance name (the name rule of the API)
      spec: "1"                    # "1" Small I, "2" Small II, "3" Small III, "5" Medium I, "8", "10", …
      billing: subscription        # subscription (PREPAY) | payAsYouGo (POSTPAY)
      term: { cycle: Month, duration: 1, autoRenew: false }   # subscription only; required there
      bandwidthPlan:               # the basic bandwidth plan bound to the instance
        bandwidthType: Enhanced    # Basic | Enhanced | Advanced
        bandwidth: 2               # Mbit/s, 2–2000
      areas:                       # acceleration areas; key = region of the IPv6 clients
        cn-beijing:
          ipVersion: IPv6          # IPv4 | IPv6 | DUAL_STACK
          bandwidth: 2             # Mbit/s, ≥ 2; all areas together ≤ the plan's bandwidth
      listeners:                   # key = listener name
        web:
          protocol: TCP            # TCP | UDP | HTTP | HTTPS
          ports: [80]              # numbers and "from-to" strings, e.g. [80, "8000-8010"]
          clientAffinity: SOURCE_IP   # NONE | SOURCE_IP
          endpointGroups:
            - name: web-backend
              region: cn-beijing   # where the IPv4 service runs
              endpoints:
                - ip: 47.95.1.10   # a custom-IP endpoint (type Ip); public IPv4 only
                  weight: 100      # 0–255; 0 sends no traffic
  dns:
    example.com:                   # a zone hosted in Alibaba Cloud DNS
      - host: www                  # RR: www, @, *, api.v2, …
        type: AAAA
        to: web-ipv6/cn-beijing    # the IPv6 address of that accelerator's area
        ttl: 600
      - host: api
        type: CNAME
        to: web-ipv6               # the CNAME that GA allocated to the accelerator
`;
