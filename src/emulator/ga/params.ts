// Typed reads of handler parameters. The HTTP core has already un-flattened and coerced them against the wire
// spec; these accessors only narrow `unknown` and answer a wrongly typed value (a direct call, a lenient core)
// with InvalidParameter rather than a crash.
import type { Params } from '../api';
import { checkTags } from '../../model';
import { failIf, invalidParameter, missingParameter } from './errors';

export type Struct = Record<string, unknown>;

function wrongType(key: string, expected: string, value: unknown): never {
  throw invalidParameter(`${key} must be ${expected}; got ${JSON.stringify(value)}.`);
}

export function optString(p: Params, key: string): string | undefined {
  const v = p[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return wrongType(key, 'a string', v);
}

export function reqString(p: Params, key: string): string {
  const v = optString(p, key);
  if (v === undefined || v === '') throw missingParameter(key, 'for this action');
  return v;
}

export function optInt(p: Params, key: string): number | undefined {
  const v = p[key];
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n)) return wrongType(key, 'a whole number', v);
  return n;
}

export function optBool(p: Params, key: string): boolean | undefined {
  const v = p[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  return wrongType(key, 'true or false', v);
}

export function optStructs(p: Params, key: string): Struct[] {
  const v = p[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => x === null || typeof x !== 'object' || Array.isArray(x))) return wrongType(key, 'a list of objects', v);
  return v as Struct[];
}

export function optStruct(p: Params, key: string): Struct | undefined {
  const v = p[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) return wrongType(key, 'an object', v);
  return v as Struct;
}

export function optStrings(p: Params, key: string): string[] {
  const v = p[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return wrongType(key, 'a list of strings', v);
  return v as string[];
}

export interface WireTag {
  Key: string;
  Value: string;
}

/** The Tag.N.Key/Value list of a request, checked with the model's tag rule. */
export function optTags(p: Params): WireTag[] {
  const tags = optStructs(p, 'Tag').map((t) => ({ Key: optString(t, 'Key') ?? '', Value: optString(t, 'Value') ?? '' }));
  failIf(checkTags(tags.map((t) => ({ key: t.Key, value: t.Value }))));
  return tags;
}
