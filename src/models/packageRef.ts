const GUID_ONLY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return GUID_ONLY.test(value.trim());
}

/**
 * Reads an access package id from what a site owner pastes: the id itself, or a My Access link
 * (`https://myaccess.microsoft.com/@<tenant>#/access-packages/<id>`). Anything else gives undefined.
 */
export function parsePackageRef(input: string | undefined): string | undefined {
  const value = (input || '').trim();
  if (!value) return undefined;
  if (isGuid(value)) return value.toLowerCase();
  const link = /access-packages\/([^/?#&\s]+)/i.exec(value);
  if (link && /^https?:\/\//i.test(value)) {
    const id = decodeURIComponent(link[1]);
    return isGuid(id) ? id.toLowerCase() : undefined;
  }
  return undefined;
}

/** Ids from a property holding one id or link per line (or comma-separated). */
export function parsePackageRefs(input: string | undefined): string[] {
  const ids: string[] = [];
  for (const part of (input || '').split(/[\n,;]+/)) {
    const id = parsePackageRef(part);
    if (id && ids.indexOf(id) < 0) ids.push(id);
  }
  return ids;
}

/** The lines of such a property that are neither an id nor a My Access link (shown to the site owner). */
export function invalidPackageRefs(input: string | undefined): string[] {
  return (input || '').split(/[\n,;]+/).map(part => part.trim()).filter(part => part && !parsePackageRef(part));
}

/** Only http(s) links and site-relative paths become links; anything else a property holds is not a link. */
export function safeUrl(url: string | undefined): string | undefined {
  const u = (url || '').trim();
  return /^(https?:\/\/|\/)/i.test(u) ? u : undefined;
}

/** The My Access page of one package: the inverse of the links parsePackageRef reads. */
export function myAccessPackageUrl(myAccessUrl: string, packageId: string): string {
  return `${myAccessUrl.replace(/\/+$/, '')}#/access-packages/${encodeURIComponent(packageId)}`;
}
