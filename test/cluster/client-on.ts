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
  for (let attempt = 0; attempt < 40; attempt++) {
    const client = await BrokerClient.connect({ coordinatorUrl, transport: 'webrtc' });
    if (client.serverAlias === server.alias) {
      cleanups.push(() => client.close());
      return client;
    }
    client.close();
  }
  throw new Error(`no client landed on server ${server.alias}`);
}
