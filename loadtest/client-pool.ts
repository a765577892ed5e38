// Connects a worker's clients, a bounded number at a time, timing each set-up.
import type { BrokerClient } from '../client/index.js';
import type { ConnectOutcome } from './ipc.js';

export async function connectClients(
  indices: readonly number[],
  connect: (index: number) => Promise<BrokerClient>,
  concurrency: number,
  onConnected: (index: number, client: BrokerClient) => void,
): Promise<ConnectOutcome[]> {
  const outcomes: ConnectOutcome[] = [];
  let next = 0;
  const lane = async () => {
    while (next < indices.length) {
      const index = indices[next++];
      const started = performance.now();
      try {
        const client = await connect(index);
        const { alias, serverAlias, transport } = client;
        outcomes.push({ index, setupMs: performance.now() - started, alias, serverAlias, transport });
        onConnected(index, client);
      } catch (error) {
        outcomes.push({ index, setupMs: performance.now() - started, error: (error as Error).message });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, indices.length)) }, lane));
  return outcomes.sort((a, b) => a.index - b.index);
}
