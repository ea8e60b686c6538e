import { IGrant } from '../model/types';

/**
 * The package → grants index changes rarely, so it is cached; a package's `modifiedDateTime` is part of
 * the key, so an edited package is read again. The person's own status is never cached.
 */
export interface IGrantCache {
  get(packageId: string, version: string | undefined): IGrant[] | undefined;
  set(packageId: string, version: string | undefined, grants: IGrant[]): void;
}

export class MemoryGrantCache implements IGrantCache {
  private readonly _map = new Map<string, IGrant[]>();
  public get(id: string, version: string | undefined): IGrant[] | undefined {
    return this._map.get(`${id}@${version || ''}`);
  }
  public set(id: string, version: string | undefined, grants: IGrant[]): void {
    this._map.set(`${id}@${version || ''}`, grants);
  }
}

interface IStored { v: string; t: number; g: IGrant[] }

/** Keeps the index in localStorage for a day, so a second page load makes no grant requests at all. */
export class StorageGrantCache implements IGrantCache {
  private readonly _memory = new MemoryGrantCache();
  constructor(private readonly _storage: Storage | undefined, private readonly _prefix: string, private readonly _ttlMs: number = 24 * 3600 * 1000) {}

  public get(id: string, version: string | undefined): IGrant[] | undefined {
    const hit = this._memory.get(id, version);
    if (hit || !this._storage) return hit;
    try {
      const raw = this._storage.getItem(this._prefix + id);
      if (!raw) return undefined;
      const stored: IStored = JSON.parse(raw);
      if (stored.v !== (version || '') || Date.now() - stored.t > this._ttlMs) return undefined;
      this._memory.set(id, version, stored.g);
      return stored.g;
    } catch {
      return undefined;
    }
  }

  public set(id: string, version: string | undefined, grants: IGrant[]): void {
    this._memory.set(id, version, grants);
    if (!this._storage) return;
    try {
      this._storage.setItem(this._prefix + id, JSON.stringify({ v: version || '', t: Date.now(), g: grants }));
    } catch {
      // Storage full or blocked: the memory cache still serves this page.
    }
  }
}
