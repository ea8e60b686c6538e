/**
 * @jest-environment jsdom
 */
/** The page-wide store (services/loaders/pageReads.ts) forgets when any component on the page announces a change. */
import { announceAccessChanged } from '../../src/core/accessChanged';
import { pageReadsFor, PAGE_READ_MAX_AGE_MS } from '../../src/services/loaders/pageReads';

describe('pageReadsFor', () => {
  it('shares a settled read for a few seconds, and forgets it when any component announces a change', async () => {
    let now = 1000;
    const store = pageReadsFor('tenant|person-a', () => now);
    let loads = 0;
    const load = (): Promise<number> => store.read('k', async () => ++loads);
    expect(await load()).toBe(1);
    expect(await load()).toBe(1);
    announceAccessChanged('somewhere-else');
    expect(await load()).toBe(2);
    now += PAGE_READ_MAX_AGE_MS;
    expect(await load()).toBe(3);
  });

  it('keeps one store per tenant and person', async () => {
    const a = pageReadsFor('tenant|person-b');
    const b = pageReadsFor('tenant|person-c');
    expect(pageReadsFor('tenant|person-b')).toBe(a);
    expect(await a.read('k', async () => 'a')).toBe('a');
    expect(await b.read('k', async () => 'b')).toBe('b');
  });
});
