// The presence scenario: the clients' member views (loadtest/member-views.ts),
// the servers' counters as read from /metrics (loadtest/server-counters.ts),
// and a small real run over three comm servers.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MemberViews } from '../../loadtest/member-views.js';
import { resultTable } from '../../loadtest/report-table.js';
import { runLoadTest } from '../../loadtest/run.js';
import { PRESENCE_TOPIC, assignRoles, deliveryPlan, resolveParameters } from '../../loadtest/scenarios.js';
import { metricSample, presenceCounters } from '../../loadtest/server-counters.js';

describe('member views', () => {
  test('a view is complete once the list and the join events together hold every member; completion is timed once', () => {
    let completed = 0;
    const views = new MemberViews([10, 11, 12, 13], () => completed++);
    views.watch(0, 10, -5);
    views.watch(1, 11, -5);
    views.listed(0, 10, 3);
    views.listed(0, 11, 4);
    views.joined(0, 11, 5);
    views.joined(0, 12, 6);
    views.joined(1, 10, 6);
    views.joined(1, 12, 6);
    views.joined(1, 13, 7);
    assert.equal(completed, 0);
    views.joined(0, 13, 8);
    assert.equal(completed, 1, 'called once, when the last view completed');
    views.left(0, 13);
    views.joined(0, 13, 20);
    views.joined(0, 12, 21);
    views.joined(0, 99, 22);
    views.failed(new Error('no presence reply'));
    views.subscribed(2);
    assert.deepEqual(views.report(), {
      watching: 2,
      subscribedMs: 2,
      completeMs: [[0, 8], [1, 7]],
      listed: 2,
      joinEvents: 9,
      repeatedJoins: 1,
      leaveEvents: 1,
      strangers: 1,
      requestErrors: 1,
      firstError: 'no presence reply',
    });
  });

  test('presence: everyone subscribes to one topic and publishes nothing', () => {
    const clients = [1, 2, 3].map((serverAlias, index) => ({ index, alias: 100 + index, serverAlias }));
    const roles = assignRoles('presence', clients);
    assert.deepEqual(roles, clients.map(({ index }) => ({ index, subscribe: [PRESENCE_TOPIC] })));
    assert.equal(deliveryPlan(roles, clients).receiversBySender.size, 0);
    const parameters = resolveParameters('presence', {});
    assert.equal(parameters.servers, 3);
    assert.equal(parameters.clients, 100);
  });
});

test('the presence counters of a comm server, from its Prometheus text', () => {
  const metrics = [
    '# HELP broker_commserver_messages_out_total Messages sent (forwarded topic messages, presence frames), by type and channel.',
    '# TYPE broker_commserver_messages_out_total counter',
    'broker_commserver_messages_out_total{type="TOPIC_FW",channel="reliable"} 40',
    'broker_commserver_messages_out_total{type="MEMBER_DELTA",channel="reliable"} 6',
    'broker_commserver_messages_out_total{type="MEMBERS",channel="reliable"} 12',
    'broker_commserver_server_links 2',
  ].join('\n');
  assert.deepEqual(presenceCounters(metrics), { memberDeltaFrames: 6, membersFrames: 12, presenceFrames: 0, links: 2 });
  assert.equal(metricSample(metrics, 'broker_commserver_messages_out_total', { channel: 'reliable', type: 'TOPIC_FW' }), 40);
});

test('presence: 6 clients on 3 comm servers join at once; every list completes, the servers counted their MEMBER_DELTA frames per link', { timeout: 120_000 }, async () => {
  const parameters = resolveParameters('presence', { clients: 6, durationSeconds: 20 });
  const result = await runLoadTest({ parameters });
  const { presence } = result;
  assert.ok(presence, 'a presence result');
  assert.equal(result.clients.connected, 6);
  assert.equal(result.clients.disconnected, 0);
  assert.equal(presence.topic, PRESENCE_TOPIC);
  assert.equal(presence.members, 6);
  assert.equal(presence.joined, 6);
  assert.equal(presence.complete, 6, `complete: ${JSON.stringify(presence)}`);
  const { min, p50, p90, p99, max } = presence.completeMs;
  assert.ok(presence.subscribedMs >= 0 && presence.subscribedMs <= min, JSON.stringify(presence));
  assert.ok(min > 0 && min <= p50 && p50 <= p90 && p90 <= p99 && p99 <= max && max < 20_000, JSON.stringify(presence.completeMs));
  assert.ok(result.measuredSeconds * 1000 >= max, 'the window lasts until the last list completed');
  assert.equal(presence.requestErrors, 0);
  assert.equal(presence.repeatedJoins, 0, 'each join told once');
  assert.equal(presence.leaveEvents, 0);
  assert.equal(presence.strangers, 0);
  // Each client learns the 5 others from its presence() reply or a join event (some from both).
  assert.ok(presence.listed + presence.joinEvents >= 6 * 5, JSON.stringify(presence));
  assert.equal(presence.servers.length, 3);
  assert.equal(presence.servers.reduce((sum, server) => sum + server.clients, 0), 6);
  for (const server of presence.servers) {
    assert.equal(server.links, 2);
    assert.equal(server.memberDeltaFrames, server.memberDeltaFramesPerLink! * 2);
    // A server with clients sent their joins to each link, in a frame or a few.
    if (server.clients > 0) assert.ok(server.memberDeltaFramesPerLink! >= 1 && server.memberDeltaFramesPerLink! <= 5, JSON.stringify(server));
    assert.ok(server.presenceFrames! >= server.clients, 'a PRESENCE reply per client');
  }
  assert.equal(result.servers.length, 3);
  assert.ok(result.servers.every((server) => server.cpuCores >= 0 && server.rssBytes > 0));
  assert.equal(result.sent, 0);
  assert.equal(result.expected, 0);
  const table = resultTable(result);
  assert.match(table, /^presence: 6 clients joining one topic with presence at once/);
  assert.match(table, /lists complete\s+6 of 6 clients \(each list: all 6 members\)/);
  assert.match(table, /MEMBER_DELTA \d+ to 2 links \([\d.]+ per link\)/);
});
