// Pure helpers of the plan code lenses and preview (no vscode, unit-tested): where the lenses go (one row per
// accelerator, on its key), the desired state of a ga.yaml text, a file narrowed to one accelerator (its entry and
// the DNS records that point at it: what an accelerator's "Plan · Apply · Refresh" act on), and which preview
// lines get which colour.
import { childPath, errorsOf, parseRecordTarget, type GaConfig, type Problem } from '../model';
import { validateGaYaml, type GaYamlFacts, type ParsedGaYaml, type ValidationResult } from '../gaYaml';

export interface LensTarget {
  accelerator: string;
  /** 0-based line of the accelerator's key. */
  line: number;
}

export interface DesiredState {
  parsed: ParsedGaYaml;
  /** Undefined when the file has errors. */
  config?: GaConfig;
  errors: Problem[];
}

export function desiredFromText(text: string, facts?: GaYamlFacts): DesiredState {
  return desiredOf(validateGaYaml(text, facts));
}

/** The desired state of a checked text: its config only when no check (syntax, shape or rule) is an error. */
export function desiredOf(result: ValidationResult): DesiredState {
  const errors = errorsOf(result.diagnostics);
  return { parsed: result.parsed, errors, ...(errors.length === 0 && result.config ? { config: result.config } : {}) };
}

export function planTargets(parsed: ParsedGaYaml): LensTarget[] {
  return (parsed.draft.accelerators ?? []).flatMap((a) => {
    if (!a.name) return [];
    const node = parsed.node(childPath('accelerators', a.name));
    const at = node?.key ?? node?.value;
    return at ? [{ accelerator: a.name, line: parsed.source.positionAt(at.start).line }] : [];
  });
}

/** The file as far as one accelerator goes: its entry, and the records whose `to:` names it. */
export function scopeTo(config: GaConfig, accelerator: string | undefined): GaConfig {
  if (accelerator === undefined) return config;
  return {
    ...config,
    accelerators: config.accelerators.filter((a) => a.name === accelerator),
    dns: config.dns
      .map((z) => ({ ...z, records: z.records.filter((r) => r.to !== undefined && parseRecordTarget(r.to).accelerator === accelerator) }))
      .filter((z) => z.records.length > 0),
  };
}

/**
 * Paths of a scoped plan point into the scoped file: a record's index there is not its index in the file. Maps
 * `dns.<zone>[i]…` of the scope back to the file's own index.
 */
export function unscopePath(path: string, config: GaConfig, accelerator: string | undefined): string {
  if (accelerator === undefined) return path;
  const m = /^dns\.(.+?)\[(\d+)\](.*)$/.exec(path);
  if (!m) return path;
  const zone = config.dns.find((z) => z.zone === m[1]);
  const mine = zone?.records.filter((r) => r.to !== undefined && parseRecordTarget(r.to).accelerator === accelerator) ?? [];
  const record = mine[Number(m[2])];
  const index = record && zone ? zone.records.indexOf(record) : -1;
  return index < 0 ? path : `dns.${m[1]}[${index}]${m[3]}`;
}

export type Tone = 'create' | 'update' | 'delete' | 'purchase';

/** Which lines get which colour: a change's first line and its details, the purchases block. */
export function planLineTones(text: string): { line: number; tone: Tone }[] {
  const out: { line: number; tone: Tone }[] = [];
  let current: Tone | undefined;
  text.split('\n').forEach((l, line) => {
    if (/^ {2}\+ /.test(l)) current = 'create';
    else if (/^ {2}~ /.test(l)) current = 'update';
    else if (/^ {2}(-\/\+|-) /.test(l)) current = 'delete';
    else if (/^Purchases \(/.test(l)) current = 'purchase';
    else if (!/^\s/.test(l)) current = undefined;
    if (current && l.trim() !== '') out.push({ line, tone: current });
  });
  return out;
}
