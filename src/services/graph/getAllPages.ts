import { GraphQueryable, graphGet, IGraphQueryable, Paged } from '@pnp/graph';

// eslint-disable-next-line @rushstack/no-new-null -- PnPjs Paged() shape
export interface IPage<T> { value: T[]; nextLink: string | null; count: number }

/**
 * Reads every page of a collection by following `@odata.nextLink` until it is absent (docs/graph-notes.md §1.1,
 * [paging](https://learn.microsoft.com/en-us/graph/paging)), the one way every endpoint documents. PnPjs's default
 * parser drops the envelope, so pages are read with its `Paged()` behaviour. The page size is the service's: none
 * of the functions we read documents `$count` or `$skip`, so pages are read one after another (§17). `init` goes
 * with every page (e.g. a `Prefer` header).
 */
export async function getAllPages<T>(root: IGraphQueryable, path: string, max: number = 500, init?: RequestInit): Promise<T[]> {
  const first: IPage<T> = await graphGet((/^https?:/i.test(path) ? GraphQueryable([root, path]) : GraphQueryable(root, path)).using(Paged()), init);
  const items: T[] = (first.value || []).slice();
  let nextLink: string | null = first.nextLink;
  for (let i = 0; nextLink && i < max; i++) {
    const page: IPage<T> = await graphGet(GraphQueryable([root, nextLink]).using(Paged()), init);
    items.push(...(page.value || []));
    nextLink = page.nextLink;
  }
  return items;
}
