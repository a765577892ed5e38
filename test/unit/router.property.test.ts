// Model-based property test of commserver/router.ts (fast-check): random
// sequences of replace and remove, by clients and servers, against a plain
// model (peer -> topic set). After every step the table answers exactly as the
// model: each topic's subscribers, each peer's topics, the topic count and the
// diff returned. An emptied topic leaves nothing behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RoutingTable } from '../../commserver/router.js';

type Kind = 'client' | 'server';
interface Model { topics: Map<string, Set<string>>; kinds: Map<string, Kind> }

const PEERS = ['c1', 'c2', 'c3', 's1', 's2'];
const kindOf = (peer: string): Kind => (peer.startsWith('s') ? 'server' : 'client');
const TOPICS = ['a', 'b', 'c', 'd', 'e', 'f'];

class ReplaceCommand implements fc.Command<Model, RoutingTable<string>> {
  constructor(readonly peer: string, readonly topics: string[]) {}
  check(): boolean {
    return true;
  }
  run(model: Model, table: RoutingTable<string>): void {
    const previous = model.topics.get(this.peer) ?? new Set<string>();
    const next = new Set(this.topics);
    const diff = table.replace(this.peer, kindOf(this.peer), new Set(this.topics));
    assert.deepEqual(diff.added.sort(), [...next].filter((t) => !previous.has(t)).sort());
    assert.deepEqual(diff.removed.sort(), [...previous].filter((t) => !next.has(t)).sort());
    model.topics.set(this.peer, next);
    model.kinds.set(this.peer, kindOf(this.peer));
    agree(model, table);
  }
  toString(): string {
    return `replace(${this.peer}, [${this.topics.join(' ')}])`;
  }
}

class RemoveCommand implements fc.Command<Model, RoutingTable<string>> {
  constructor(readonly peer: string) {}
  check(): boolean {
    return true;
  }
  run(model: Model, table: RoutingTable<string>): void {
    const had = [...(model.topics.get(this.peer) ?? [])].sort();
    assert.deepEqual(table.remove(this.peer, kindOf(this.peer)).sort(), had);
    model.topics.delete(this.peer);
    agree(model, table);
  }
  toString(): string {
    return `remove(${this.peer})`;
  }
}

function agree(model: Model, table: RoutingTable<string>): void {
  const expected = new Map<string, { clients: string[]; servers: string[] }>();
  for (const [peer, topics] of model.topics) {
    for (const topic of topics) {
      const entry = expected.get(topic) ?? { clients: [], servers: [] };
      (kindOf(peer) === 'client' ? entry.clients : entry.servers).push(peer);
      expected.set(topic, entry);
    }
  }
  assert.equal(table.topicCount, expected.size, 'topic count');
  for (const topic of TOPICS) {
    const got = table.subscribers(topic);
    const want = expected.get(topic);
    if (!want) {
      assert.equal(got, undefined, `topic ${topic} has no subscribers and no entry`);
      continue;
    }
    assert.deepEqual({ clients: [...got!.clients].sort(), servers: [...got!.servers].sort() },
      { clients: want.clients.sort(), servers: want.servers.sort() }, `subscribers of ${topic}`);
  }
  for (const peer of PEERS) {
    assert.deepEqual([...table.topicsOf(peer)].sort(), [...(model.topics.get(peer) ?? [])].sort(), `topics of ${peer}`);
  }
}

const commands = [
  fc.tuple(fc.constantFrom(...PEERS), fc.subarray(TOPICS)).map(([peer, topics]) => new ReplaceCommand(peer, topics)),
  fc.constantFrom(...PEERS).map((peer) => new RemoveCommand(peer)),
];

test('the routing table behaves as the model under random replace/remove sequences', () => {
  fc.assert(fc.property(fc.commands(commands, { maxCommands: 60 }), (sequence) => {
    const model: Model = { topics: new Map(), kinds: new Map() };
    const table = new RoutingTable<string>();
    fc.modelRun(() => ({ model, real: table }), sequence);
    // Everyone leaving empties the table.
    for (const peer of PEERS) table.remove(peer, kindOf(peer));
    assert.equal(table.topicCount, 0);
  }), { seed: 0x7ab1e, numRuns: 300 });
});
