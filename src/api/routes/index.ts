// Every route of the tab's API: the *.route.ts modules of this folder, found on disk
// (src/discover.ts), so adding a route touches no list. The authorisation tests go
// through this list, so a new route without its row in the matrix fails them.
import { discover } from '../../discover';
import { isRoute, type Route } from '../route';

let registry: readonly Route[] | null = null;

/** Every route, by method and path; two routes claiming one method and path make this throw. */
export function allTabRoutes(): readonly Route[] {
  if (!registry) {
    const routes = discover<Route>(__dirname, '.route', isRoute);
    const seen = new Set<string>();
    for (const r of routes) {
      const key = `${r.method} ${r.path}`;
      if (seen.has(key)) throw new Error(`two API routes answer ${key}`);
      seen.add(key);
    }
    registry = routes;
  }
  return registry;
}
