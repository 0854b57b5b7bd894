// Checks an action's answer against the response fields of the wire spec: no field the real API does not have,
// and each with the type the SDK models expect. Tests use it so that "green against the emulator" also means
// "the answer has the shape Alibaba Cloud gives".
import { actionSpec, type FieldSpec, type ProductName, type ScalarType } from './wireSpec';

export function responseProblems(product: ProductName, action: string, body: Record<string, unknown>): string[] {
  const spec = actionSpec(product, action);
  if (!spec) return [`${action} is not in the wire spec`];
  const problems: string[] = [];
  checkObject(spec.response, body, '', problems);
  return problems;
}

function checkObject(fields: readonly FieldSpec[], value: unknown, path: string, problems: string[]): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${path || 'body'}: expected an object, got ${JSON.stringify(value)}`);
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    const field = fields.find((f) => f.wire === key);
    if (!field) problems.push(`${path}${key}: not a response field of the API`);
    else checkField(field, v, `${path}${key}`, problems);
  }
}

function checkField(field: FieldSpec, value: unknown, path: string, problems: string[]): void {
  if (field.array) {
    if (!Array.isArray(value)) {
      problems.push(`${path}: expected a list, got ${JSON.stringify(value)}`);
      return;
    }
    value.forEach((item, i) => {
      if (field.item?.fields) checkObject(field.item.fields, item, `${path}[${i}].`, problems);
      else checkScalar(field.item?.type ?? 'string', undefined, item, `${path}[${i}]`, problems);
    });
    return;
  }
  if (field.fields) checkObject(field.fields, value, `${path}.`, problems);
  else checkScalar(field.type ?? 'string', field.enum, value, path, problems);
}

function checkScalar(type: ScalarType, allowed: readonly string[] | undefined, value: unknown, path: string, problems: string[]): void {
  const ok =
    type === 'string' ? typeof value === 'string'
    : type === 'boolean' ? typeof value === 'boolean'
    : type === 'float' ? typeof value === 'number'
    : typeof value === 'number' && Number.isInteger(value);
  if (!ok) problems.push(`${path}: expected ${type}, got ${JSON.stringify(value)}`);
  else if (allowed && !allowed.includes(String(value))) problems.push(`${path}: ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
}
