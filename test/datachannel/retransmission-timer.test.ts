// broker-fix(t3-backoff): while nothing gets through, each expiry of werift's
// retransmission timer (T3) doubles it, up to 3 s (RFC 9260 6.3.3 E2, with
// the bound WebRTC's own SCTP stacks use); unpatched it resent every RTO
// for as long as the path was down.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import { connectPair, receiveSequenced, sequencedMessage } from './helpers.js';

interface IceConnectionInternals {
  send(data: Buffer): Promise<void>;
}

interface RetransmissionTimerInternals {
  /** Seconds. */
  rto: number;
  timer3Expired: () => void;
}

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

    const connection = pair.offererPc!.sctpTransport!.dtlsTransport.iceTransport.connection as unknown as IceConnectionInternals;
    const send = connection.send.bind(connection);
    let pathDown = true;
    connection.send = async (data) => {
      if (!pathDown) await send(data);
    };

    const association = pair.offererPc!.sctpTransport!.sctp as unknown as RetransmissionTimerInternals;
    const expiries: { rtoBefore: number; rtoAfter: number; at: number }[] = [];
    let expired!: () => void;
    const allExpired = new Promise<void>((resolve) => (expired = resolve));
    const timer3Expired = association.timer3Expired;
    association.timer3Expired = () => {
      const rtoBefore = association.rto;
      timer3Expired();
      expiries.push({ rtoBefore, rtoAfter: association.rto, at: performance.now() });
      if (expiries.length === EXPIRIES) expired();
    };

    const sentAt = performance.now();
    offerer.send(sequencedMessage(1, 100));
    await allExpired;
    pathDown = false;
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
