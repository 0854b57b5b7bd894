// Lists fetch every page at the action's largest page size (from the wire spec), so few requests are made.
import { ALIDNS_ACTION_TRAITS, GA_ACTION_TRAITS } from './ga/actionTraits';
import type { CloudProduct } from './errors';

export interface Page<I> {
  items: I[];
  totalCount?: number;
}

/** Stops a misbehaving API (a TotalCount that never drops) from looping forever. */
export const MAX_PAGES = 1000;

export function maxPageSize(product: CloudProduct, action: string): number {
  const size = (product === 'ga' ? GA_ACTION_TRAITS : ALIDNS_ACTION_TRAITS)[action]?.maxPageSize;
  if (size === undefined) throw new Error(`${product} ${action} is not a paged list action in the wire spec.`);
  return size;
}

/** All items, page after page, until a short page, an empty page or TotalCount says there are no more. */
export async function fetchAllPages<I>(fetchPage: (pageNumber: number, pageSize: number) => Promise<Page<I>>, pageSize: number): Promise<I[]> {
  const all: I[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { items, totalCount } = await fetchPage(page, pageSize);
    all.push(...items);
    if (items.length === 0 || items.length < pageSize) break;
    if (totalCount !== undefined && all.length >= totalCount) break;
  }
  return all;
}
