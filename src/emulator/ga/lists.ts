// Paging (PageNumber/PageSize) and tag filters of GA list actions. The core rejects a PageSize over the
// action's maximum (from the wire spec); the defaults below are the service's.
import type { Params } from '../api';
import { pageOf } from '../paging';
import { optInt } from './params';

const DEFAULT_PAGE_SIZE = 10;

export interface Page<T> {
  items: T[];
  paging: { TotalCount: number; PageNumber: number; PageSize: number };
}

export function page<T>(all: readonly T[], params: Params): Page<T> {
  const p = pageOf(all, Math.max(1, optInt(params, 'PageNumber') ?? 1), Math.max(1, optInt(params, 'PageSize') ?? DEFAULT_PAGE_SIZE));
  return { items: p.items, paging: { TotalCount: p.totalCount, PageNumber: p.pageNumber, PageSize: p.pageSize } };
}

/** Tag filters of list actions: every given tag must be on the resource (an empty Value matches any value). */
export function hasTags(resourceTags: readonly { Key: string; Value: string }[], wanted: readonly { Key: string; Value: string }[]): boolean {
  return wanted.every((w) => resourceTags.some((t) => t.Key === w.Key && (w.Value === '' || t.Value === w.Value)));
}
