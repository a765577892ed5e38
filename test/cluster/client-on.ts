import { BrokerClient, type BrokerClientOptions } from '../../client/index.js';
import type { CommServer } from '../../commserver/index.js';

/**
 * Connects through `coordinatorUrl` until a client lands on `server`
 * (coordinators of a cluster pick at random among all its servers); the
 * others are closed. `cleanups` gets the closing of the one returned.
 */
export async function clientOn(
  coordinatorUrl: BrokerClientOptions['coordinatorUrl'], server: CommServer, cleanups: Array<() => unknown>,
): Promise<BrokerClient> {
  // A coordinator's view of the servers registered through another one follows NATS, within the
  // registry TTL after a NATS node was lost (longer on a loaded host, while JetStream re-elects):
  // try for a while rather than a number of times, within the callers' 30 s steps.
  const deadline = Date.now() + 28_000;
  while (Date.now() < deadline) {
    const client = await BrokerClient.connect({ coordinatorUrl, transport: 'webrtc' });
    if (client.serverAlias === server.alias) {
      cleanups.push(() => client.close());
      return client;
    }
    client.close();
  }
  throw new Error(`no client landed on server ${server.alias}`);
}
