// Modules written in parallel by other engineers (stats, reports, OpenAPI) are picked up when
// present, so the server builds and runs before they land. Only a missing module is tolerated;
// an error inside an existing one is raised.
import type { Router } from 'express';
import type { AppDeps } from './app-deps';

function load(modulePath: string, exportName: string): unknown {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(modulePath) as Record<string, unknown>;
    return mod[exportName] ?? null;
  } catch (error) {
    const e = error as { code?: string; message?: string };
    if (e.code === 'MODULE_NOT_FOUND' && (e.message ?? '').includes(modulePath)) return null;
    throw error;
  }
}

export type RouterFactory = (deps: AppDeps) => Router;

/** statsRouter (routes/stats) and reportsRouter (routes/reports) when they exist. */
export function optionalRouters(): RouterFactory[] {
  const out: RouterFactory[] = [];
  const stats = load('./routes/stats', 'statsRouter');
  if (typeof stats === 'function') out.push(stats as RouterFactory);
  const reports = load('./routes/reports', 'reportsRouter');
  if (typeof reports === 'function') out.push(reports as RouterFactory);
  return out;
}

/** buildOpenApiDocument() from openapi/ when it exists. */
export function optionalOpenApi(): (() => object) | null {
  const build = load('./openapi', 'buildOpenApiDocument');
  return typeof build === 'function' ? (build as () => object) : null;
}
