// The AUTH frames of a comm server (docs/PROTOCOL.md), built and read here
// only: the AUTH it sends on a link it opened to another server, the
// announcement it answers a peer that listed extensions with (its own
// extensions and the limits it holds clients to), a peer's AUTH as the
// admission reads it, and another server's announcement on a link we opened.
import {
  ACK_EXTENSION, Auth, BATCH_EXTENSION, DIRECT_EXTENSION, MessageType, PRESENCE_EXTENSION, RECOVER_EXTENSION, Role, peekType, type AuthMessage,
} from '../shared/codec.js';

/** The extensions a comm server understands, announced in its AUTH. */
export const SERVER_EXTENSIONS: readonly string[] = [BATCH_EXTENSION, ACK_EXTENSION, RECOVER_EXTENSION, PRESENCE_EXTENSION, DIRECT_EXTENSION];

/** The AUTH this server sends on a link it opened: its role, identity, credential and extensions. */
export function ourAuth(hub: boolean, serverId: string, credential: Uint8Array): Uint8Array {
  return Auth.encode({
    type: MessageType.AUTH,
    role: hub ? Role.COMMUNICATION_SERVER_HUB : Role.COMMUNICATION_SERVER,
    body: credential,
    serverId,
    extensions: [...SERVER_EXTENSIONS],
  });
}

/** Whether a peer that announced `extensions` gets our announcement: one that knows what it says. */
export function wantsAnnouncement(extensions: ReadonlySet<string>): boolean {
  return extensions.has(BATCH_EXTENSION) || extensions.has(ACK_EXTENSION);
}

/**
 * The AUTH this server answers an admitted peer with (see wantsAnnouncement):
 * the extensions we understand (a server link may batch to us too) and the
 * client limits we hold it to.
 */
export function announcement(limits: { maxMessagesPerSecond: number; messageBurst: number }): Uint8Array {
  return Auth.encode({
    type: MessageType.AUTH, role: Role.COMMUNICATION_SERVER, extensions: [...SERVER_EXTENSIONS], ...limits,
  });
}

/** A peer's first frame on `reliable`, which must be its AUTH; throws otherwise. */
export function readAuth(frame: Uint8Array): AuthMessage {
  if (peekType(frame) !== MessageType.AUTH) throw new Error('first message is not AUTH on reliable');
  return Auth.decode(frame);
}

/** The extensions another server announced on a link we opened; throws on a frame that is no AUTH. */
export function readAnnouncement(frame: Uint8Array): ReadonlySet<string> {
  return new Set(readAuth(frame).extensions);
}
