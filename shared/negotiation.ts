// Offer/answer and trickled ICE candidates for one peer connection, as in
// docs/PROTOCOL.md: each side holds its own candidates until the remote
// description is set, and buffers remote candidates that arrive early.
import { BrokerError } from './errors.js';
import type { IceCandidateInit, PeerConnectionLike, SessionDescriptionInit } from './rtc.js';

export class NegotiationError extends BrokerError<'BAD_DESCRIPTION' | 'BAD_CANDIDATE' | 'UNEXPECTED_DESCRIPTION'> {}

export interface SignalingSink {
  sendDescription(description: SessionDescriptionInit): void;
  sendCandidate(candidate: IceCandidateInit): void;
}

export interface NegotiationOptions {
  /** Remote candidates held before the remote description is set; extra ones are dropped. */
  maxPendingCandidates: number;
  /**
   * Drop remote mDNS (`.local`) host candidates. Browsers hide their host
   * addresses behind them; resolving one costs werift a 10 s IPv4-only lookup,
   * while peer-reflexive discovery finds the browser anyway.
   */
  dropMdnsCandidates: boolean;
}

export class Negotiation {
  #pc: PeerConnectionLike;
  #sink: SignalingSink;
  #options: NegotiationOptions;
  #localCandidates: IceCandidateInit[] | undefined = [];
  #remoteCandidates: IceCandidateInit[] | undefined = [];
  /** The remote description's media sections' mids, in order: what a candidate's sdpMid must name. */
  #remoteMids: string[] = [];
  /** Remote candidates dropped: over the bound, or mDNS. */
  droppedCandidates = 0;

  constructor(pc: PeerConnectionLike, sink: SignalingSink, options: NegotiationOptions) {
    this.#pc = pc;
    this.#sink = sink;
    this.#options = options;
    pc.onicecandidate = (event) => {
      if (!event.candidate) return;
      const candidate = event.candidate.toJSON();
      if (!candidate.candidate) return;
      if (this.#localCandidates) this.#localCandidates.push(candidate);
      else sink.sendCandidate(candidate);
    };
  }

  /** The offering side: create the offer and send it. */
  async offer(): Promise<void> {
    const offer = await this.#pc.createOffer();
    await this.#pc.setLocalDescription(offer);
    this.#sink.sendDescription(localDescriptionOf(this.#pc, offer));
  }

  /** The answering side: take the remote offer, answer it. */
  async acceptOffer(description: unknown): Promise<void> {
    await this.#setRemote(description, 'offer');
    const answer = await this.#pc.createAnswer();
    await this.#pc.setLocalDescription(answer);
    this.#sink.sendDescription(localDescriptionOf(this.#pc, answer));
    this.#releaseLocalCandidates();
  }

  /** The offering side: take the remote answer. */
  async acceptAnswer(description: unknown): Promise<void> {
    await this.#setRemote(description, 'answer');
    this.#releaseLocalCandidates();
  }

  async addRemoteCandidate(candidate: unknown): Promise<void> {
    if (!isCandidate(candidate)) throw new NegotiationError('BAD_CANDIDATE', 'ICE candidate is not an RTCIceCandidateInit');
    if (candidate.candidate === '') return; // end of candidates
    if (this.#options.dropMdnsCandidates && isMdnsCandidate(candidate.candidate)) {
      this.droppedCandidates++;
      return;
    }
    if (this.#remoteCandidates) {
      if (this.#remoteCandidates.length >= this.#options.maxPendingCandidates) this.droppedCandidates++;
      else this.#remoteCandidates.push(candidate);
      return;
    }
    await this.#addCandidate(candidate);
  }

  async #setRemote(description: unknown, expected: 'offer' | 'answer'): Promise<void> {
    if (!isDescription(description) || description.type !== expected) {
      throw new NegotiationError('BAD_DESCRIPTION', `expected an SDP ${expected}`);
    }
    // werift accepts any text as SDP and only fails the connection later (as an
    // ICE failure); a broker session is one data-channel (application) section.
    if (!/^v=0\r?\n/.test(description.sdp) || !/\nm=application /.test(description.sdp)) {
      throw new NegotiationError('BAD_DESCRIPTION', `the remote ${expected} is not an SDP with a data-channel section`);
    }
    if (this.#pc.remoteDescription) throw new NegotiationError('UNEXPECTED_DESCRIPTION', `a second ${expected} arrived`);
    try {
      await this.#pc.setRemoteDescription({ type: description.type, sdp: description.sdp });
    } catch (cause) {
      throw new NegotiationError('BAD_DESCRIPTION', `remote ${expected} rejected: ${(cause as Error).message}`, { cause });
    }
    this.#remoteMids = midsOf(description.sdp);
    const early = this.#remoteCandidates ?? [];
    this.#remoteCandidates = undefined;
    for (const candidate of early) await this.#addCandidate(candidate);
  }

  async #addCandidate(candidate: IceCandidateInit): Promise<void> {
    try {
      await this.#pc.addIceCandidate(withKnownMid(candidate, this.#remoteMids));
    } catch (cause) {
      throw new NegotiationError('BAD_CANDIDATE', `remote candidate rejected: ${(cause as Error).message}`, { cause });
    }
  }

  #releaseLocalCandidates(): void {
    const held = this.#localCandidates ?? [];
    this.#localCandidates = undefined;
    for (const candidate of held) this.#sink.sendCandidate(candidate);
  }
}

/** `a=mid:` of each media section (`m=` line) of an SDP, in order; '' for a section without one. */
function midsOf(sdp: string): string[] {
  return sdp.split(/\r?\nm=/).slice(1).map((section) => /\na=mid:([^\r\n]*)/.exec(section)?.[1] ?? '');
}

/**
 * Browsers and pion read an empty or unknown sdpMid as "not given" and go by
 * sdpMLineIndex; pion's own candidates always carry `sdpMid: ""` (every Go
 * client of the original sends them). werift only looks at the mid, so the
 * candidate gets the mid of its line index, or of the only media section.
 */
function withKnownMid(candidate: IceCandidateInit, mids: readonly string[]): IceCandidateInit {
  if (candidate.sdpMid && mids.includes(candidate.sdpMid)) return candidate;
  const index = candidate.sdpMLineIndex;
  const line = typeof index === 'number' && index >= 0 && index < mids.length ? index : mids.length === 1 ? 0 : undefined;
  if (line === undefined) return candidate;
  return { ...candidate, sdpMid: mids[line], sdpMLineIndex: line };
}

function localDescriptionOf(pc: PeerConnectionLike, fallback: SessionDescriptionInit): SessionDescriptionInit {
  const local = (pc as { localDescription?: SessionDescriptionInit | null }).localDescription ?? fallback;
  return { type: local.type, sdp: local.sdp };
}

function isDescription(value: unknown): value is { type: string; sdp: string } {
  const description = value as { type?: unknown; sdp?: unknown } | null;
  return typeof description === 'object' && description !== null
    && typeof description.type === 'string' && typeof description.sdp === 'string';
}

function isCandidate(value: unknown): value is IceCandidateInit & { candidate: string } {
  const candidate = value as { candidate?: unknown } | null;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.candidate === 'string';
}

/** `candidate:... 1 udp 2113937151 0b1e...-....local 54321 typ host` */
function isMdnsCandidate(candidate: string): boolean {
  return candidate.split(' ')[4]?.endsWith('.local') ?? false;
}
