// commserver/router.ts: the routing table of topics to subscribed peers.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RoutingTable } from '../../commserver/router.js';

const set = (...topics: string[]): Set<string> => new Set(topics);
const sorted = (values: Iterable<string>): string[] => [...values].sort();

/** The diff with both lists sorted, so a test states it without depending on iteration order. */
function diff(result: { added: string[]; removed: string[] }): { added: string[]; removed: string[] } {
  return { added: sorted(result.added), removed: sorted(result.removed) };
}

function subscribersOf(table: RoutingTable<string>, topic: string): { clients: string[]; servers: string[] } | undefined {
  const entry = table.subscribers(topic);
  return entry && { clients: sorted(entry.clients), servers: sorted(entry.servers) };
}

describe('RoutingTable.replace', () => {
  test('a first subscription adds every topic', () => {
    const table = new RoutingTable<string>();
    assert.deepEqual(diff(table.replace('c1', 'client', set('a', 'b'))), { added: ['a', 'b'], removed: [] });
    assert.deepEqual(sorted(table.topicsOf('c1')), ['a', 'b']);
    assert.equal(table.topicCount, 2);
  });

  test('the same set again is an empty diff and changes nothing', () => {
    const table = new RoutingTable<string>();
    table.replace('c1', 'client', set('a', 'b'));
    assert.deepEqual(diff(table.replace('c1', 'client', set('b', 'a'))), { added: [], removed: [] });
    assert.deepEqual(subscribersOf(table, 'a'), { clients: ['c1'], servers: [] });
    assert.equal(table.topicCount, 2);
  });

  test('an overlapping set is a full-set replace: only the difference is added and removed', () => {
    const table = new RoutingTable<string>();
    table.replace('c1', 'client', set('a', 'b', 'c'));
    assert.deepEqual(diff(table.replace('c1', 'client', set('b', 'c', 'd', 'e'))), { added: ['d', 'e'], removed: ['a'] });
    assert.deepEqual(sorted(table.topicsOf('c1')), ['b', 'c', 'd', 'e']);
    assert.equal(table.subscribers('a'), undefined);
    assert.deepEqual(subscribersOf(table, 'd'), { clients: ['c1'], servers: [] });
    assert.equal(table.topicCount, 4);
  });

  test('a disjoint set removes all old topics and adds all new ones', () => {
    const table = new RoutingTable<string>();
    table.replace('c1', 'client', set('a', 'b'));
    assert.deepEqual(diff(table.replace('c1', 'client', set('x'))), { added: ['x'], removed: ['a', 'b'] });
    assert.equal(table.topicCount, 1);
  });

  test('an empty set unsubscribes from everything', () => {
    const table = new RoutingTable<string>();
    table.replace('c1', 'client', set('a', 'b'));
    assert.deepEqual(diff(table.replace('c1', 'client', set())), { added: [], removed: ['a', 'b'] });
    assert.equal(table.topicsOf('c1').size, 0);
    assert.equal(table.subscribers('a'), undefined);
    assert.equal(table.subscribers('b'), undefined);
    assert.equal(table.topicCount, 0);
  });

  test('an empty set from a peer that never subscribed is an empty diff', () => {
    const table = new RoutingTable<string>();
    assert.deepEqual(diff(table.replace('c1', 'client', set())), { added: [], removed: [] });
    assert.equal(table.topicCount, 0);
  });

  test("one peer's replace leaves the other peers of a shared topic in place", () => {
    const table = new RoutingTable<string>();
    table.replace('c1', 'client', set('shared', 'mine'));
    table.replace('c2', 'client', set('shared'));
    table.replace('c1', 'client', set());
    assert.deepEqual(subscribersOf(table, 'shared'), { clients: ['c2'], servers: [] });
    assert.equal(table.subscribers('mine'), undefined);
    assert.equal(table.topicCount, 1);
  });

  test('successive replaces each diff against the previous set', () => {
    const table = new RoutingTable<string>();
    table.replace('c1', 'client', set('a'));
    assert.deepEqual(diff(table.replace('c1', 'client', set('a', 'b'))), { added: ['b'], removed: [] });
    assert.deepEqual(diff(table.replace('c1', 'client', set('b'))), { added: [], removed: ['a'] });
  });
});

describe('RoutingTable.subscribers', () => {
  test('splits subscribers into clients and servers', () => {
    const table = new RoutingTable<string>();
    table.replace('c1', 'client', set('a', 'b'));
    table.replace('c2', 'client', set('a'));
    table.replace('s1', 'server', set('a', 'c'));
    table.replace('s2', 'server', set('a'));
    assert.deepEqual(subscribersOf(table, 'a'), { clients: ['c1', 'c2'], servers: ['s1', 's2'] });
    assert.deepEqual(subscribersOf(table, 'b'), { clients: ['c1'], servers: [] });
    assert.deepEqual(subscribersOf(table, 'c'), { clients: [], servers: ['s1'] });
    assert.equal(table.subscribers('nobody'), undefined);
    assert.equal(table.topicCount, 3);
  });

  test('a topic kept only by a server stays until the server drops it', () => {
    const table = new RoutingTable<string>();
    table.replace('c1', 'client', set('a'));
    table.replace('s1', 'server', set('a'));
    table.replace('c1', 'client', set());
    assert.deepEqual(subscribersOf(table, 'a'), { clients: [], servers: ['s1'] });
    table.replace('s1', 'server', set());
    assert.equal(table.subscribers('a'), undefined);
    assert.equal(table.topicCount, 0);
  });
});

describe('RoutingTable.remove', () => {
  test('forgets a peer and returns the topics it had', () => {
    const table = new RoutingTable<string>();
    table.replace('c1', 'client', set('a', 'b'));
    table.replace('s1', 'server', set('b'));
    assert.deepEqual(sorted(table.remove('c1', 'client')), ['a', 'b']);
    assert.equal(table.topicsOf('c1').size, 0);
    assert.equal(table.subscribers('a'), undefined);
    assert.deepEqual(subscribersOf(table, 'b'), { clients: [], servers: ['s1'] });
    assert.equal(table.topicCount, 1);
  });

  test('removing an unknown peer, or removing twice, returns nothing', () => {
    const table = new RoutingTable<string>();
    assert.deepEqual(table.remove('ghost', 'client'), []);
    table.replace('s1', 'server', set('a'));
    assert.deepEqual(table.remove('s1', 'server'), ['a']);
    assert.deepEqual(table.remove('s1', 'server'), []);
    assert.equal(table.topicCount, 0);
  });

  test('a removed peer can subscribe again from scratch', () => {
    const table = new RoutingTable<string>();
    table.replace('c1', 'client', set('a'));
    table.remove('c1', 'client');
    assert.deepEqual(diff(table.replace('c1', 'client', set('a'))), { added: ['a'], removed: [] });
    assert.deepEqual(subscribersOf(table, 'a'), { clients: ['c1'], servers: [] });
  });
});

describe('RoutingTable.topicsOf and topicCount', () => {
  test('topicsOf is per peer; topicCount counts distinct topics', () => {
    const table = new RoutingTable<string>();
    assert.equal(table.topicsOf('c1').size, 0);
    table.replace('c1', 'client', set('a', 'b'));
    table.replace('c2', 'client', set('b', 'c'));
    table.replace('s1', 'server', set('c', 'd'));
    assert.deepEqual(sorted(table.topicsOf('c1')), ['a', 'b']);
    assert.deepEqual(sorted(table.topicsOf('c2')), ['b', 'c']);
    assert.deepEqual(sorted(table.topicsOf('s1')), ['c', 'd']);
    assert.equal(table.topicCount, 4);
  });
});
