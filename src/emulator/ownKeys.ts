// Lookups and writes by keys a client chose (ids, domain names, parameter names). The state is plain JSON
// objects (it is persisted and served by the admin API as such), so a key like "__proto__", "constructor" or
// "toString" would otherwise find what every object inherits, or replace an object's prototype.

/** The value stored under `key` itself, never one inherited from Object.prototype. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Stores `value` under `key` as an ordinary own property, even when `key` is "__proto__". */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
