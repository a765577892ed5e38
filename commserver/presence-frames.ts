// The frames of presence (docs/PROTOCOL.md, "Presence"), cut into parts that
// stay well inside a data channel message however many members they carry:
// MEMBERS to watching clients, MEMBER_DELTA to linked servers, the parts of
// a PRESENCE reply.
import {
  LeaveReason, MemberDelta, Members, MessageType, Presence, type MemberMessage, type TopicMembersMessage,
} from '../shared/codec.js';
import type { MemberInfo, TopicChanges } from './presence-members.js';

/** Bytes of members per message, about (as recovery's parts). */
const PART_BYTES = 16 * 1024;

/** An upper bound of a Member's encoded size: varints of at most 10 bytes, tags and lengths. */
function memberBytes(member: MemberInfo): number {
  return 48 + member.identity.length;
}

function memberMessage(member: MemberInfo, reason = LeaveReason.UNKNOWN_LEAVE_REASON): Partial<MemberMessage> {
  return { alias: member.alias, identity: member.identity, serverAlias: member.serverAlias, clientId: member.clientId, reason };
}

/** Changes as TopicMembers, in parts of about PART_BYTES (at least one part, maybe empty). */
function topicParts(changes: readonly TopicChanges[]): Array<Array<Partial<TopicMembersMessage>>> {
  const parts: Array<Array<Partial<TopicMembersMessage>>> = [[]];
  let bytes = 0;
  for (const { topic, joined, left } of changes) {
    const topicBytes = 8 + Buffer.byteLength(topic);
    let current: { topic: string; joined: Array<Partial<MemberMessage>>; left: Array<Partial<MemberMessage>> } | undefined;
    const room = (size: number) => {
      if (current !== undefined && bytes + size <= PART_BYTES) return;
      if (bytes > 0 && bytes + size + topicBytes > PART_BYTES) {
        parts.push([]);
        bytes = 0;
      }
      current = { topic, joined: [], left: [] };
      parts[parts.length - 1].push(current as Partial<TopicMembersMessage>);
      bytes += topicBytes;
    };
    room(0);
    for (const { member, reason } of left) {
      room(memberBytes(member));
      current!.left.push(memberMessage(member, reason));
      bytes += memberBytes(member);
    }
    for (const member of joined) {
      room(memberBytes(member));
      current!.joined.push(memberMessage(member));
      bytes += memberBytes(member);
    }
  }
  return parts;
}

/** MEMBERS frames for watching clients. */
export function membersFrames(changes: readonly TopicChanges[]): Uint8Array[] {
  return topicParts(changes).map((topics) => Members.encode({ type: MessageType.MEMBERS, topics: topics as TopicMembersMessage[] }));
}

/** MEMBER_DELTA frames for linked servers; `full`: the sender's whole state, all parts but the last with `more`. */
export function deltaFrames(changes: readonly TopicChanges[], full: boolean): Uint8Array[] {
  const parts = topicParts(changes);
  return parts.map((topics, i) => MemberDelta.encode({
    type: MessageType.MEMBER_DELTA, full, topics: topics as TopicMembersMessage[], more: i < parts.length - 1,
  }));
}

/** The parts of a PRESENCE reply (all but the last with `more`). */
export function presenceReplyFrames(requestId: number, topic: string, members: readonly MemberInfo[], truncated: boolean): Uint8Array[] {
  const parts: Array<Array<Partial<MemberMessage>>> = [[]];
  let bytes = 0;
  for (const member of members) {
    if (bytes > 0 && bytes + memberBytes(member) > PART_BYTES) {
      parts.push([]);
      bytes = 0;
    }
    parts[parts.length - 1].push(memberMessage(member));
    bytes += memberBytes(member);
  }
  return parts.map((part, i) => Presence.encode({
    type: MessageType.PRESENCE, requestId, topic, members: part as MemberMessage[], truncated, more: i < parts.length - 1,
  }));
}

/** A PRESENCE reply that lists nothing: `error` says why. */
export function presenceErrorFrame(requestId: number, topic: string, error: string): Uint8Array {
  return Presence.encode({ type: MessageType.PRESENCE, requestId, topic, error });
}
