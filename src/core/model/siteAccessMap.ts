import { SiteAccessLevel } from './types';

/**
 * A site's access map: which access packages grant this site, found once by a site owner's scan and kept in the
 * components' properties, so that a visitor's catalog and banner read only those packages instead of every package
 * in the tenant (Graph gives a requester no way to ask "which packages grant this site").
 *
 * It is a hint, never trusted blindly: each mapped package is read again by id for every visitor (a 404 means it is
 * not for them) with what it grants now, and one that no longer grants the site is not shown.
 */
export interface ISiteAccessMapEntry {
  /** The access package id. */
  id: string;
  /** Its name when the map was made (what the owner saw; the visitor sees Graph's current name). */
  name: string;
  /** What it gave on the site when the map was made. */
  level: SiteAccessLevel;
}

export interface ISiteAccessMap {
  /** The format version. */
  v: 1;
  /** The site the map was made for; a map copied to another site is ignored there. */
  siteUrl: string;
  /** When the scan ended (ISO 8601). Packages modified after it are checked on their own. */
  madeAt: string;
  packages: ISiteAccessMapEntry[];
  /**
   * Names of the groups and applications the mapped packages grant, by origin id. Graph's requester route to a
   * package's contents (`$expand=role,scope`) carries no resource names, so without these a visitor's page would
   * need one more round trip to the directory.
   */
  names: Record<string, string>;
}

/** More would not fit a web part's properties comfortably; no site is granted by that many packages. */
export const MAX_MAPPED_PACKAGES = 500;
const MAX_NAME = 256;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LEVELS: SiteAccessLevel[] = ['visitor', 'member', 'owner'];

function sameSite(a: string, b: string): boolean {
  const norm = (u: string): string => u.trim().replace(/\/+$/, '').toLowerCase();
  return norm(a) === norm(b);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, MAX_NAME) : '';
}

/**
 * The map in a component's properties, checked: anyone who can edit a page can edit its properties, so everything
 * is validated (ids must be GUIDs, levels known, sizes bounded) and a map made for another site is ignored.
 * Accepts the object or its JSON text. Undefined when there is no usable map. Without `siteUrl`, any site's.
 */
export function readAccessMap(value: unknown, siteUrl?: string): ISiteAccessMap | undefined {
  let raw: unknown = value;
  if (typeof raw === 'string') {
    if (!raw.trim()) return undefined;
    try { raw = JSON.parse(raw); } catch { return undefined; }
  }
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Partial<Record<keyof ISiteAccessMap, unknown>>;
  if (m.v !== 1 || typeof m.siteUrl !== 'string' || (siteUrl !== undefined && !sameSite(m.siteUrl, siteUrl))) return undefined;
  if (typeof m.madeAt !== 'string' || isNaN(Date.parse(m.madeAt)) || !Array.isArray(m.packages)) return undefined;
  const seen: Record<string, boolean> = {};
  const packages: ISiteAccessMapEntry[] = [];
  for (const p of m.packages.slice(0, MAX_MAPPED_PACKAGES) as Array<Partial<ISiteAccessMapEntry> | undefined>) {
    const id = p && typeof p.id === 'string' ? p.id.toLowerCase() : '';
    if (!GUID.test(id) || seen[id]) continue;
    seen[id] = true;
    const level = p && LEVELS.indexOf(p.level as SiteAccessLevel) >= 0 ? p.level as SiteAccessLevel : 'visitor';
    packages.push({ id, name: text(p && p.name), level });
  }
  const names: Record<string, string> = {};
  if (m.names && typeof m.names === 'object') {
    for (const key of Object.keys(m.names as object)) {
      const name = text((m.names as Record<string, unknown>)[key]);
      if (name && GUID.test(key)) names[key] = name;
    }
  }
  return { v: 1, siteUrl: m.siteUrl, madeAt: new Date(m.madeAt).toISOString(), packages, names };
}

/** The map's resource names as the grant mapper takes them (origin id → name). */
export function mapNames(map: ISiteAccessMap): Map<string, string> {
  const out = new Map<string, string>();
  for (const key of Object.keys(map.names)) out.set(key, map.names[key]);
  return out;
}
