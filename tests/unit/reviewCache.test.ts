import { IReviewSnapshot, MemoryReviewCache, REVIEW_CACHE_TTL_MS, StorageReviewCache } from '../../src/services/loaders/reviewCache';

class MemoryStorage implements Storage {
  private readonly _map = new Map<string, string>();
  public get length(): number { return this._map.size; }
  public clear(): void { this._map.clear(); }
  public getItem(key: string): string | null { return this._map.has(key) ? (this._map.get(key) as string) : null; }
  public key(index: number): string | null { return Array.from(this._map.keys())[index] ?? null; }
  public removeItem(key: string): void { this._map.delete(key); }
  public setItem(key: string, value: string): void { this._map.set(key, String(value)); }
}

const snapshot: IReviewSnapshot = {
  definitions: [
    { id: 'def-1', name: 'Quarterly review', justificationRequired: true, instances: [{ id: 'inst-1', staged: false }] },
    { id: 'def-2', name: 'Two stages', justificationRequired: false, instances: [{ id: 'inst-2', staged: true, stageId: 'stage-1' }] },
    { id: 'def-3', name: 'Nothing open', justificationRequired: false, instances: [] }
  ]
};

describe('StorageReviewCache', () => {
  it('keeps the snapshot for a day under its own key, read by any cache on the same key', () => {
    let now = 1000;
    const storage = new MemoryStorage();
    const cache = new StorageReviewCache(storage, 'accessHub:reviews:tenant:diego', REVIEW_CACHE_TTL_MS, () => now);
    expect(cache.get()).toBeUndefined();
    cache.set(snapshot);
    expect(storage.length).toBe(1);
    // Another web part on the page (its own services, its own cache object) sees it.
    expect(new StorageReviewCache(storage, 'accessHub:reviews:tenant:diego', REVIEW_CACHE_TTL_MS, () => now).get()).toEqual(snapshot);
    now += REVIEW_CACHE_TTL_MS;
    expect(cache.get()).toEqual(snapshot);
    now += 1;
    expect(cache.get()).toBeUndefined();
  });

  it('one person or tenant never reads another one\'s reviews', () => {
    const storage = new MemoryStorage();
    new StorageReviewCache(storage, 'accessHub:reviews:tenant:diego').set(snapshot);
    expect(new StorageReviewCache(storage, 'accessHub:reviews:tenant:patti').get()).toBeUndefined();
    expect(new StorageReviewCache(storage, 'accessHub:reviews:other:diego').get()).toBeUndefined();
  });

  it('forget empties it for every reader', () => {
    const storage = new MemoryStorage();
    const a = new StorageReviewCache(storage, 'k');
    const b = new StorageReviewCache(storage, 'k');
    a.set(snapshot);
    b.forget();
    expect(a.get()).toBeUndefined();
  });

  it('storage that holds something else, an older format or a time from the future counts as empty', () => {
    const storage = new MemoryStorage();
    const cache = new StorageReviewCache(storage, 'k', REVIEW_CACHE_TTL_MS, () => 5000);
    for (const raw of ['not json', 'null', '{}', JSON.stringify({ v: 0, t: 5000, s: snapshot }),
      JSON.stringify({ v: 1, t: 6000, s: snapshot }),
      JSON.stringify({ v: 1, t: 5000, s: { definitions: [{ id: 'd', name: 'x', justificationRequired: true, instances: [{ id: 'i' }] }] } }),
      JSON.stringify({ v: 1, t: 5000, s: { definitions: 'x' } })]) {
      storage.setItem('k', raw);
      expect(cache.get()).toBeUndefined();
    }
  });

  it('storage that is full or blocked never fails a load', () => {
    const blocked: Storage = Object.assign(new MemoryStorage(), {
      getItem: () => { throw new Error('SecurityError'); },
      setItem: () => { throw new Error('QuotaExceededError'); },
      removeItem: () => { throw new Error('SecurityError'); }
    });
    const cache = new StorageReviewCache(blocked, 'k');
    expect(() => cache.set(snapshot)).not.toThrow();
    expect(cache.get()).toBeUndefined();
    expect(() => cache.forget()).not.toThrow();
  });
});

it('MemoryReviewCache keeps one snapshot until forgotten', () => {
  const cache = new MemoryReviewCache();
  cache.set(snapshot);
  expect(cache.get()).toBe(snapshot);
  cache.forget();
  expect(cache.get()).toBeUndefined();
});
