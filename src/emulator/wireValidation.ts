// Validates and coerces a request's (un-flattened) parameters against the wire spec, the way the gateway does
// before an action runs: MissingParameter for an absent required parameter, InvalidParameter for a value of the
// wrong type, outside its enum/range/length, or a list with too many items. Strict mode (tests) also rejects
// parameters the action does not have, so a misspelt name fails here instead of silently doing nothing.
import { ApiError, type Params } from './api';
import { setOwn } from './ownKeys';
import { actionSpec, type FieldSpec, type ProductName, type ScalarType } from './wireSpec';

/** Signature and protocol parameters of the legacy RPC style; they are consumed by the gateway, never by actions. */
export const PROTOCOL_PARAMS: readonly string[] = [
  'Action', 'Version', 'Format', 'Timestamp', 'SignatureNonce', 'SignatureMethod', 'SignatureVersion',
  'AccessKeyId', 'SecurityToken', 'Signature', 'SignatureType', 'BearerToken',
];

/** Common RPC parameters the gateway accepts on every action (Terraform sends RegionId everywhere). */
const COMMON_PARAMS: readonly string[] = ['RegionId', 'OwnerId', 'OwnerAccount', 'ResourceOwnerId', 'ResourceOwnerAccount'];

export interface ValidationOptions {
  /** Reject parameters the action does not define. */
  strict: boolean;
}

const INT32 = { min: -2147483648, max: 2147483647 };

function missing(path: string): ApiError {
  return new ApiError('MissingParameter', `The input parameter "${path}" that is mandatory for processing this request is not supplied.`);
}

function invalid(path: string, why: string): ApiError {
  return new ApiError('InvalidParameter', `The specified parameter "${path}" is not valid: ${why}.`);
}

function quote(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Validates one action's parameters; returns them coerced (numbers, booleans), without unknown ones. */
export function validateParams(product: ProductName, action: string, raw: Record<string, unknown>, options: ValidationOptions): Params {
  const spec = actionSpec(product, action);
  if (!spec) throw new ApiError('InvalidAction.NotFound', `The action "${action}" is not in the wire spec.`, 404);
  const known = new Set(spec.request.map((f) => f.wire));
  const ignorable = new Set([...PROTOCOL_PARAMS, ...COMMON_PARAMS].filter((p) => !known.has(p)));
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!ignorable.has(key)) setOwn(params, key, value);
  }
  return validateFields(spec.request, params, '', options, `${action}`);
}

function validateFields(fields: readonly FieldSpec[], values: Record<string, unknown>, prefix: string, options: ValidationOptions, owner: string): Record<string, unknown> {
  if (options.strict) {
    const names = new Set(fields.map((f) => f.wire));
    const unknown = Object.keys(values).find((k) => !names.has(k));
    if (unknown !== undefined) {
      const list = fields.map((f) => f.wire).join(', ');
      throw invalid(`${prefix}${unknown}`, `${owner} has no parameter of that name (it takes ${list || 'no parameters'})`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const path = `${prefix}${field.wire}`;
    const value = Object.prototype.hasOwnProperty.call(values, field.wire) ? values[field.wire] : undefined;
    const coerced = value === undefined ? undefined : validateField(field, value, path, options);
    if (coerced === undefined) {
      if (field.required) throw missing(path);
      continue;
    }
    out[field.wire] = coerced;
  }
  return out;
}

/** Returns the coerced value, or undefined when the value counts as not supplied (an empty non-string scalar). */
function validateField(field: FieldSpec, value: unknown, path: string, options: ValidationOptions): unknown {
  if (field.array) {
    if (!Array.isArray(value)) throw invalid(path, `it is a list: send it as ${path}.1, ${path}.2, …`);
    if (field.maxItems !== undefined && value.length > field.maxItems) {
      throw invalid(path, `it has ${value.length} items, more than the maximum of ${field.maxItems}`);
    }
    const item = field.item ?? {};
    return value.map((v, i) => {
      const itemPath = `${path}.${i + 1}`;
      if (item.fields) return validateStructure(item.fields, v, itemPath, options);
      const coerced = coerceScalar({ wire: field.wire, type: item.type ?? 'string', array: false, required: true }, v, itemPath);
      if (coerced === undefined) throw missing(itemPath);
      return coerced;
    });
  }
  if (field.fields) return validateStructure(field.fields, value, path, options);
  return coerceScalar(field, value, path);
}

function validateStructure(fields: readonly FieldSpec[], value: unknown, path: string, options: ValidationOptions): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalid(path, `it is a structure: send its fields as ${path}.${fields[0]?.wire ?? 'Field'}=…`);
  }
  return validateFields(fields, value as Record<string, unknown>, `${path}.`, options, path);
}

function coerceScalar(field: FieldSpec, value: unknown, path: string): unknown {
  if (typeof value !== 'string') throw invalid(path, 'it takes a single value, not a list or structure');
  const type: ScalarType = field.type ?? 'string';
  if (type === 'string') {
    if (value === '' && field.required) return undefined;
    checkEnum(field, value, path);
    if (field.minLength !== undefined && value.length < field.minLength) {
      throw invalid(path, `it must be at least ${field.minLength} characters long (it has ${value.length})`);
    }
    if (field.maxLength !== undefined && value.length > field.maxLength) {
      throw invalid(path, `it must be at most ${field.maxLength} characters long (it has ${value.length})`);
    }
    return value;
  }
  if (value === '') return undefined;
  if (type === 'boolean') {
    const lower = value.toLowerCase();
    if (lower !== 'true' && lower !== 'false') throw invalid(path, `${quote(value)} is not a boolean (true or false)`);
    return lower === 'true';
  }
  const number = type === 'float' ? Number(value) : /^-?[0-9]+$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(number)) throw invalid(path, `${quote(value)} is not ${type === 'float' ? 'a number' : 'a whole number'}`);
  const bounds = type === 'integer' ? INT32 : { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };
  if (type !== 'float' && (number < bounds.min || number > bounds.max)) throw invalid(path, `${value} is out of the ${type} range`);
  checkEnum(field, value, path);
  if (field.min !== undefined && number < field.min) {
    throw invalid(path, `${value} is below the minimum of ${field.min}${field.max !== undefined ? ` (valid values: ${field.min} to ${field.max})` : ''}`);
  }
  if (field.max !== undefined && number > field.max) {
    throw invalid(path, `${value} is above the maximum of ${field.max}${field.min !== undefined ? ` (valid values: ${field.min} to ${field.max})` : ''}`);
  }
  return number;
}

function checkEnum(field: FieldSpec, value: string, path: string): void {
  if (field.enum && !field.enum.includes(value)) {
    throw invalid(path, `${quote(value)} is not one of the allowed values: ${field.enum.join(', ')}`);
  }
}
