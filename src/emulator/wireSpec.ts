// Typed access to src/cloud/ga/ga-wire-spec.json: the machine-readable request/response fields of every GA and
// Alidns action the extension uses. The emulator validates requests (and tests check responses) against it.
import rawSpec from '../cloud/ga/ga-wire-spec.json';

export type ScalarType = 'string' | 'integer' | 'long' | 'boolean' | 'float';

export interface FieldSpec {
  wire: string;
  /** Absent for arrays of structures and for nested objects. */
  type?: ScalarType;
  array: boolean;
  required: boolean;
  enum?: string[];
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  default?: unknown;
  /** Fields of a nested object (array false). */
  fields?: FieldSpec[];
  /** Element of an array: a scalar type or a structure. */
  item?: { type?: ScalarType; fields?: FieldSpec[] };
  deprecated?: boolean;
  requiredIf?: string;
  note?: string;
}

export interface ActionSpec {
  async: boolean;
  asyncInfo?: { poll: string; transientState: string; targetState: string; note?: string };
  request: FieldSpec[];
  response: FieldSpec[];
}

export type ProductName = 'ga' | 'alidns';

export interface ProductSpec {
  version: string;
  endpoint: string;
  actions: Record<string, ActionSpec>;
}

const spec = rawSpec as unknown as { products: Record<ProductName, ProductSpec> };

export function productSpec(product: ProductName): ProductSpec {
  return spec.products[product];
}

export function actionSpec(product: ProductName, action: string): ActionSpec | undefined {
  const actions = spec.products[product].actions;
  return Object.prototype.hasOwnProperty.call(actions, action) ? actions[action] : undefined;
}

/**
 * The spec's default for a request parameter (`PageSize`, or a nested path such as `AccelerateRegion.IpVersion`),
 * so handlers apply the documented default without repeating the number. Validation does not fill defaults
 * in: for filters such as DescribeDomainRecords' Line, "absent" must stay distinguishable.
 */
export function paramDefault(product: ProductName, action: string, path: string): unknown {
  let fields = actionSpec(product, action)?.request;
  let found: FieldSpec | undefined;
  for (const name of path.split('.')) {
    found = fields?.find((f) => f.wire === name);
    fields = found?.fields ?? found?.item?.fields;
  }
  return found?.default;
}
