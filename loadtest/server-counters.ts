// Counters read from a comm server's /metrics (commserver/metrics.ts) during a
// run: the presence frames it sent and its server links.

export interface PresenceCounters {
  /** MEMBER_DELTA frames sent, each copy to each link counted. */
  memberDeltaFrames: number;
  /** MEMBERS frames sent to watching clients. */
  membersFrames: number;
  /** PRESENCE reply frames sent to clients. */
  presenceFrames: number;
  /** Authenticated links to other comm servers. */
  links: number;
}

/** The value of one sample of the Prometheus text `metrics`; 0 if absent (a counter not bumped yet). */
export function metricSample(metrics: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of metrics.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (match === null || match[1] !== name) continue;
    const present = (match[2] ?? '').split(',');
    if (wanted.every((label) => present.includes(label))) return Number(match[3]);
  }
  return 0;
}

export function presenceCounters(metrics: string): PresenceCounters {
  const sent = (type: string) => metricSample(metrics, 'broker_commserver_messages_out_total', { type, channel: 'reliable' });
  return {
    memberDeltaFrames: sent('MEMBER_DELTA'),
    membersFrames: sent('MEMBERS'),
    presenceFrames: sent('PRESENCE'),
    links: metricSample(metrics, 'broker_commserver_server_links'),
  };
}

/** GETs `operationsUrl`/metrics and reads the presence counters. */
export async function readPresenceCounters(operationsUrl: string): Promise<PresenceCounters> {
  const response = await fetch(new URL('/metrics', operationsUrl), { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${operationsUrl}/metrics answered ${response.status}`);
  return presenceCounters(await response.text());
}
