/**
 * Where a site keeps its access map (README, "A site's access map"): a file in the site's Site Assets library, which
 * everyone on the site can read and its editors can write. Its own module so that the customizer's first script,
 * which reads it with plain fetch, carries this name and nothing of the map's checks (core/model/siteAccessMap.ts).
 */
export const SITE_MAP_FOLDER = 'SiteAssets';
export const SITE_MAP_FILE = 'access-hub-site-access-map.json';
