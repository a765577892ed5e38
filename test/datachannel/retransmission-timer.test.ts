// broker-fix(t3-backoff): while nothing gets through, each expiry of werift's
// retransmission timer (T3) doubles it, up to 3 s (RFC 9260 6.3.3 E2, with
// the bound WebRTC's own SCTP stacks use); unpatched it resent every RTO
// for as long as the path was down.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import { connectPair, cutOutgoingPath, receiveSequenced, recordT3Expiries, sequencedMessage } from './helpers.js';

const BACKOFF_BOUND_SECONDS = 3;
// From an RTO in [0.4, 0.75) s, the third expiry reaches the bound.
const EXPIRIES = 3;
// Node may run a timer up to a millisecond before its time.
const TIMER_SLACK_MS = 2;

test('the retransmission timer backs off while the path is down, up to 3 s, and the message still arrives', { timeout: 30_000 }, async () => {
  const pair = await connectPair('werift', 'wrtc', { reliable: {} });
  try {
    const { offerer, answerer } = pair.channels.get('reliable')!;
    const receipt = receiveSequenced(answerer);
    offerer.send(sequencedMessage(0, 100));
    await receipt.reached(1);

    const path = cutOutgoingPath(pair.offererPc!);
    const { expiries, done } = recordT3Expiries(pair.offererPc!, EXPIRIES);
    const sentAt = performance.now();
    offerer.send(sequencedMessage(1, 100));
    await done;
    path.restore();
    await receipt.reached(2);

    const initialRto = expiries[0]!.rtoBefore;
    assert.ok(initialRto < BACKOFF_BOUND_SECONDS / 4, `the measured RTO (${initialRto} s) leaves room to double twice`);
    for (const [index, { rtoBefore, rtoAfter }] of expiries.entries()) {
      assert.equal(rtoAfter, Math.min(rtoBefore * 2, BACKOFF_BOUND_SECONDS), `expiry ${index + 1} doubles the RTO, to at most 3 s`);
    }
    assert.equal(expiries.at(-1)!.rtoAfter, BACKOFF_BOUND_SECONDS, 'the third expiry met the bound');
    // Each expiry came no sooner than the RTO the timer was started with.
    let startedAt = sentAt;
    for (const { rtoBefore, at } of expiries) {
      assert.ok(at - startedAt >= rtoBefore * 1000 - TIMER_SLACK_MS, `waited ${(at - startedAt).toFixed(0)} ms for an RTO of ${rtoBefore} s`);
      startedAt = at;
    }
  } finally {
    await pair.close();
  }
});
