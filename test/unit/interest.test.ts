// commserver/interest.ts: what a server asks the other servers for.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Interest } from '../../commserver/interest.js';

const sorted = (values: Iterable<string>): string[] => [...values].sort();

describe('Interest of a normal server', () => {
  test("is the union of its clients' topics", () => {
    const interest = new Interest<string>({ relaysServerTopics: false });
    assert.equal(interest.apply('c1', 'client', ['a', 'b'], []), true);
    assert.equal(interest.apply('c2', 'client', ['b', 'c'], []), true);
    assert.deepEqual(sorted(interest.topicsFor('s1')), ['a', 'b', 'c']);
    assert.deepEqual(sorted(interest.topicsFor('s2')), ['a', 'b', 'c']);
  });

  test('reports a change only when the union changes', () => {
    const interest = new Interest<string>({ relaysServerTopics: false });
    interest.apply('c1', 'client', ['a', 'b'], []);
    assert.equal(interest.apply('c2', 'client', ['a'], []), false, 'a was already wanted');
    assert.equal(interest.apply('c1', 'client', [], ['a']), false, 'c2 still wants a');
    assert.deepEqual(sorted(interest.topicsFor('s1')), ['a', 'b']);
    assert.equal(interest.apply('c2', 'client', [], ['a']), true, 'nobody wants a any more');
    assert.deepEqual(sorted(interest.topicsFor('s1')), ['b']);
    assert.equal(interest.apply('c1', 'client', [], ['b']), true);
    assert.deepEqual(sorted(interest.topicsFor('s1')), []);
  });

  test('an empty change is no change', () => {
    const interest = new Interest<string>({ relaysServerTopics: false });
    assert.equal(interest.apply('c1', 'client', [], []), false);
    assert.equal(interest.topicsFor('s1').size, 0);
  });

  test("ignores other servers' subscriptions (one hop across the mesh)", () => {
    const interest = new Interest<string>({ relaysServerTopics: false });
    interest.apply('c1', 'client', ['a'], []);
    assert.equal(interest.apply('s1', 'server', ['x', 'a'], []), false);
    assert.deepEqual(sorted(interest.topicsFor('s1')), ['a']);
    assert.deepEqual(sorted(interest.topicsFor('s2')), ['a']);
    assert.equal(interest.apply('s1', 'server', [], ['x', 'a']), false);
    assert.deepEqual(sorted(interest.topicsFor('s2')), ['a'], "a server dropping a topic does not take the clients' interest away");
  });
});

describe('Interest of a hub', () => {
  test('sends each server the topics of its clients and of the other servers, not the ones only that server wants', () => {
    const hub = new Interest<string>({ relaysServerTopics: true });
    assert.equal(hub.apply('s1', 'server', ['x', 'shared'], []), true);
    assert.equal(hub.apply('s2', 'server', ['y', 'shared'], []), true);
    hub.apply('c1', 'client', ['z'], []);
    assert.deepEqual(sorted(hub.topicsFor('s1')), ['shared', 'y', 'z']);
    assert.deepEqual(sorted(hub.topicsFor('s2')), ['shared', 'x', 'z']);
    assert.deepEqual(sorted(hub.topicsFor('s3')), ['shared', 'x', 'y', 'z']);
  });

  test("a topic a server shares with a local client is sent back to that server (the client's interest)", () => {
    const hub = new Interest<string>({ relaysServerTopics: true });
    hub.apply('s1', 'server', ['t'], []);
    assert.deepEqual(sorted(hub.topicsFor('s1')), []);
    hub.apply('c1', 'client', ['t'], []);
    assert.deepEqual(sorted(hub.topicsFor('s1')), ['t']);
    hub.apply('c1', 'client', [], ['t']);
    assert.deepEqual(sorted(hub.topicsFor('s1')), []);
  });

  test("any server change may change what the other servers are sent", () => {
    const hub = new Interest<string>({ relaysServerTopics: true });
    hub.apply('s1', 'server', ['x'], []);
    // s2 adding x does not change the union, but it does change what s1 must be sent.
    assert.equal(hub.apply('s2', 'server', ['x'], []), true);
    assert.deepEqual(sorted(hub.topicsFor('s1')), ['x']);
    assert.equal(hub.apply('s2', 'server', [], ['x']), true);
    assert.deepEqual(sorted(hub.topicsFor('s1')), []);
    assert.deepEqual(sorted(hub.topicsFor('s2')), ['x']);
    assert.equal(hub.apply('s2', 'server', [], []), false);
  });

  test('a server that leaves takes its topics with it', () => {
    const hub = new Interest<string>({ relaysServerTopics: true });
    hub.apply('s1', 'server', ['x', 'y'], []);
    hub.apply('s2', 'server', ['y'], []);
    hub.apply('s1', 'server', [], ['x', 'y']);
    assert.deepEqual(sorted(hub.topicsFor('s2')), []);
    assert.deepEqual(sorted(hub.topicsFor('s3')), ['y']);
  });
});
