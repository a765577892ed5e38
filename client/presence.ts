// The client's side of presence (docs/PROTOCOL.md, "Presence"): PRESENCE
// requests waiting for their reply (which may come in parts), and the member
// changes of watched topics (MEMBERS) turned into `join` and `leave` events,
// this client's own membership left out.
import { LeaveReason, type MemberMessage, type MembersMessage, type PresenceMessage } from '../shared/codec.js';
import { BrokerClientError } from './errors.js';

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

interface Pending {
  topic: string;
  members: PresenceMember[];
  resolve: (members: PresenceList) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

const REASONS: Partial<Record<LeaveReason, LeaveReasonName>> = {
  [LeaveReason.UNSUBSCRIBED]: 'unsubscribed',
  [LeaveReason.DISCONNECTED]: 'disconnected',
  [LeaveReason.KICKED]: 'kicked',
};

const utf8 = new TextDecoder();

export class PresenceRequests {
  readonly #options: PresenceRequestsOptions;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;

  constructor(options: PresenceRequestsOptions) {
    this.#options = options;
  }

  /** Sends a request (`send` gets its id) and resolves with the reply; rejects after the timeout or with `fail`. */
  request(topic: string, send: (requestId: number) => void): Promise<PresenceList> {
    const requestId = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(requestId);
        reject(new BrokerClientError('TIMEOUT', `no presence reply for ${topic} within ${this.#options.timeoutMs} ms`));
      }, this.#options.timeoutMs);
      this.#pending.set(requestId, { topic, members: [], resolve, reject, timer });
      try {
        send(requestId);
      } catch (error) {
        clearTimeout(timer);
        this.#pending.delete(requestId);
        reject(error as Error);
      }
    });
  }

  /** One part of a reply. */
  reply({ requestId, topic, members, truncated, error, more }: PresenceMessage): void {
    const pending = this.#pending.get(requestId);
    if (pending === undefined || pending.topic !== topic) return;
    if (error) {
      this.#settle(requestId, pending);
      pending.reject(new BrokerClientError(error === 'NOT_SUBSCRIBED' ? 'NOT_SUBSCRIBED' : 'PROTOCOL_ERROR', `presence of ${topic}: ${error}`));
      return;
    }
    for (const member of members) pending.members.push({ alias: member.alias, ...identityOf(member), serverAlias: member.serverAlias });
    if (more) return;
    this.#settle(requestId, pending);
    pending.resolve(Object.assign(pending.members, { truncated }));
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
    for (const [requestId, pending] of this.#pending) {
      this.#settle(requestId, pending);
      pending.reject(error);
    }
  }

  #settle(requestId: number, pending: Pending): void {
    clearTimeout(pending.timer);
    this.#pending.delete(requestId);
  }

  #isSelf(member: MemberMessage): boolean {
    const own = this.#options.clientId;
    return member.clientId.length === own.length && member.clientId.every((byte, i) => byte === own[i]);
  }
}

function identityOf(member: MemberMessage): { identity?: string } {
  return member.identity.length > 0 ? { identity: utf8.decode(member.identity) } : {};
}
