import type { Db } from './state';
export function applyScale(db: Db, spec: string): void { db.scale = spec; }
