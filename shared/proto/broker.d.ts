import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace protocol {

    enum MessageType {
        UNKNOWN_MESSAGE_TYPE = 0,
        WELCOME = 1,
        CONNECT = 2,
        WEBRTC_OFFER = 3,
        WEBRTC_ANSWER = 4,
        WEBRTC_ICE_CANDIDATE = 5,
        PING = 6,
        SUBSCRIPTION = 7,
        AUTH = 8,
        TOPIC = 9,
        TOPIC_FW = 10,
        TOPIC_IDENTITY = 11,
        TOPIC_IDENTITY_FW = 12,
        CONNECTION_REFUSED = 13,
        ERROR = 14,
        BATCH = 15,
        DRAIN = 16,
        ACK = 17,
        GOODBYE = 18,
        RECOVER = 19,
        RECOVERED = 20,
        HISTORY = 21,
        PRESENCE = 22,
        MEMBERS = 23,
        MEMBER_DELTA = 24,
        DIRECT = 25,
        DIRECT_RESULT = 26,
        DIRECTORY = 27,
        KICK = 28,
        KICKED = 29
    }

    enum Role {
        UNKNOWN_ROLE = 0,
        CLIENT = 1,
        COMMUNICATION_SERVER = 2,
        COMMUNICATION_SERVER_HUB = 3
    }

    enum Format {
        UNKNOWN_FORMAT = 0,
        PLAIN = 1,
        GZIP = 2
    }

    enum ConnectionRefusedReason {
        UNKNOWN_REASON = 0,
        SERVER_FULL = 1,
        AUTH_FAILED = 2,
        BANNED = 3
    }

    interface ICoordinatorMessage extends protocol.CoordinatorMessage.$Properties {
    }

    class CoordinatorMessage {
        constructor(p?: protocol.CoordinatorMessage.$Properties);
        $unknowns?: Uint8Array[];
        type: protocol.MessageType;
        static create(properties: protocol.CoordinatorMessage.$Shape): protocol.CoordinatorMessage & protocol.CoordinatorMessage.$Shape;
        static create(properties?: protocol.CoordinatorMessage.$Properties): protocol.CoordinatorMessage;
        static encode(m: protocol.CoordinatorMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.CoordinatorMessage & protocol.CoordinatorMessage.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace CoordinatorMessage {
        interface $Properties {
            type?: (protocol.MessageType|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.CoordinatorMessage.$Properties;
    }

    interface IMessageHeader extends protocol.MessageHeader.$Properties {
    }

    class MessageHeader {
        constructor(p?: protocol.MessageHeader.$Properties);
        $unknowns?: Uint8Array[];
        type: protocol.MessageType;
        static create(properties: protocol.MessageHeader.$Shape): protocol.MessageHeader & protocol.MessageHeader.$Shape;
        static create(properties?: protocol.MessageHeader.$Properties): protocol.MessageHeader;
        static encode(m: protocol.MessageHeader.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.MessageHeader & protocol.MessageHeader.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace MessageHeader {
        interface $Properties {
            type?: (protocol.MessageType|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.MessageHeader.$Properties;
    }

    interface IWelcomeMessage extends protocol.WelcomeMessage.$Properties {
    }

    class WelcomeMessage {
        constructor(p?: protocol.WelcomeMessage.$Properties);
        $unknowns?: Uint8Array[];
        type: protocol.MessageType;
        alias: (number|Long);
        availableServers: (number|Long)[];
        serverIds: string[];
        token: Uint8Array;
        serverUrls: string[];
        static create(properties: protocol.WelcomeMessage.$Shape): protocol.WelcomeMessage & protocol.WelcomeMessage.$Shape;
        static create(properties?: protocol.WelcomeMessage.$Properties): protocol.WelcomeMessage;
        static encode(m: protocol.WelcomeMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.WelcomeMessage & protocol.WelcomeMessage.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace WelcomeMessage {
        interface $Properties {
            type?: (protocol.MessageType|null);
            alias?: (number|Long|null);
            availableServers?: ((number|Long)[]|null);
            serverIds?: (string[]|null);
            token?: (Uint8Array|null);
            serverUrls?: (string[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.WelcomeMessage.$Properties;
    }

    interface IConnectMessage extends protocol.ConnectMessage.$Properties {
    }

    class ConnectMessage {
        constructor(p?: protocol.ConnectMessage.$Properties);
        $unknowns?: Uint8Array[];
        type: protocol.MessageType;
        fromAlias: (number|Long);
        toAlias: (number|Long);
        fromRole: protocol.Role;
        static create(properties: protocol.ConnectMessage.$Shape): protocol.ConnectMessage & protocol.ConnectMessage.$Shape;
        static create(properties?: protocol.ConnectMessage.$Properties): protocol.ConnectMessage;
        static encode(m: protocol.ConnectMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.ConnectMessage & protocol.ConnectMessage.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace ConnectMessage {
        interface $Properties {
            type?: (protocol.MessageType|null);
            fromAlias?: (number|Long|null);
            toAlias?: (number|Long|null);
            fromRole?: (protocol.Role|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.ConnectMessage.$Properties;
    }

    interface IWebRtcMessage extends protocol.WebRtcMessage.$Properties {
    }

    class WebRtcMessage {
        constructor(p?: protocol.WebRtcMessage.$Properties);
        $unknowns?: Uint8Array[];
        type: protocol.MessageType;
        fromAlias: (number|Long);
        toAlias: (number|Long);
        data: Uint8Array;
        static create(properties: protocol.WebRtcMessage.$Shape): protocol.WebRtcMessage & protocol.WebRtcMessage.$Shape;
        static create(properties?: protocol.WebRtcMessage.$Properties): protocol.WebRtcMessage;
        static encode(m: protocol.WebRtcMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.WebRtcMessage & protocol.WebRtcMessage.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace WebRtcMessage {
        interface $Properties {
            type?: (protocol.MessageType|null);
            fromAlias?: (number|Long|null);
            toAlias?: (number|Long|null);
            data?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.WebRtcMessage.$Properties;
    }

    interface IConnectionRefusedMessage extends protocol.ConnectionRefusedMessage.$Properties {
    }

    class ConnectionRefusedMessage {
        constructor(p?: protocol.ConnectionRefusedMessage.$Properties);
        $unknowns?: Uint8Array[];
        type: protocol.MessageType;
        fromAlias: (number|Long);
        toAlias: (number|Long);
        reason: protocol.ConnectionRefusedReason;
        data: Uint8Array;
        static create(properties: protocol.ConnectionRefusedMessage.$Shape): protocol.ConnectionRefusedMessage & protocol.ConnectionRefusedMessage.$Shape;
        static create(properties?: protocol.ConnectionRefusedMessage.$Properties): protocol.ConnectionRefusedMessage;
        static encode(m: protocol.ConnectionRefusedMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.ConnectionRefusedMessage & protocol.ConnectionRefusedMessage.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace ConnectionRefusedMessage {
        interface $Properties {
            type?: (protocol.MessageType|null);
            fromAlias?: (number|Long|null);
            toAlias?: (number|Long|null);
            reason?: (protocol.ConnectionRefusedReason|null);
            data?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.ConnectionRefusedMessage.$Properties;
    }

    interface IPingMessage extends protocol.PingMessage.$Properties {
    }

    class PingMessage {
        constructor(p?: protocol.PingMessage.$Properties);
        $unknowns?: Uint8Array[];
        type: protocol.MessageType;
        time: number;
        static create(properties: protocol.PingMessage.$Shape): protocol.PingMessage & protocol.PingMessage.$Shape;
        static create(properties?: protocol.PingMessage.$Properties): protocol.PingMessage;
        static encode(m: protocol.PingMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.PingMessage & protocol.PingMessage.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace PingMessage {
        interface $Properties {
            type?: (protocol.MessageType|null);
            time?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.PingMessage.$Properties;
    }

    interface ISubscriptionMessage extends protocol.SubscriptionMessage.$Properties {
    }

    class SubscriptionMessage {
        constructor(p?: protocol.SubscriptionMessage.$Properties);
        $unknowns?: Uint8Array[];
        type: protocol.MessageType;
        format: protocol.Format;
        topics: Uint8Array;
        presenceTopics: string[];
        static create(properties: protocol.SubscriptionMessage.$Shape): protocol.SubscriptionMessage & protocol.SubscriptionMessage.$Shape;
        static create(properties?: protocol.SubscriptionMessage.$Properties): protocol.SubscriptionMessage;
        static encode(m: protocol.SubscriptionMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.SubscriptionMessage & protocol.SubscriptionMessage.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace SubscriptionMessage {
        interface $Properties {
            type?: (protocol.MessageType|null);
            format?: (protocol.Format|null);
            topics?: (Uint8Array|null);
            presenceTopics?: (string[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.SubscriptionMessage.$Properties;
    }

    interface IAuthMessage extends protocol.AuthMessage.$Properties {
    }

    class AuthMessage {
        constructor(p?: protocol.AuthMessage.$Properties);
        $unknowns?: Uint8Array[];
        type: protocol.MessageType;
        role: protocol.Role;
        body: Uint8Array;
        serverId: string;
        extensions: string[];
        maxMessagesPerSecond: number;
        messageBurst: number;
        clientId: Uint8Array;
        static create(properties: protocol.AuthMessage.$Shape): protocol.AuthMessage & protocol.AuthMessage.$Shape;
        static create(properties?: protocol.AuthMessage.$Properties): protocol.AuthMessage;
        static encode(m: protocol.AuthMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.AuthMessage & protocol.AuthMessage.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthMessage {
        interface $Properties {
            type?: (protocol.MessageType|null);
            role?: (protocol.Role|null);
            body?: (Uint8Array|null);
            serverId?: (string|null);
            extensions?: (string[]|null);
            maxMessagesPerSecond?: (number|null);
            messageBurst?: (number|null);
            clientId?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.AuthMessage.$Properties;
    }

    interface ITopicMessage extends protocol.TopicMessage.$Properties {
    }

    class TopicMessage {
        constructor(p?: protocol.TopicMessage.$Properties);
        $unknowns?: Uint8Array[];
        type: protocol.MessageType;
        fromAlias: (number|Long);
        topic: string;
        body: Uint8Array;
        publisher: Uint8Array;
        seq: (number|Long);
        topicSeq: (number|Long);
        static create(properties: protocol.TopicMessage.$Shape): protocol.TopicMessage & protocol.TopicMessage.$Shape;
        static create(properties?: protocol.TopicMessage.$Properties): protocol.TopicMessage;
        static encode(m: protocol.TopicMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.TopicMessage & protocol.TopicMessage.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace TopicMessage {
        interface $Properties {
            type?: (protocol.MessageType|null);
            fromAlias?: (number|Long|null);
            topic?: (string|null);
            body?: (Uint8Array|null);
            publisher?: (Uint8Array|null);
            seq?: (number|Long|null);
            topicSeq?: (number|Long|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.TopicMessage.$Properties;
    }

    interface ITopicFWMessage extends protocol.TopicFWMessage.$Properties {
    }

    class TopicFWMessage {
        constructor(p?: protocol.TopicFWMessage.$Properties);
        $unknowns?: Uint8Array[];
        type: protocol.MessageType;
        fromAlias: (number|Long);
        body: Uint8Array;
        topic: string;
        publisher: Uint8Array;
        topicSeq: (number|Long);
        static create(properties: protocol.TopicFWMessage.$Shape): protocol.TopicFWMessage & protocol.TopicFWMessage.$Shape;
        static create(properties?: protocol.TopicFWMessage.$Properties): protocol.TopicFWMessage;
        static encode(m: protocol.TopicFWMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.TopicFWMessage & protocol.TopicFWMessage.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace TopicFWMessage {
        interface $Properties {
            type?: (protocol.MessageType|null);
            fromAlias?: (number|Long|null);
            body?: (Uint8Array|null);
            topic?: (string|null);
            publisher?: (Uint8Array|null);
            topicSeq?: (number|Long|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.TopicFWMessage.$Properties;
    }

    interface ITopicIdentityMessage extends protocol.TopicIdentityMessage.$Properties {
    }

    class TopicIdentityMessage {
        constructor(p?: protocol.TopicIdentityMessage.$Properties);
        $unknowns?: Uint8Array[];
        type: protocol.MessageType;
        fromAlias: (number|Long);
        topic: string;
        identity: Uint8Array;
        role: protocol.Role;
        body: Uint8Array;
        publisher: Uint8Array;
        seq: (number|Long);
        topicSeq: (number|Long);
        static create(properties: protocol.TopicIdentityMessage.$Shape): protocol.TopicIdentityMessage & protocol.TopicIdentityMessage.$Shape;
        static create(properties?: protocol.TopicIdentityMessage.$Properties): protocol.TopicIdentityMessage;
        static encode(m: protocol.TopicIdentityMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.TopicIdentityMessage & protocol.TopicIdentityMessage.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace TopicIdentityMessage {
        interface $Properties {
            type?: (protocol.MessageType|null);
            fromAlias?: (number|Long|null);
            topic?: (string|null);
            identity?: (Uint8Array|null);
            role?: (protocol.Role|null);
            body?: (Uint8Array|null);
            publisher?: (Uint8Array|null);
            seq?: (number|Long|null);
            topicSeq?: (number|Long|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.TopicIdentityMessage.$Properties;
    }

    interface ITopicIdentityFWMessage extends protocol.TopicIdentityFWMessage.$Properties {
    }

    class TopicIdentityFWMessage {
        constructor(p?: protocol.TopicIdentityFWMessage.$Properties);
        $unknowns?: Uint8Array[];
        type: protocol.MessageType;
        fromAlias: (number|Long);
        identity: Uint8Array;
        role: protocol.Role;
        body: Uint8Array;
        topic: string;
        publisher: Uint8Array;
        topicSeq: (number|Long);
        static create(properties: protocol.TopicIdentityFWMessage.$Shape): protocol.TopicIdentityFWMessage & protocol.TopicIdentityFWMessage.$Shape;
        static create(properties?: protocol.TopicIdentityFWMessage.$Properties): protocol.TopicIdentityFWMessage;
        static encode(m: protocol.TopicIdentityFWMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.TopicIdentityFWMessage & protocol.TopicIdentityFWMessage.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace TopicIdentityFWMessage {
        interface $Properties {
            type?: (protocol.MessageType|null);
            fromAlias?: (number|Long|null);
            identity?: (Uint8Array|null);
            role?: (protocol.Role|null);
            body?: (Uint8Array|null);
            topic?: (string|null);
            publisher?: (Uint8Array|null);
            topicSeq?: (number|Long|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.TopicIdentityFWMessage.$Properties;
    }

    interface IBatchMessage extends protocol.BatchMessage.$Properties {
    }

    class BatchMessage {
        constructor(p?: protocol.BatchMessage.$Properties);
        $unknowns?: Uint8Array[];
        type: protocol.MessageType;
        frames: Uint8Array[];
        static create(properties: protocol.BatchMessage.$Shape): protocol.BatchMessage & protocol.BatchMessage.$Shape;
        static create(properties?: protocol.BatchMessage.$Properties): protocol.BatchMessage;
        static encode(m: protocol.BatchMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.BatchMessage & protocol.BatchMessage.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace BatchMessage {
        interface $Properties {
            type?: (protocol.MessageType|null);
            frames?: (Uint8Array[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.BatchMessage.$Properties;
    }

    interface IAckMessage extends protocol.AckMessage.$Properties {
    }

    class AckMessage {
        constructor(p?: protocol.AckMessage.$Properties);
        $unknowns?: Uint8Array[];
        type: protocol.MessageType;
        seq: (number|Long);
        static create(properties: protocol.AckMessage.$Shape): protocol.AckMessage & protocol.AckMessage.$Shape;
        static create(properties?: protocol.AckMessage.$Properties): protocol.AckMessage;
        static encode(m: protocol.AckMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.AckMessage & protocol.AckMessage.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace AckMessage {
        interface $Properties {
            type?: (protocol.MessageType|null);
            seq?: (number|Long|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.AckMessage.$Properties;
    }

    interface IGoodbyeMessage extends protocol.GoodbyeMessage.$Properties {
    }

    class GoodbyeMessage {
        constructor(p?: protocol.GoodbyeMessage.$Properties);
        $unknowns?: Uint8Array[];
        type: protocol.MessageType;
        code: string;
        detail: string;
        static create(properties: protocol.GoodbyeMessage.$Shape): protocol.GoodbyeMessage & protocol.GoodbyeMessage.$Shape;
        static create(properties?: protocol.GoodbyeMessage.$Properties): protocol.GoodbyeMessage;
        static encode(m: protocol.GoodbyeMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.GoodbyeMessage & protocol.GoodbyeMessage.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace GoodbyeMessage {
        interface $Properties {
            type?: (protocol.MessageType|null);
            code?: (string|null);
            detail?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.GoodbyeMessage.$Properties;
    }

    interface IRecoverPosition extends protocol.RecoverPosition.$Properties {
    }

    class RecoverPosition {
        constructor(p?: protocol.RecoverPosition.$Properties);
        $unknowns?: Uint8Array[];
        publisher: Uint8Array;
        topicSeq: (number|Long);
        static create(properties: protocol.RecoverPosition.$Shape): protocol.RecoverPosition & protocol.RecoverPosition.$Shape;
        static create(properties?: protocol.RecoverPosition.$Properties): protocol.RecoverPosition;
        static encode(m: protocol.RecoverPosition.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.RecoverPosition & protocol.RecoverPosition.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace RecoverPosition {
        interface $Properties {
            publisher?: (Uint8Array|null);
            topicSeq?: (number|Long|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.RecoverPosition.$Properties;
    }

    interface IRecoverMessage extends protocol.RecoverMessage.$Properties {
    }

    class RecoverMessage {
        constructor(p?: protocol.RecoverMessage.$Properties);
        $unknowns?: Uint8Array[];
        type: protocol.MessageType;
        topic: string;
        positions: protocol.RecoverPosition.$Properties[];
        sinceMs: (number|Long);
        static create(properties: protocol.RecoverMessage.$Shape): protocol.RecoverMessage & protocol.RecoverMessage.$Shape;
        static create(properties?: protocol.RecoverMessage.$Properties): protocol.RecoverMessage;
        static encode(m: protocol.RecoverMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.RecoverMessage & protocol.RecoverMessage.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace RecoverMessage {
        interface $Properties {
            type?: (protocol.MessageType|null);
            topic?: (string|null);
            positions?: (protocol.RecoverPosition.$Properties[]|null);
            sinceMs?: (number|Long|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.RecoverMessage.$Properties;
    }

    interface IRecoveredMessage extends protocol.RecoveredMessage.$Properties {
    }

    class RecoveredMessage {
        constructor(p?: protocol.RecoveredMessage.$Properties);
        $unknowns?: Uint8Array[];
        type: protocol.MessageType;
        topic: string;
        frames: Uint8Array[];
        highest: protocol.RecoverPosition.$Properties[];
        last: boolean;
        static create(properties: protocol.RecoveredMessage.$Shape): protocol.RecoveredMessage & protocol.RecoveredMessage.$Shape;
        static create(properties?: protocol.RecoveredMessage.$Properties): protocol.RecoveredMessage;
        static encode(m: protocol.RecoveredMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.RecoveredMessage & protocol.RecoveredMessage.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace RecoveredMessage {
        interface $Properties {
            type?: (protocol.MessageType|null);
            topic?: (string|null);
            frames?: (Uint8Array[]|null);
            highest?: (protocol.RecoverPosition.$Properties[]|null);
            last?: (boolean|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.RecoveredMessage.$Properties;
    }

    interface IHistoryMessage extends protocol.HistoryMessage.$Properties {
    }

    class HistoryMessage {
        constructor(p?: protocol.HistoryMessage.$Properties);
        $unknowns?: Uint8Array[];
        type: protocol.MessageType;
        requestId: (number|Long);
        topic: string;
        reply: boolean;
        positions: protocol.RecoverPosition.$Properties[];
        sinceMs: (number|Long);
        frames: Uint8Array[];
        evicted: protocol.RecoverPosition.$Properties[];
        last: boolean;
        static create(properties: protocol.HistoryMessage.$Shape): protocol.HistoryMessage & protocol.HistoryMessage.$Shape;
        static create(properties?: protocol.HistoryMessage.$Properties): protocol.HistoryMessage;
        static encode(m: protocol.HistoryMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.HistoryMessage & protocol.HistoryMessage.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace HistoryMessage {
        interface $Properties {
            type?: (protocol.MessageType|null);
            requestId?: (number|Long|null);
            topic?: (string|null);
            reply?: (boolean|null);
            positions?: (protocol.RecoverPosition.$Properties[]|null);
            sinceMs?: (number|Long|null);
            frames?: (Uint8Array[]|null);
            evicted?: (protocol.RecoverPosition.$Properties[]|null);
            last?: (boolean|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.HistoryMessage.$Properties;
    }

    enum LeaveReason {
        UNKNOWN_LEAVE_REASON = 0,
        UNSUBSCRIBED = 1,
        DISCONNECTED = 2,
        KICKED = 3
    }

    interface IMember extends protocol.Member.$Properties {
    }

    class Member {
        constructor(p?: protocol.Member.$Properties);
        $unknowns?: Uint8Array[];
        alias: (number|Long);
        identity: Uint8Array;
        serverAlias: (number|Long);
        clientId: Uint8Array;
        reason: protocol.LeaveReason;
        static create(properties: protocol.Member.$Shape): protocol.Member & protocol.Member.$Shape;
        static create(properties?: protocol.Member.$Properties): protocol.Member;
        static encode(m: protocol.Member.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.Member & protocol.Member.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace Member {
        interface $Properties {
            alias?: (number|Long|null);
            identity?: (Uint8Array|null);
            serverAlias?: (number|Long|null);
            clientId?: (Uint8Array|null);
            reason?: (protocol.LeaveReason|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.Member.$Properties;
    }

    interface ITopicMembers extends protocol.TopicMembers.$Properties {
    }

    class TopicMembers {
        constructor(p?: protocol.TopicMembers.$Properties);
        $unknowns?: Uint8Array[];
        topic: string;
        joined: protocol.Member.$Properties[];
        left: protocol.Member.$Properties[];
        static create(properties: protocol.TopicMembers.$Shape): protocol.TopicMembers & protocol.TopicMembers.$Shape;
        static create(properties?: protocol.TopicMembers.$Properties): protocol.TopicMembers;
        static encode(m: protocol.TopicMembers.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.TopicMembers & protocol.TopicMembers.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace TopicMembers {
        interface $Properties {
            topic?: (string|null);
            joined?: (protocol.Member.$Properties[]|null);
            left?: (protocol.Member.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.TopicMembers.$Properties;
    }

    interface IPresenceMessage extends protocol.PresenceMessage.$Properties {
    }

    class PresenceMessage {
        constructor(p?: protocol.PresenceMessage.$Properties);
        $unknowns?: Uint8Array[];
        type: protocol.MessageType;
        requestId: (number|Long);
        topic: string;
        members: protocol.Member.$Properties[];
        truncated: boolean;
        error: string;
        more: boolean;
        static create(properties: protocol.PresenceMessage.$Shape): protocol.PresenceMessage & protocol.PresenceMessage.$Shape;
        static create(properties?: protocol.PresenceMessage.$Properties): protocol.PresenceMessage;
        static encode(m: protocol.PresenceMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.PresenceMessage & protocol.PresenceMessage.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace PresenceMessage {
        interface $Properties {
            type?: (protocol.MessageType|null);
            requestId?: (number|Long|null);
            topic?: (string|null);
            members?: (protocol.Member.$Properties[]|null);
            truncated?: (boolean|null);
            error?: (string|null);
            more?: (boolean|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.PresenceMessage.$Properties;
    }

    interface IMembersMessage extends protocol.MembersMessage.$Properties {
    }

    class MembersMessage {
        constructor(p?: protocol.MembersMessage.$Properties);
        $unknowns?: Uint8Array[];
        type: protocol.MessageType;
        topics: protocol.TopicMembers.$Properties[];
        static create(properties: protocol.MembersMessage.$Shape): protocol.MembersMessage & protocol.MembersMessage.$Shape;
        static create(properties?: protocol.MembersMessage.$Properties): protocol.MembersMessage;
        static encode(m: protocol.MembersMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.MembersMessage & protocol.MembersMessage.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace MembersMessage {
        interface $Properties {
            type?: (protocol.MessageType|null);
            topics?: (protocol.TopicMembers.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.MembersMessage.$Properties;
    }

    interface IMemberDeltaMessage extends protocol.MemberDeltaMessage.$Properties {
    }

    class MemberDeltaMessage {
        constructor(p?: protocol.MemberDeltaMessage.$Properties);
        $unknowns?: Uint8Array[];
        type: protocol.MessageType;
        full: boolean;
        topics: protocol.TopicMembers.$Properties[];
        more: boolean;
        static create(properties: protocol.MemberDeltaMessage.$Shape): protocol.MemberDeltaMessage & protocol.MemberDeltaMessage.$Shape;
        static create(properties?: protocol.MemberDeltaMessage.$Properties): protocol.MemberDeltaMessage;
        static encode(m: protocol.MemberDeltaMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.MemberDeltaMessage & protocol.MemberDeltaMessage.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace MemberDeltaMessage {
        interface $Properties {
            type?: (protocol.MessageType|null);
            full?: (boolean|null);
            topics?: (protocol.TopicMembers.$Properties[]|null);
            more?: (boolean|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.MemberDeltaMessage.$Properties;
    }

    interface IDirectMessage extends protocol.DirectMessage.$Properties {
    }

    class DirectMessage {
        constructor(p?: protocol.DirectMessage.$Properties);
        $unknowns?: Uint8Array[];
        type: protocol.MessageType;
        requestId: (number|Long);
        toAlias: (number|Long);
        toIdentity: Uint8Array;
        body: Uint8Array;
        fromAlias: (number|Long);
        fromIdentity: Uint8Array;
        static create(properties: protocol.DirectMessage.$Shape): protocol.DirectMessage & protocol.DirectMessage.$Shape;
        static create(properties?: protocol.DirectMessage.$Properties): protocol.DirectMessage;
        static encode(m: protocol.DirectMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.DirectMessage & protocol.DirectMessage.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace DirectMessage {
        interface $Properties {
            type?: (protocol.MessageType|null);
            requestId?: (number|Long|null);
            toAlias?: (number|Long|null);
            toIdentity?: (Uint8Array|null);
            body?: (Uint8Array|null);
            fromAlias?: (number|Long|null);
            fromIdentity?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.DirectMessage.$Properties;
    }

    interface IDirectResultMessage extends protocol.DirectResultMessage.$Properties {
    }

    class DirectResultMessage {
        constructor(p?: protocol.DirectResultMessage.$Properties);
        $unknowns?: Uint8Array[];
        type: protocol.MessageType;
        requestId: (number|Long);
        error: string;
        static create(properties: protocol.DirectResultMessage.$Shape): protocol.DirectResultMessage & protocol.DirectResultMessage.$Shape;
        static create(properties?: protocol.DirectResultMessage.$Properties): protocol.DirectResultMessage;
        static encode(m: protocol.DirectResultMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.DirectResultMessage & protocol.DirectResultMessage.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace DirectResultMessage {
        interface $Properties {
            type?: (protocol.MessageType|null);
            requestId?: (number|Long|null);
            error?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.DirectResultMessage.$Properties;
    }

    interface IDirectoryEntry extends protocol.DirectoryEntry.$Properties {
    }

    class DirectoryEntry {
        constructor(p?: protocol.DirectoryEntry.$Properties);
        $unknowns?: Uint8Array[];
        alias: (number|Long);
        identity: Uint8Array;
        static create(properties: protocol.DirectoryEntry.$Shape): protocol.DirectoryEntry & protocol.DirectoryEntry.$Shape;
        static create(properties?: protocol.DirectoryEntry.$Properties): protocol.DirectoryEntry;
        static encode(m: protocol.DirectoryEntry.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.DirectoryEntry & protocol.DirectoryEntry.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace DirectoryEntry {
        interface $Properties {
            alias?: (number|Long|null);
            identity?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.DirectoryEntry.$Properties;
    }

    interface IDirectoryMessage extends protocol.DirectoryMessage.$Properties {
    }

    class DirectoryMessage {
        constructor(p?: protocol.DirectoryMessage.$Properties);
        $unknowns?: Uint8Array[];
        type: protocol.MessageType;
        full: boolean;
        added: protocol.DirectoryEntry.$Properties[];
        removed: (number|Long)[];
        more: boolean;
        static create(properties: protocol.DirectoryMessage.$Shape): protocol.DirectoryMessage & protocol.DirectoryMessage.$Shape;
        static create(properties?: protocol.DirectoryMessage.$Properties): protocol.DirectoryMessage;
        static encode(m: protocol.DirectoryMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.DirectoryMessage & protocol.DirectoryMessage.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace DirectoryMessage {
        interface $Properties {
            type?: (protocol.MessageType|null);
            full?: (boolean|null);
            added?: (protocol.DirectoryEntry.$Properties[]|null);
            removed?: ((number|Long)[]|null);
            more?: (boolean|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.DirectoryMessage.$Properties;
    }

    interface IKickMessage extends protocol.KickMessage.$Properties {
    }

    class KickMessage {
        constructor(p?: protocol.KickMessage.$Properties);
        $unknowns?: Uint8Array[];
        type: protocol.MessageType;
        requestId: (number|Long);
        alias: (number|Long);
        identity: Uint8Array;
        banMs: (number|Long);
        static create(properties: protocol.KickMessage.$Shape): protocol.KickMessage & protocol.KickMessage.$Shape;
        static create(properties?: protocol.KickMessage.$Properties): protocol.KickMessage;
        static encode(m: protocol.KickMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.KickMessage & protocol.KickMessage.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace KickMessage {
        interface $Properties {
            type?: (protocol.MessageType|null);
            requestId?: (number|Long|null);
            alias?: (number|Long|null);
            identity?: (Uint8Array|null);
            banMs?: (number|Long|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.KickMessage.$Properties;
    }

    interface IKickedMessage extends protocol.KickedMessage.$Properties {
    }

    class KickedMessage {
        constructor(p?: protocol.KickedMessage.$Properties);
        $unknowns?: Uint8Array[];
        type: protocol.MessageType;
        requestId: (number|Long);
        closed: number;
        identity: Uint8Array;
        static create(properties: protocol.KickedMessage.$Shape): protocol.KickedMessage & protocol.KickedMessage.$Shape;
        static create(properties?: protocol.KickedMessage.$Properties): protocol.KickedMessage;
        static encode(m: protocol.KickedMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.KickedMessage & protocol.KickedMessage.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace KickedMessage {
        interface $Properties {
            type?: (protocol.MessageType|null);
            requestId?: (number|Long|null);
            closed?: (number|null);
            identity?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.KickedMessage.$Properties;
    }

    interface IErrorMessage extends protocol.ErrorMessage.$Properties {
    }

    class ErrorMessage {
        constructor(p?: protocol.ErrorMessage.$Properties);
        $unknowns?: Uint8Array[];
        type: protocol.MessageType;
        code: string;
        topics: string[];
        detail: string;
        static create(properties: protocol.ErrorMessage.$Shape): protocol.ErrorMessage & protocol.ErrorMessage.$Shape;
        static create(properties?: protocol.ErrorMessage.$Properties): protocol.ErrorMessage;
        static encode(m: protocol.ErrorMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): protocol.ErrorMessage & protocol.ErrorMessage.$Shape;
        static getTypeUrl(prefix?: string): string;
    }

    namespace ErrorMessage {
        interface $Properties {
            type?: (protocol.MessageType|null);
            code?: (string|null);
            topics?: (string[]|null);
            detail?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = protocol.ErrorMessage.$Properties;
    }
}
