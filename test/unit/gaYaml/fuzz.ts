// Fuzz harness: mutated ga.yaml documents (lines deleted, duplicated, re-indented; random scalars; random bytes)
// through the whole engine. fuzz1…fuzz4.test.ts run it with 2,500 documents each (10,000 in all, in four files so
// that each stays well inside the test runner's per-file timeout on a 2-core machine). None may throw; every diagnostic's range lies inside its document and every message
// says something. The editor's incremental validator, fed the documents one after another as if they were edits,
// must agree with a fresh validation of each; and where the YAML is valid, reading it in chunks must mean what
// reading it whole means. Deterministic (seeded): a failure names the document that caused it.
import type { TestContext } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  codeActions,
  completions,
  definition,
  documentSymbols,
  GaYamlValidator,
  hover,
  validateGaYaml,
  walkthroughConfig,
  writeGaYaml,
  type GaYamlFacts,
} from '../../../src/gaYaml';
import { parseChunk } from '../../../src/gaYaml/parse';
import { CONTRACT_EXAMPLE } from './marked';


function rng(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n: number) => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s % n;
  };
}

const SCALARS = ['', '~', 'null', 'true', 'no', '0', '-1', '65536', '3.5', '1e9', '"', "'", '[', ']', '{', '}', '{}', '[]', '&a', '*a', '!!str', '|', '>', '- x', ': ', '#', 'web-ipv6/cn-beijing', '2408::1', '10.0.0.1', 'x'.repeat(300), '__proto__', 'constructor', '"\\u0000"', 'é漢字', '\t', '@', '*', '? k'];

const SEEDS = [
  CONTRACT_EXAMPLE,
  writeGaYaml(walkthroughConfig(), { comments: true }),
  `${CONTRACT_EXAMPLE.replace('dns:\n', '  second:\n    spec: "2"\n    billing: payAsYouGo\n    areas:\n      cn-hangzhou: { ipVersion: DUAL_STACK, ispType: BGP }\n    listeners:\n      udp:\n        protocol: UDP\n        ports: ["4000-4400", 53]\n        endpointGroups:\n          - { name: dns, region: cn-hangzhou, endpoints: [{ ip: 203.0.113.53, weight: 0 }] }\ndns:\n')}  example.org:\n    - { host: "@", type: CNAME, to: second }\n`,
];

function mutate(text: string, r: (n: number) => number): string {
  let lines = text.split('\n');
  const edits = 1 + r(4);
  for (let e = 0; e < edits; e++) {
    const i = r(lines.length);
    switch (r(6)) {
      case 0: // delete a line
        lines.splice(i, 1);
        break;
      case 1: // duplicate a line
        lines.splice(i, 0, lines[i] ?? '');
        break;
      case 2: { // change indentation
        const line = lines[i] ?? '';
        const delta = r(7) - 3;
        lines[i] = delta >= 0 ? ' '.repeat(delta) + line : line.replace(new RegExp(`^ {0,${-delta}}`), '');
        break;
      }
      case 3: { // a random scalar after a colon or a dash
        const line = lines[i] ?? '';
        const cut = Math.max(line.indexOf(': '), line.indexOf('- '));
        lines[i] = cut >= 0 ? `${line.slice(0, cut + 2)}${SCALARS[r(SCALARS.length)]}` : `${line}${SCALARS[r(SCALARS.length)]}`;
        break;
      }
      case 4: { // random bytes somewhere
        const joined = lines.join('\n');
        const at = r(joined.length + 1);
        const bytes = Array.from({ length: 1 + r(6) }, () => String.fromCharCode(r(4) === 0 ? r(0x3000) : r(128))).join('');
        lines = (joined.slice(0, at) + bytes + joined.slice(at)).split('\n');
        break;
      }
      default: { // swap two lines
        const j = r(lines.length);
        [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
      }
    }
  }
  return lines.join('\n');
}

/** Runs `documents` mutated documents from the PRNG `seed`, asserting the properties above for each. */
export function fuzz(t: TestContext, seed: number, documents: number): void {
  const r = rng(seed);
  const editor = new GaYamlValidator();
  const facts: GaYamlFacts[] = [{}, { sandbox: true }, { liveRegions: [{ regionId: 'cn-beijing', supportIpv6: true }], zones: ['example.com'] }];
  let diagnostics = 0;
  let withErrors = 0;
  let yamlValid = 0;
  let current = SEEDS[0];
  for (let n = 0; n < documents; n++) {
    // Often a mutation of the previous document (a session of edits), else a fresh start from a seed.
    current = mutate(r(3) === 0 || current.length > 5_000 ? SEEDS[r(SEEDS.length)] : current, r);
    const text = current;
    const f = facts[n % facts.length];
    try {
      const fresh = validateGaYaml(text, f);
      const incremental = editor.validate(text, f);
      assert.deepEqual(incremental.diagnostics, fresh.diagnostics, 'the incremental validator agrees with a fresh one');
      const lineCount = fresh.parsed.source.lineCount;
      for (const d of fresh.diagnostics) {
        assert.ok(d.message.trim().length > 0, `${d.code} has an empty message`);
        assert.match(d.code, /^GA\d{3}$/);
        assert.ok(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= text.length, `${d.code} span ${d.span.start}-${d.span.end} outside 0-${text.length}`);
        assert.ok(d.range.start.line < lineCount && d.range.end.line < lineCount, `${d.code} range beyond the last line`);
        assert.ok(d.range.start.line < d.range.end.line || (d.range.start.line === d.range.end.line && d.range.start.character <= d.range.end.character));
      }
      diagnostics += fresh.diagnostics.length;
      if (fresh.diagnostics.some((d) => d.severity === 'error')) withErrors++;
      // The language services survive the same documents.
      const at = r(text.length + 1);
      completions(fresh.parsed, at, f);
      hover(fresh.parsed, at, f);
      definition(fresh.parsed, at);
      documentSymbols(fresh.parsed);
      for (const a of codeActions(fresh.parsed, fresh.diagnostics, { start: 0, end: text.length }, f)) {
        for (const e of a.edits) assert.ok(e.span.start >= 0 && e.span.end <= text.length && e.span.start <= e.span.end, `edit of "${a.title}" outside the document`);
      }
      // Where the YAML is valid (no syntax error, keys unique as YAML requires), chunks mean what the whole does.
      const whole = parseChunk('root', text);
      if (!whole.problems.some((p) => p.problem.code === 'GA001' || p.problem.code === 'GA002') && !whole.usesAnchors) {
        yamlValid++;
        const chunked = fresh.parsed;
        assert.deepEqual(chunked.draft.accelerators ?? [], whole.accelerators.map((a) => a.draft), 'accelerators read in chunks = read whole');
        assert.deepEqual(chunked.draft.dns ?? [], whole.zones.map((z) => z.draft), 'zones read in chunks = read whole');
      }
    } catch (e) {
      throw new Error(`document ${n} of seed ${seed} (facts ${JSON.stringify(f)}): ${(e as Error).message}\n--- document ---\n${text}\n--- end ---`, { cause: e });
    }
  }
  t.diagnostic(`fuzz seed ${seed}: ${documents} documents, 0 exceptions, ${diagnostics} diagnostics checked, ${withErrors} documents with errors, ${yamlValid} valid YAML (chunked = whole)`);
}
