import { GraphQueryable, graphGet, IGraphQueryable, Paged } from '@pnp/graph';

// eslint-disable-next-line @rushstack/no-new-null -- PnPjs Paged() shape
export interface IPage<T> { value: T[]; nextLink: string | null; count: number }

const PAGE_CONCURRENCY = 6;

function withQuery(path: string, query: string): string {
  return path + (path.indexOf('?') >= 0 ? '&' : '?') + query;
}

/**
 * Reads every page of a collection (docs/graph-notes.md §1.1). PnPjs's default parser drops the envelope,
 * so pages are read with its `Paged()` behaviour. When the first page reports `@odata.count`, the other
 * pages are asked for in parallel with `$skip` (up to PAGE_CONCURRENCY at once) instead of one
 * `@odata.nextLink` after another; if the service turns out not to honour `$skip` (a page repeats
 * the first), it falls back to following `@odata.nextLink`, which always works.
 */
export async function getAllPages<T extends { id?: string }>(root: IGraphQueryable, path: string, max: number = 500): Promise<T[]> {
  const at = (p: string): IGraphQueryable => (/^https?:/i.test(p) ? GraphQueryable([root, p]) : GraphQueryable(root, p));
  const first: IPage<T> = await graphGet(at(withQuery(path, '$count=true')).using(Paged(true)));
  const items: T[] = (first.value || []).slice();
  const pageSize = items.length;
  if (!first.nextLink) return items;

  const total = first.count;
  if (total > pageSize && pageSize > 0) {
    const skips: number[] = [];
    for (let skip = pageSize; skip < total && skips.length < max; skip += pageSize) skips.push(skip);
    const pages: T[][] = new Array(skips.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < skips.length) {
        const i = next++;
        const page: IPage<T> = await graphGet(at(withQuery(path, `$top=${pageSize}&$skip=${skips[i]}`)).using(Paged()));
        pages[i] = page.value || [];
      }
    };
    await Promise.all(Array.from({ length: Math.min(PAGE_CONCURRENCY, skips.length) }, worker));
    const firstId = items[0] && items[0].id;
    const repeated = firstId !== undefined && pages.some(p => p.length > 0 && p[0].id === firstId);
    if (!repeated) {
      for (const page of pages) items.push(...page);
      return items;
    }
  }

  let nextLink: string | null = first.nextLink;
  for (let i = 0; nextLink && i < max; i++) {
    const page: IPage<T> = await graphGet(GraphQueryable([root, nextLink]).using(Paged()));
    items.push(...(page.value || []));
    nextLink = page.nextLink;
  }
  return items;
}
