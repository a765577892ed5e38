// A coordinator's operations port with its admin API, in the test's process,
// as `broker coordinator --http-port 0 --admin-token-file F` serves it, and
// requests to it.
import { adminRoutes, type Coordinator, type KickAnswer } from '../../coordinator/index.js';
import { coordinatorMetrics } from '../../coordinator/metrics.js';
import { coordinatorLimitDefaults } from '../../shared/config.js';
import { HttpEndpoint } from '../../shared/http-endpoint.js';
import { silentLogger } from '../../shared/log.js';

export const ADMIN_TOKEN = 'admin-token-of-the-tests';

export interface AdminApi {
  url: string;
  /** POST /v1/kick with `body` (JSON unless a string), as `token` (the right one by default). */
  kick(body: unknown, token?: string): Promise<{ status: number; body: KickAnswer }>;
  close(): Promise<void>;
}

/** The operations port of `coordinator`; with `token` null, no admin API (as without --admin-token-file). */
export async function startAdminApi(coordinator: Coordinator, token: string | null = ADMIN_TOKEN): Promise<AdminApi> {
  const limits = coordinatorLimitDefaults;
  const endpoint = await HttpEndpoint.start({
    host: '127.0.0.1',
    port: 0,
    metrics: coordinatorMetrics(coordinator),
    readiness: () => ({ ready: true, detail: {} }),
    stats: () => coordinator.stats,
    logger: silentLogger(),
    routes: token === null ? undefined : adminRoutes({
      token, moderation: coordinator.moderation, maxBodyBytes: limits.maxAdminBodyBytes, maxBanSeconds: limits.maxBanSeconds,
    }),
  });
  return {
    url: endpoint.url,
    async kick(body, as = token ?? '') {
      const response = await fetch(new URL('/v1/kick', endpoint.url), {
        method: 'POST',
        headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
        signal: AbortSignal.timeout(20_000),
      });
      const text = await response.text();
      return { status: response.status, body: JSON.parse(text) as KickAnswer };
    },
    close: () => endpoint.close(),
  };
}
