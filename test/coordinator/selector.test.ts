import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Role } from '../../shared/codec.js';
import { fullMeshSelector, starSelector, type PeerInfo } from '../../coordinator/index.js';

const server = (alias: number): PeerInfo => ({ alias, role: Role.COMMUNICATION_SERVER });
const hub = (alias: number): PeerInfo => ({ alias, role: Role.COMMUNICATION_SERVER_HUB });
/** A random source that returns the given values in turn. */
const sequence = (...values: number[]) => () => values.shift() ?? 0;

describe('fullMeshSelector', () => {
  test('a new server links to every registered server, hubs included', () => {
    const selector = fullMeshSelector();
    assert.deepEqual(selector.serversToLinkFor(server(9), []), []);
    assert.deepEqual(selector.serversToLinkFor(server(9), [server(1), hub(2), server(3)]), [1, 2, 3]);
  });

  test('a client gets the server the random source points at', () => {
    const selector = fullMeshSelector(sequence(0, 0.34, 0.99));
    const servers = [server(1), server(2), server(3)];
    assert.equal(selector.serverForClient(servers), 1);
    assert.equal(selector.serverForClient(servers), 2);
    assert.equal(selector.serverForClient(servers), 3);
  });

  test('a client gets no server when none is registered', () => {
    assert.equal(fullMeshSelector().serverForClient([]), undefined);
  });
});

describe('starSelector', () => {
  test('a server links to the hub only', () => {
    const selector = starSelector();
    assert.deepEqual(selector.serversToLinkFor(server(9), [server(1), hub(2), server(3)]), [2]);
  });

  test('a server joining before any hub links to nobody', () => {
    assert.deepEqual(starSelector().serversToLinkFor(server(9), [server(1), server(2)]), []);
  });

  test('a hub links to the plain servers already registered, never to other hubs', () => {
    const selector = starSelector();
    assert.deepEqual(selector.serversToLinkFor(hub(9), []), []);
    assert.deepEqual(selector.serversToLinkFor(hub(9), [server(1), hub(2), server(3)]), [1, 3]);
  });

  test('clients never get a hub', () => {
    const selector = starSelector(sequence(0, 0.99));
    const servers = [hub(1), server(2), server(3)];
    assert.equal(selector.serverForClient(servers), 2);
    assert.equal(selector.serverForClient(servers), 3);
    assert.equal(selector.serverForClient([hub(1)]), undefined);
  });
});
