// The client's side of presence (docs/PROTOCOL.md, "Presence"): PRESENCE
// requests waiting for their reply (which may come in parts), and the member
// changes of watched topics (MEMBERS) turned into `join` and `leave` events,
// this client's own membership left out.
import { LeaveReason, type MemberMessage, type MembersMessage, type PresenceMessage } from '../shared/codec.js';
import { BrokerClientError } from './errors.js';
import { PendingRequests } from './pending-requests.js';

export interface PresenceMember {
  alias: number;
  /** The identity the member's comm server took from its AUTH, if any. */
  identity?: string;
  /** The comm server the member is connected to. */
  serverAlias: number;
}

/** The members of a topic; `truncated`: the comm server lists at most its --max-presence-members. */
export type PresenceList = PresenceMember[] & { truncated: boolean };

export type LeaveReasonName = 'unsubscribed' | 'disconnected' | 'kicked';

export interface JoinEvent {
  topic: string;
  alias: number;
  identity?: string;
}

export interface LeaveEvent extends JoinEvent {
  reason: LeaveReasonName;
}

export interface PresenceRequestsOptions {
  timeoutMs: number;
  /** This client's id: its own membership is no event. */
  clientId: Uint8Array;
  join: (event: JoinEvent) => void;
  leave: (event: LeaveEvent) => void;
}

/** A presence request's reply so far. */
interface Reply {
  topic: string;
  members: PresenceMember[];
}

const REASONS: Partial<Record<LeaveReason, LeaveReasonName>> = {
  [LeaveReason.UNSUBSCRIBED]: 'unsubscribed',
  [LeaveReason.DISCONNECTED]: 'disconnected',
  [LeaveReason.KICKED]: 'kicked',
};

const utf8 = new TextDecoder();

export class PresenceRequests {
  readonly #options: PresenceRequestsOptions;
  readonly #requests: PendingRequests<PresenceList, Reply>;

  constructor(options: PresenceRequestsOptions) {
    this.#options = options;
    this.#requests = new PendingRequests(options.timeoutMs);
  }

  /** Sends a request (`send` gets its id) and resolves with the reply; rejects after the timeout or with `fail`. */
  request(topic: string, send: (requestId: number) => void): Promise<PresenceList> {
    return this.#requests.open({ topic, members: [] }, send, (timeoutMs) => new BrokerClientError('TIMEOUT', `no presence reply for ${topic} within ${timeoutMs} ms`));
  }

  /** One part of a reply. */
  reply({ requestId, topic, members, truncated, error, more }: PresenceMessage): void {
    const reply = this.#requests.state(requestId);
    if (reply === undefined || reply.topic !== topic) return;
    if (error) {
      this.#requests.reject(requestId, new BrokerClientError(error === 'NOT_SUBSCRIBED' ? 'NOT_SUBSCRIBED' : 'PROTOCOL_ERROR', `presence of ${topic}: ${error}`));
      return;
    }
    for (const member of members) reply.members.push({ alias: member.alias, ...identityOf(member), serverAlias: member.serverAlias });
    if (!more) this.#requests.resolve(requestId, Object.assign(reply.members, { truncated }));
  }

  /** Member changes of watched topics: leaves before joins, as the server coalesced them. */
  members({ topics }: MembersMessage): void {
    for (const { topic, joined, left } of topics) {
      for (const member of left) {
        if (this.#isSelf(member)) continue;
        this.#options.leave({ topic, alias: member.alias, ...identityOf(member), reason: REASONS[member.reason] ?? 'disconnected' });
      }
      for (const member of joined) {
        if (!this.#isSelf(member)) this.#options.join({ topic, alias: member.alias, ...identityOf(member) });
      }
    }
  }

  /** The session ended: waiting requests fail with its error. */
  fail(error: Error): void {
    this.#requests.failAll(error);
  }

  #isSelf(member: MemberMessage): boolean {
    const own = this.#options.clientId;
    return member.clientId.length === own.length && member.clientId.every((byte, i) => byte === own[i]);
  }
}

function identityOf(member: MemberMessage): { identity?: string } {
  return member.identity.length > 0 ? { identity: utf8.decode(member.identity) } : {};
}
