// Matches method + path against the route table; `:name` segments become params.
import type { Route } from './context';

export interface RouteMatch {
  route: Route;
  path: Record<string, string>;
}

export class Router {
  private readonly compiled: { route: Route; regex: RegExp; names: string[] }[] = [];

  constructor(routes: Route[]) {
    for (const route of routes) {
      const names: string[] = [];
      const source = route.pattern.replace(/:([a-z_]+)/g, (_all, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      this.compiled.push({ route, regex: new RegExp(`^${source}$`), names });
    }
  }

  match(method: string, pathname: string): RouteMatch | undefined {
    for (const { route, regex, names } of this.compiled) {
      if (route.method !== method) continue;
      const found = regex.exec(pathname);
      if (!found) continue;
      const path: Record<string, string> = {};
      names.forEach((name, index) => {
        path[name] = decodeURIComponent(found[index + 1] ?? '');
      });
      return { route, path };
    }
    return undefined;
  }
}
