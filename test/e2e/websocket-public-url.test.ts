// --ws-public-url with port 0: clients are told the public host with the port
// the endpoint bound (scaled replicas on a host network each bind their own).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { publicWebSocketUrl } from '../../commserver/commserver.js';
import { startCluster } from '../helpers/cluster.js';

test('a public URL with port 0 takes the bound port; any other is used as written', () => {
  assert.equal(publicWebSocketUrl('ws://broker.example:0', 'ws://0.0.0.0:41234'), 'ws://broker.example:41234');
  assert.equal(publicWebSocketUrl('wss://broker.example:0/ws', 'ws://0.0.0.0:41234'), 'wss://broker.example:41234/ws');
  assert.equal(publicWebSocketUrl('wss://broker.example:8443/ws', 'ws://0.0.0.0:41234'), 'wss://broker.example:8443/ws');
  assert.equal(publicWebSocketUrl(undefined, 'ws://127.0.0.1:41234'), 'ws://127.0.0.1:41234');
});

test('a client told ws://127.0.0.1:0 reaches the endpoint on its bound port and gets messages', { timeout: 30_000 }, async (t) => {
  const cluster = await startCluster({ servers: 1, serverOptions: { webSocket: { host: '127.0.0.1', port: 0, publicUrl: 'ws://127.0.0.1:0' } } });
  t.after(() => cluster.close());
  const [publisher, subscriber] = await Promise.all([cluster.connect(), cluster.connect({ transport: 'websocket' })]);
  assert.equal(subscriber.transport, 'websocket');
  const received = new Promise<string>((resolve) => subscriber.on('message', ({ body }) => resolve(new TextDecoder().decode(body))));
  subscriber.subscribe('t');
  await subscriber.ping({ reliable: true });
  publisher.publish('t', 'over the bound port');
  assert.equal(await received, 'over the bound port');
});
