// The member state behind presence (docs/PROTOCOL.md, "Presence"): who is
// subscribed to each topic, as told by each source (this server's own
// clients, each linked server, members kept through their grace), and the
// changes waiting for the next interval. A member is known by its key: its
// client id when it sent one (so that a client that re-homed is the same
// member on its new server), else its server's alias and its own. Several
// sources may hold the same key (a re-homed client still graced on its old
// server); the member is visible while any does, as the last source that
// spoke of it says (a re-homed client's new alias and server at once).
import { LeaveReason } from '../shared/codec.js';

export interface MemberInfo {
  alias: number;
  identity: Uint8Array;
  serverAlias: number;
  clientId: Uint8Array;
}

/** The client ids our clients send; anything else is not taken as one. */
export const CLIENT_ID_BYTES = 16;

export function memberKey(member: MemberInfo): string {
  if (member.clientId.length === CLIENT_ID_BYTES) return Buffer.from(member.clientId).toString('hex');
  return `${member.serverAlias}/${member.alias}`;
}

export interface MemberTableOptions {
  /** A key became visible in a topic (`reason` undefined) or stopped being visible. */
  onChange: (topic: string, key: string, member: MemberInfo, reason: LeaveReason | undefined) => void;
}

export class MemberTable<S> {
  readonly #options: MemberTableOptions;
  /** topic -> key -> source -> member */
  readonly #topics = new Map<string, Map<string, Map<S, MemberInfo>>>();
  /** source -> topic -> keys: what a source holds, to count and drop it. */
  readonly #bySource = new Map<S, Map<string, Set<string>>>();
  readonly #counts = new Map<S, number>();

  constructor(options: MemberTableOptions) {
    this.#options = options;
  }

  /** Memberships `source` holds. */
  count(source: S): number {
    return this.#counts.get(source) ?? 0;
  }

  has(source: S, topic: string, key: string): boolean {
    return this.#topics.get(topic)?.get(key)?.has(source) ?? false;
  }

  /** Adds or replaces what `source` says of `key` in `topic`. */
  set(source: S, topic: string, key: string, member: MemberInfo): void {
    let keys = this.#topics.get(topic);
    if (keys === undefined) this.#topics.set(topic, (keys = new Map()));
    let holders = keys.get(key);
    if (holders === undefined) keys.set(key, (holders = new Map()));
    const visible = holders.size > 0;
    if (!holders.has(source)) {
      let own = this.#bySource.get(source);
      if (own === undefined) this.#bySource.set(source, (own = new Map()));
      let ownKeys = own.get(topic);
      if (ownKeys === undefined) own.set(topic, (ownKeys = new Set()));
      ownKeys.add(key);
      this.#counts.set(source, this.count(source) + 1);
    }
    // Re-inserted: the last source to speak of the key is the last in the map.
    holders.delete(source);
    holders.set(source, member);
    if (!visible) this.#options.onChange(topic, key, member, undefined);
  }

  /** `source` no longer holds `key` in `topic`; the member leaves for `reason` if no other source holds it. */
  delete(source: S, topic: string, key: string, reason: LeaveReason): void {
    const keys = this.#topics.get(topic);
    const holders = keys?.get(key);
    const member = holders?.get(source);
    if (keys === undefined || holders === undefined || member === undefined) return;
    holders.delete(source);
    const own = this.#bySource.get(source)!;
    const ownKeys = own.get(topic)!;
    ownKeys.delete(key);
    if (ownKeys.size === 0) own.delete(topic);
    if (own.size === 0) this.#bySource.delete(source);
    const left = this.count(source) - 1;
    if (left === 0) this.#counts.delete(source);
    else this.#counts.set(source, left);
    if (holders.size > 0) return;
    keys.delete(key);
    if (keys.size === 0) this.#topics.delete(topic);
    this.#options.onChange(topic, key, member, reason);
  }

  /** Every membership `source` holds. */
  entriesOf(source: S): Array<{ topic: string; key: string; member: MemberInfo }> {
    const entries: Array<{ topic: string; key: string; member: MemberInfo }> = [];
    for (const [topic, keys] of this.#bySource.get(source) ?? []) {
      for (const key of keys) entries.push({ topic, key, member: this.#topics.get(topic)!.get(key)!.get(source)! });
    }
    return entries;
  }

  /** The visible members of `topic`, at most `limit`. */
  members(topic: string, limit: number): { members: MemberInfo[]; truncated: boolean } {
    const keys = this.#topics.get(topic);
    const members: MemberInfo[] = [];
    if (keys === undefined) return { members, truncated: false };
    for (const holders of keys.values()) {
      if (members.length === limit) return { members, truncated: true };
      members.push(latest(holders));
    }
    return { members, truncated: false };
  }
}

function latest<S>(holders: Map<S, MemberInfo>): MemberInfo {
  let last: MemberInfo | undefined;
  for (const member of holders.values()) last = member;
  return last!;
}

export interface TopicChanges {
  topic: string;
  joined: MemberInfo[];
  left: Array<{ member: MemberInfo; reason: LeaveReason }>;
}

interface Pending {
  joined?: MemberInfo;
  left?: { member: MemberInfo; reason: LeaveReason };
}

/**
 * Changes coalesced over an interval, per topic and key. `events` (what
 * watching clients are told): a join then a leave within the interval
 * cancel out, a leave then a join are both told (leave first). `state` (what
 * linked servers are told, who apply a join as "set" and a leave as
 * "remove"): only the last word per key counts.
 */
export class PendingChanges {
  readonly #mode: 'events' | 'state';
  readonly #topics = new Map<string, Map<string, Pending>>();

  constructor(mode: 'events' | 'state') {
    this.#mode = mode;
  }

  get empty(): boolean {
    return this.#topics.size === 0;
  }

  joined(topic: string, key: string, member: MemberInfo): void {
    const keys = this.#keys(topic);
    const pending = keys.get(key);
    if (this.#mode === 'events' && pending?.left !== undefined) pending.joined = member;
    else keys.set(key, { joined: member });
  }

  left(topic: string, key: string, member: MemberInfo, reason: LeaveReason): void {
    const keys = this.#keys(topic);
    const pending = keys.get(key);
    if (this.#mode === 'events' && pending?.joined !== undefined) {
      if (pending.left === undefined) {
        keys.delete(key);
        if (keys.size === 0) this.#topics.delete(topic);
        return;
      }
      pending.joined = undefined;
      pending.left = { member, reason };
      return;
    }
    keys.set(key, { left: { member, reason } });
  }

  /** The changes so far, per topic; the pending set is empty afterwards. */
  take(): TopicChanges[] {
    const changes: TopicChanges[] = [];
    for (const [topic, keys] of this.#topics) {
      const change: TopicChanges = { topic, joined: [], left: [] };
      for (const { joined, left } of keys.values()) {
        if (joined !== undefined) change.joined.push(joined);
        if (left !== undefined) change.left.push(left);
      }
      changes.push(change);
    }
    this.#topics.clear();
    return changes;
  }

  #keys(topic: string): Map<string, Pending> {
    let keys = this.#topics.get(topic);
    if (keys === undefined) this.#topics.set(topic, (keys = new Map()));
    return keys;
  }
}
