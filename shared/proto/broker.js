/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const protocol = $root.protocol = (() => {

    /**
     * Namespace protocol.
     * @exports protocol
     * @namespace
     */
    const protocol = {};

    /**
     * MessageType enum.
     * @name protocol.MessageType
     * @enum {number}
     * @property {number} UNKNOWN_MESSAGE_TYPE=0 UNKNOWN_MESSAGE_TYPE value
     * @property {number} WELCOME=1 WELCOME value
     * @property {number} CONNECT=2 CONNECT value
     * @property {number} WEBRTC_OFFER=3 WEBRTC_OFFER value
     * @property {number} WEBRTC_ANSWER=4 WEBRTC_ANSWER value
     * @property {number} WEBRTC_ICE_CANDIDATE=5 WEBRTC_ICE_CANDIDATE value
     * @property {number} PING=6 PING value
     * @property {number} SUBSCRIPTION=7 SUBSCRIPTION value
     * @property {number} AUTH=8 AUTH value
     * @property {number} TOPIC=9 TOPIC value
     * @property {number} TOPIC_FW=10 TOPIC_FW value
     * @property {number} TOPIC_IDENTITY=11 TOPIC_IDENTITY value
     * @property {number} TOPIC_IDENTITY_FW=12 TOPIC_IDENTITY_FW value
     * @property {number} CONNECTION_REFUSED=13 CONNECTION_REFUSED value
     * @property {number} ERROR=14 ERROR value
     * @property {number} BATCH=15 BATCH value
     * @property {number} DRAIN=16 DRAIN value
     * @property {number} ACK=17 ACK value
     * @property {number} GOODBYE=18 GOODBYE value
     * @property {number} RECOVER=19 RECOVER value
     * @property {number} RECOVERED=20 RECOVERED value
     * @property {number} HISTORY=21 HISTORY value
     * @property {number} PRESENCE=22 PRESENCE value
     * @property {number} MEMBERS=23 MEMBERS value
     * @property {number} MEMBER_DELTA=24 MEMBER_DELTA value
     * @property {number} DIRECT=25 DIRECT value
     * @property {number} DIRECT_RESULT=26 DIRECT_RESULT value
     * @property {number} DIRECTORY=27 DIRECTORY value
     * @property {number} KICK=28 KICK value
     * @property {number} KICKED=29 KICKED value
     */
    protocol.MessageType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "UNKNOWN_MESSAGE_TYPE"] = 0;
        values[valuesById[1] = "WELCOME"] = 1;
        values[valuesById[2] = "CONNECT"] = 2;
        values[valuesById[3] = "WEBRTC_OFFER"] = 3;
        values[valuesById[4] = "WEBRTC_ANSWER"] = 4;
        values[valuesById[5] = "WEBRTC_ICE_CANDIDATE"] = 5;
        values[valuesById[6] = "PING"] = 6;
        values[valuesById[7] = "SUBSCRIPTION"] = 7;
        values[valuesById[8] = "AUTH"] = 8;
        values[valuesById[9] = "TOPIC"] = 9;
        values[valuesById[10] = "TOPIC_FW"] = 10;
        values[valuesById[11] = "TOPIC_IDENTITY"] = 11;
        values[valuesById[12] = "TOPIC_IDENTITY_FW"] = 12;
        values[valuesById[13] = "CONNECTION_REFUSED"] = 13;
        values[valuesById[14] = "ERROR"] = 14;
        values[valuesById[15] = "BATCH"] = 15;
        values[valuesById[16] = "DRAIN"] = 16;
        values[valuesById[17] = "ACK"] = 17;
        values[valuesById[18] = "GOODBYE"] = 18;
        values[valuesById[19] = "RECOVER"] = 19;
        values[valuesById[20] = "RECOVERED"] = 20;
        values[valuesById[21] = "HISTORY"] = 21;
        values[valuesById[22] = "PRESENCE"] = 22;
        values[valuesById[23] = "MEMBERS"] = 23;
        values[valuesById[24] = "MEMBER_DELTA"] = 24;
        values[valuesById[25] = "DIRECT"] = 25;
        values[valuesById[26] = "DIRECT_RESULT"] = 26;
        values[valuesById[27] = "DIRECTORY"] = 27;
        values[valuesById[28] = "KICK"] = 28;
        values[valuesById[29] = "KICKED"] = 29;
        return values;
    })();

    /**
     * Role enum.
     * @name protocol.Role
     * @enum {number}
     * @property {number} UNKNOWN_ROLE=0 UNKNOWN_ROLE value
     * @property {number} CLIENT=1 CLIENT value
     * @property {number} COMMUNICATION_SERVER=2 COMMUNICATION_SERVER value
     * @property {number} COMMUNICATION_SERVER_HUB=3 COMMUNICATION_SERVER_HUB value
     */
    protocol.Role = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "UNKNOWN_ROLE"] = 0;
        values[valuesById[1] = "CLIENT"] = 1;
        values[valuesById[2] = "COMMUNICATION_SERVER"] = 2;
        values[valuesById[3] = "COMMUNICATION_SERVER_HUB"] = 3;
        return values;
    })();

    /**
     * Format enum.
     * @name protocol.Format
     * @enum {number}
     * @property {number} UNKNOWN_FORMAT=0 UNKNOWN_FORMAT value
     * @property {number} PLAIN=1 PLAIN value
     * @property {number} GZIP=2 GZIP value
     */
    protocol.Format = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "UNKNOWN_FORMAT"] = 0;
        values[valuesById[1] = "PLAIN"] = 1;
        values[valuesById[2] = "GZIP"] = 2;
        return values;
    })();

    /**
     * ConnectionRefusedReason enum.
     * @name protocol.ConnectionRefusedReason
     * @enum {number}
     * @property {number} UNKNOWN_REASON=0 UNKNOWN_REASON value
     * @property {number} SERVER_FULL=1 SERVER_FULL value
     * @property {number} AUTH_FAILED=2 AUTH_FAILED value
     * @property {number} BANNED=3 BANNED value
     */
    protocol.ConnectionRefusedReason = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "UNKNOWN_REASON"] = 0;
        values[valuesById[1] = "SERVER_FULL"] = 1;
        values[valuesById[2] = "AUTH_FAILED"] = 2;
        values[valuesById[3] = "BANNED"] = 3;
        return values;
    })();

    protocol.CoordinatorMessage = (function() {

        /**
         * Properties of a CoordinatorMessage.
         * @typedef {Object} protocol.CoordinatorMessage.$Properties
         * @property {protocol.MessageType|null} [type] CoordinatorMessage type
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a CoordinatorMessage.
         * @memberof protocol
         * @interface ICoordinatorMessage
         * @augments protocol.CoordinatorMessage.$Properties
         * @deprecated Use protocol.CoordinatorMessage.$Properties instead.
         */

        /**
         * Shape of a CoordinatorMessage.
         * @typedef {protocol.CoordinatorMessage.$Properties} protocol.CoordinatorMessage.$Shape
         */

        /**
         * Constructs a new CoordinatorMessage.
         * @memberof protocol
         * @classdesc Represents a CoordinatorMessage.
         * @constructor
         * @param {protocol.CoordinatorMessage.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const CoordinatorMessage = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * CoordinatorMessage type.
         * @member {protocol.MessageType} type
         * @memberof protocol.CoordinatorMessage
         * @instance
         */
        CoordinatorMessage.prototype.type = 0;

        /**
         * Creates a new CoordinatorMessage instance using the specified properties.
         * @function create
         * @memberof protocol.CoordinatorMessage
         * @static
         * @param {protocol.CoordinatorMessage.$Properties=} [properties] Properties to set
         * @returns {protocol.CoordinatorMessage} CoordinatorMessage instance
         * @type {{
         *   (properties: protocol.CoordinatorMessage.$Shape): protocol.CoordinatorMessage & protocol.CoordinatorMessage.$Shape;
         *   (properties?: protocol.CoordinatorMessage.$Properties): protocol.CoordinatorMessage;
         * }}
         */
        CoordinatorMessage.create = function(properties) {
            return new CoordinatorMessage(properties);
        };

        /**
         * Encodes the specified CoordinatorMessage message. Does not implicitly {@link protocol.CoordinatorMessage.verify|verify} messages.
         * @function encode
         * @memberof protocol.CoordinatorMessage
         * @static
         * @param {protocol.CoordinatorMessage.$Properties} m CoordinatorMessage message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        CoordinatorMessage.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a CoordinatorMessage message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.CoordinatorMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.CoordinatorMessage & protocol.CoordinatorMessage.$Shape} CoordinatorMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        CoordinatorMessage.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.CoordinatorMessage();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for CoordinatorMessage
         * @function getTypeUrl
         * @memberof protocol.CoordinatorMessage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        CoordinatorMessage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.CoordinatorMessage";
        };

        return CoordinatorMessage;
    })();

    protocol.MessageHeader = (function() {

        /**
         * Properties of a MessageHeader.
         * @typedef {Object} protocol.MessageHeader.$Properties
         * @property {protocol.MessageType|null} [type] MessageHeader type
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a MessageHeader.
         * @memberof protocol
         * @interface IMessageHeader
         * @augments protocol.MessageHeader.$Properties
         * @deprecated Use protocol.MessageHeader.$Properties instead.
         */

        /**
         * Shape of a MessageHeader.
         * @typedef {protocol.MessageHeader.$Properties} protocol.MessageHeader.$Shape
         */

        /**
         * Constructs a new MessageHeader.
         * @memberof protocol
         * @classdesc Represents a MessageHeader.
         * @constructor
         * @param {protocol.MessageHeader.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const MessageHeader = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * MessageHeader type.
         * @member {protocol.MessageType} type
         * @memberof protocol.MessageHeader
         * @instance
         */
        MessageHeader.prototype.type = 0;

        /**
         * Creates a new MessageHeader instance using the specified properties.
         * @function create
         * @memberof protocol.MessageHeader
         * @static
         * @param {protocol.MessageHeader.$Properties=} [properties] Properties to set
         * @returns {protocol.MessageHeader} MessageHeader instance
         * @type {{
         *   (properties: protocol.MessageHeader.$Shape): protocol.MessageHeader & protocol.MessageHeader.$Shape;
         *   (properties?: protocol.MessageHeader.$Properties): protocol.MessageHeader;
         * }}
         */
        MessageHeader.create = function(properties) {
            return new MessageHeader(properties);
        };

        /**
         * Encodes the specified MessageHeader message. Does not implicitly {@link protocol.MessageHeader.verify|verify} messages.
         * @function encode
         * @memberof protocol.MessageHeader
         * @static
         * @param {protocol.MessageHeader.$Properties} m MessageHeader message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        MessageHeader.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a MessageHeader message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.MessageHeader
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.MessageHeader & protocol.MessageHeader.$Shape} MessageHeader
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        MessageHeader.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.MessageHeader();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for MessageHeader
         * @function getTypeUrl
         * @memberof protocol.MessageHeader
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        MessageHeader.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.MessageHeader";
        };

        return MessageHeader;
    })();

    protocol.WelcomeMessage = (function() {

        /**
         * Properties of a WelcomeMessage.
         * @typedef {Object} protocol.WelcomeMessage.$Properties
         * @property {protocol.MessageType|null} [type] WelcomeMessage type
         * @property {number|Long|null} [alias] WelcomeMessage alias
         * @property {Array.<number|Long>|null} [availableServers] WelcomeMessage availableServers
         * @property {Array.<string>|null} [serverIds] WelcomeMessage serverIds
         * @property {Uint8Array|null} [token] WelcomeMessage token
         * @property {Array.<string>|null} [serverUrls] WelcomeMessage serverUrls
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a WelcomeMessage.
         * @memberof protocol
         * @interface IWelcomeMessage
         * @augments protocol.WelcomeMessage.$Properties
         * @deprecated Use protocol.WelcomeMessage.$Properties instead.
         */

        /**
         * Shape of a WelcomeMessage.
         * @typedef {protocol.WelcomeMessage.$Properties} protocol.WelcomeMessage.$Shape
         */

        /**
         * Constructs a new WelcomeMessage.
         * @memberof protocol
         * @classdesc Represents a WelcomeMessage.
         * @constructor
         * @param {protocol.WelcomeMessage.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const WelcomeMessage = function (p) {
            this.availableServers = [];
            this.serverIds = [];
            this.serverUrls = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * WelcomeMessage type.
         * @member {protocol.MessageType} type
         * @memberof protocol.WelcomeMessage
         * @instance
         */
        WelcomeMessage.prototype.type = 0;

        /**
         * WelcomeMessage alias.
         * @member {number|Long} alias
         * @memberof protocol.WelcomeMessage
         * @instance
         */
        WelcomeMessage.prototype.alias = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * WelcomeMessage availableServers.
         * @member {Array.<number|Long>} availableServers
         * @memberof protocol.WelcomeMessage
         * @instance
         */
        WelcomeMessage.prototype.availableServers = $util.emptyArray;

        /**
         * WelcomeMessage serverIds.
         * @member {Array.<string>} serverIds
         * @memberof protocol.WelcomeMessage
         * @instance
         */
        WelcomeMessage.prototype.serverIds = $util.emptyArray;

        /**
         * WelcomeMessage token.
         * @member {Uint8Array} token
         * @memberof protocol.WelcomeMessage
         * @instance
         */
        WelcomeMessage.prototype.token = $util.newBuffer([]);

        /**
         * WelcomeMessage serverUrls.
         * @member {Array.<string>} serverUrls
         * @memberof protocol.WelcomeMessage
         * @instance
         */
        WelcomeMessage.prototype.serverUrls = $util.emptyArray;

        /**
         * Creates a new WelcomeMessage instance using the specified properties.
         * @function create
         * @memberof protocol.WelcomeMessage
         * @static
         * @param {protocol.WelcomeMessage.$Properties=} [properties] Properties to set
         * @returns {protocol.WelcomeMessage} WelcomeMessage instance
         * @type {{
         *   (properties: protocol.WelcomeMessage.$Shape): protocol.WelcomeMessage & protocol.WelcomeMessage.$Shape;
         *   (properties?: protocol.WelcomeMessage.$Properties): protocol.WelcomeMessage;
         * }}
         */
        WelcomeMessage.create = function(properties) {
            return new WelcomeMessage(properties);
        };

        /**
         * Encodes the specified WelcomeMessage message. Does not implicitly {@link protocol.WelcomeMessage.verify|verify} messages.
         * @function encode
         * @memberof protocol.WelcomeMessage
         * @static
         * @param {protocol.WelcomeMessage.$Properties} m WelcomeMessage message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        WelcomeMessage.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.alias != null && $Object.hasOwnProperty.call(m, "alias") && (typeof m.alias === "object" ? m.alias.low || m.alias.high : m.alias !== 0))
                w.uint32(/* id 2, wireType 0 =*/16).uint64(m.alias);
            if (m.availableServers != null && m.availableServers.length) {
                w.uint32(/* id 3, wireType 2 =*/26).uint64s(m.availableServers);
            }
            if (m.serverIds != null && m.serverIds.length) {
                for (var i = 0; i < m.serverIds.length; ++i)
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.serverIds[i]);
            }
            if (m.token != null && $Object.hasOwnProperty.call(m, "token") && m.token.length)
                w.uint32(/* id 5, wireType 2 =*/42).bytes(m.token);
            if (m.serverUrls != null && m.serverUrls.length) {
                for (var i = 0; i < m.serverUrls.length; ++i)
                    w.uint32(/* id 6, wireType 2 =*/50).string(m.serverUrls[i]);
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a WelcomeMessage message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.WelcomeMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.WelcomeMessage & protocol.WelcomeMessage.$Shape} WelcomeMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        WelcomeMessage.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.WelcomeMessage();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.alias = v;
                        else
                            delete m.alias;
                        continue;
                    }
                case 3: {
                        if (u === 2) {
                            if (!(m.availableServers && m.availableServers.length))
                                m.availableServers = [];
                            r.uint64s(m.availableServers);
                            continue;
                        }
                        if (u !== 0)
                            break;
                        if (!(m.availableServers && m.availableServers.length))
                            m.availableServers = [];
                        m.availableServers.push(r.uint64());
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if (!(m.serverIds && m.serverIds.length))
                            m.serverIds = [];
                        m.serverIds.push(r.stringVerify());
                        continue;
                    }
                case 5: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.token = v;
                        else
                            delete m.token;
                        continue;
                    }
                case 6: {
                        if (u !== 2)
                            break;
                        if (!(m.serverUrls && m.serverUrls.length))
                            m.serverUrls = [];
                        m.serverUrls.push(r.stringVerify());
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for WelcomeMessage
         * @function getTypeUrl
         * @memberof protocol.WelcomeMessage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        WelcomeMessage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.WelcomeMessage";
        };

        return WelcomeMessage;
    })();

    protocol.ConnectMessage = (function() {

        /**
         * Properties of a ConnectMessage.
         * @typedef {Object} protocol.ConnectMessage.$Properties
         * @property {protocol.MessageType|null} [type] ConnectMessage type
         * @property {number|Long|null} [fromAlias] ConnectMessage fromAlias
         * @property {number|Long|null} [toAlias] ConnectMessage toAlias
         * @property {protocol.Role|null} [fromRole] ConnectMessage fromRole
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ConnectMessage.
         * @memberof protocol
         * @interface IConnectMessage
         * @augments protocol.ConnectMessage.$Properties
         * @deprecated Use protocol.ConnectMessage.$Properties instead.
         */

        /**
         * Shape of a ConnectMessage.
         * @typedef {protocol.ConnectMessage.$Properties} protocol.ConnectMessage.$Shape
         */

        /**
         * Constructs a new ConnectMessage.
         * @memberof protocol
         * @classdesc Represents a ConnectMessage.
         * @constructor
         * @param {protocol.ConnectMessage.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ConnectMessage = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * ConnectMessage type.
         * @member {protocol.MessageType} type
         * @memberof protocol.ConnectMessage
         * @instance
         */
        ConnectMessage.prototype.type = 0;

        /**
         * ConnectMessage fromAlias.
         * @member {number|Long} fromAlias
         * @memberof protocol.ConnectMessage
         * @instance
         */
        ConnectMessage.prototype.fromAlias = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ConnectMessage toAlias.
         * @member {number|Long} toAlias
         * @memberof protocol.ConnectMessage
         * @instance
         */
        ConnectMessage.prototype.toAlias = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ConnectMessage fromRole.
         * @member {protocol.Role} fromRole
         * @memberof protocol.ConnectMessage
         * @instance
         */
        ConnectMessage.prototype.fromRole = 0;

        /**
         * Creates a new ConnectMessage instance using the specified properties.
         * @function create
         * @memberof protocol.ConnectMessage
         * @static
         * @param {protocol.ConnectMessage.$Properties=} [properties] Properties to set
         * @returns {protocol.ConnectMessage} ConnectMessage instance
         * @type {{
         *   (properties: protocol.ConnectMessage.$Shape): protocol.ConnectMessage & protocol.ConnectMessage.$Shape;
         *   (properties?: protocol.ConnectMessage.$Properties): protocol.ConnectMessage;
         * }}
         */
        ConnectMessage.create = function(properties) {
            return new ConnectMessage(properties);
        };

        /**
         * Encodes the specified ConnectMessage message. Does not implicitly {@link protocol.ConnectMessage.verify|verify} messages.
         * @function encode
         * @memberof protocol.ConnectMessage
         * @static
         * @param {protocol.ConnectMessage.$Properties} m ConnectMessage message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ConnectMessage.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.fromAlias != null && $Object.hasOwnProperty.call(m, "fromAlias") && (typeof m.fromAlias === "object" ? m.fromAlias.low || m.fromAlias.high : m.fromAlias !== 0))
                w.uint32(/* id 2, wireType 0 =*/16).uint64(m.fromAlias);
            if (m.toAlias != null && $Object.hasOwnProperty.call(m, "toAlias") && (typeof m.toAlias === "object" ? m.toAlias.low || m.toAlias.high : m.toAlias !== 0))
                w.uint32(/* id 3, wireType 0 =*/24).uint64(m.toAlias);
            if (m.fromRole != null && $Object.hasOwnProperty.call(m, "fromRole") && m.fromRole !== 0)
                w.uint32(/* id 4, wireType 0 =*/32).int32(m.fromRole);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a ConnectMessage message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.ConnectMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.ConnectMessage & protocol.ConnectMessage.$Shape} ConnectMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ConnectMessage.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.ConnectMessage();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.fromAlias = v;
                        else
                            delete m.fromAlias;
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.toAlias = v;
                        else
                            delete m.toAlias;
                        continue;
                    }
                case 4: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.fromRole = v;
                        else
                            delete m.fromRole;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for ConnectMessage
         * @function getTypeUrl
         * @memberof protocol.ConnectMessage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        ConnectMessage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.ConnectMessage";
        };

        return ConnectMessage;
    })();

    protocol.WebRtcMessage = (function() {

        /**
         * Properties of a WebRtcMessage.
         * @typedef {Object} protocol.WebRtcMessage.$Properties
         * @property {protocol.MessageType|null} [type] WebRtcMessage type
         * @property {number|Long|null} [fromAlias] WebRtcMessage fromAlias
         * @property {number|Long|null} [toAlias] WebRtcMessage toAlias
         * @property {Uint8Array|null} [data] WebRtcMessage data
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a WebRtcMessage.
         * @memberof protocol
         * @interface IWebRtcMessage
         * @augments protocol.WebRtcMessage.$Properties
         * @deprecated Use protocol.WebRtcMessage.$Properties instead.
         */

        /**
         * Shape of a WebRtcMessage.
         * @typedef {protocol.WebRtcMessage.$Properties} protocol.WebRtcMessage.$Shape
         */

        /**
         * Constructs a new WebRtcMessage.
         * @memberof protocol
         * @classdesc Represents a WebRtcMessage.
         * @constructor
         * @param {protocol.WebRtcMessage.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const WebRtcMessage = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * WebRtcMessage type.
         * @member {protocol.MessageType} type
         * @memberof protocol.WebRtcMessage
         * @instance
         */
        WebRtcMessage.prototype.type = 0;

        /**
         * WebRtcMessage fromAlias.
         * @member {number|Long} fromAlias
         * @memberof protocol.WebRtcMessage
         * @instance
         */
        WebRtcMessage.prototype.fromAlias = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * WebRtcMessage toAlias.
         * @member {number|Long} toAlias
         * @memberof protocol.WebRtcMessage
         * @instance
         */
        WebRtcMessage.prototype.toAlias = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * WebRtcMessage data.
         * @member {Uint8Array} data
         * @memberof protocol.WebRtcMessage
         * @instance
         */
        WebRtcMessage.prototype.data = $util.newBuffer([]);

        /**
         * Creates a new WebRtcMessage instance using the specified properties.
         * @function create
         * @memberof protocol.WebRtcMessage
         * @static
         * @param {protocol.WebRtcMessage.$Properties=} [properties] Properties to set
         * @returns {protocol.WebRtcMessage} WebRtcMessage instance
         * @type {{
         *   (properties: protocol.WebRtcMessage.$Shape): protocol.WebRtcMessage & protocol.WebRtcMessage.$Shape;
         *   (properties?: protocol.WebRtcMessage.$Properties): protocol.WebRtcMessage;
         * }}
         */
        WebRtcMessage.create = function(properties) {
            return new WebRtcMessage(properties);
        };

        /**
         * Encodes the specified WebRtcMessage message. Does not implicitly {@link protocol.WebRtcMessage.verify|verify} messages.
         * @function encode
         * @memberof protocol.WebRtcMessage
         * @static
         * @param {protocol.WebRtcMessage.$Properties} m WebRtcMessage message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        WebRtcMessage.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.fromAlias != null && $Object.hasOwnProperty.call(m, "fromAlias") && (typeof m.fromAlias === "object" ? m.fromAlias.low || m.fromAlias.high : m.fromAlias !== 0))
                w.uint32(/* id 2, wireType 0 =*/16).uint64(m.fromAlias);
            if (m.toAlias != null && $Object.hasOwnProperty.call(m, "toAlias") && (typeof m.toAlias === "object" ? m.toAlias.low || m.toAlias.high : m.toAlias !== 0))
                w.uint32(/* id 3, wireType 0 =*/24).uint64(m.toAlias);
            if (m.data != null && $Object.hasOwnProperty.call(m, "data") && m.data.length)
                w.uint32(/* id 4, wireType 2 =*/34).bytes(m.data);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a WebRtcMessage message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.WebRtcMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.WebRtcMessage & protocol.WebRtcMessage.$Shape} WebRtcMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        WebRtcMessage.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.WebRtcMessage();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.fromAlias = v;
                        else
                            delete m.fromAlias;
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.toAlias = v;
                        else
                            delete m.toAlias;
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.data = v;
                        else
                            delete m.data;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for WebRtcMessage
         * @function getTypeUrl
         * @memberof protocol.WebRtcMessage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        WebRtcMessage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.WebRtcMessage";
        };

        return WebRtcMessage;
    })();

    protocol.ConnectionRefusedMessage = (function() {

        /**
         * Properties of a ConnectionRefusedMessage.
         * @typedef {Object} protocol.ConnectionRefusedMessage.$Properties
         * @property {protocol.MessageType|null} [type] ConnectionRefusedMessage type
         * @property {number|Long|null} [fromAlias] ConnectionRefusedMessage fromAlias
         * @property {number|Long|null} [toAlias] ConnectionRefusedMessage toAlias
         * @property {protocol.ConnectionRefusedReason|null} [reason] ConnectionRefusedMessage reason
         * @property {Uint8Array|null} [data] ConnectionRefusedMessage data
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ConnectionRefusedMessage.
         * @memberof protocol
         * @interface IConnectionRefusedMessage
         * @augments protocol.ConnectionRefusedMessage.$Properties
         * @deprecated Use protocol.ConnectionRefusedMessage.$Properties instead.
         */

        /**
         * Shape of a ConnectionRefusedMessage.
         * @typedef {protocol.ConnectionRefusedMessage.$Properties} protocol.ConnectionRefusedMessage.$Shape
         */

        /**
         * Constructs a new ConnectionRefusedMessage.
         * @memberof protocol
         * @classdesc Represents a ConnectionRefusedMessage.
         * @constructor
         * @param {protocol.ConnectionRefusedMessage.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ConnectionRefusedMessage = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * ConnectionRefusedMessage type.
         * @member {protocol.MessageType} type
         * @memberof protocol.ConnectionRefusedMessage
         * @instance
         */
        ConnectionRefusedMessage.prototype.type = 0;

        /**
         * ConnectionRefusedMessage fromAlias.
         * @member {number|Long} fromAlias
         * @memberof protocol.ConnectionRefusedMessage
         * @instance
         */
        ConnectionRefusedMessage.prototype.fromAlias = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ConnectionRefusedMessage toAlias.
         * @member {number|Long} toAlias
         * @memberof protocol.ConnectionRefusedMessage
         * @instance
         */
        ConnectionRefusedMessage.prototype.toAlias = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ConnectionRefusedMessage reason.
         * @member {protocol.ConnectionRefusedReason} reason
         * @memberof protocol.ConnectionRefusedMessage
         * @instance
         */
        ConnectionRefusedMessage.prototype.reason = 0;

        /**
         * ConnectionRefusedMessage data.
         * @member {Uint8Array} data
         * @memberof protocol.ConnectionRefusedMessage
         * @instance
         */
        ConnectionRefusedMessage.prototype.data = $util.newBuffer([]);

        /**
         * Creates a new ConnectionRefusedMessage instance using the specified properties.
         * @function create
         * @memberof protocol.ConnectionRefusedMessage
         * @static
         * @param {protocol.ConnectionRefusedMessage.$Properties=} [properties] Properties to set
         * @returns {protocol.ConnectionRefusedMessage} ConnectionRefusedMessage instance
         * @type {{
         *   (properties: protocol.ConnectionRefusedMessage.$Shape): protocol.ConnectionRefusedMessage & protocol.ConnectionRefusedMessage.$Shape;
         *   (properties?: protocol.ConnectionRefusedMessage.$Properties): protocol.ConnectionRefusedMessage;
         * }}
         */
        ConnectionRefusedMessage.create = function(properties) {
            return new ConnectionRefusedMessage(properties);
        };

        /**
         * Encodes the specified ConnectionRefusedMessage message. Does not implicitly {@link protocol.ConnectionRefusedMessage.verify|verify} messages.
         * @function encode
         * @memberof protocol.ConnectionRefusedMessage
         * @static
         * @param {protocol.ConnectionRefusedMessage.$Properties} m ConnectionRefusedMessage message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ConnectionRefusedMessage.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.fromAlias != null && $Object.hasOwnProperty.call(m, "fromAlias") && (typeof m.fromAlias === "object" ? m.fromAlias.low || m.fromAlias.high : m.fromAlias !== 0))
                w.uint32(/* id 2, wireType 0 =*/16).uint64(m.fromAlias);
            if (m.toAlias != null && $Object.hasOwnProperty.call(m, "toAlias") && (typeof m.toAlias === "object" ? m.toAlias.low || m.toAlias.high : m.toAlias !== 0))
                w.uint32(/* id 3, wireType 0 =*/24).uint64(m.toAlias);
            if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== 0)
                w.uint32(/* id 4, wireType 0 =*/32).int32(m.reason);
            if (m.data != null && $Object.hasOwnProperty.call(m, "data") && m.data.length)
                w.uint32(/* id 5, wireType 2 =*/42).bytes(m.data);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a ConnectionRefusedMessage message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.ConnectionRefusedMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.ConnectionRefusedMessage & protocol.ConnectionRefusedMessage.$Shape} ConnectionRefusedMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ConnectionRefusedMessage.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.ConnectionRefusedMessage();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.fromAlias = v;
                        else
                            delete m.fromAlias;
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.toAlias = v;
                        else
                            delete m.toAlias;
                        continue;
                    }
                case 4: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.reason = v;
                        else
                            delete m.reason;
                        continue;
                    }
                case 5: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.data = v;
                        else
                            delete m.data;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for ConnectionRefusedMessage
         * @function getTypeUrl
         * @memberof protocol.ConnectionRefusedMessage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        ConnectionRefusedMessage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.ConnectionRefusedMessage";
        };

        return ConnectionRefusedMessage;
    })();

    protocol.PingMessage = (function() {

        /**
         * Properties of a PingMessage.
         * @typedef {Object} protocol.PingMessage.$Properties
         * @property {protocol.MessageType|null} [type] PingMessage type
         * @property {number|null} [time] PingMessage time
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a PingMessage.
         * @memberof protocol
         * @interface IPingMessage
         * @augments protocol.PingMessage.$Properties
         * @deprecated Use protocol.PingMessage.$Properties instead.
         */

        /**
         * Shape of a PingMessage.
         * @typedef {protocol.PingMessage.$Properties} protocol.PingMessage.$Shape
         */

        /**
         * Constructs a new PingMessage.
         * @memberof protocol
         * @classdesc Represents a PingMessage.
         * @constructor
         * @param {protocol.PingMessage.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const PingMessage = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * PingMessage type.
         * @member {protocol.MessageType} type
         * @memberof protocol.PingMessage
         * @instance
         */
        PingMessage.prototype.type = 0;

        /**
         * PingMessage time.
         * @member {number} time
         * @memberof protocol.PingMessage
         * @instance
         */
        PingMessage.prototype.time = 0;

        /**
         * Creates a new PingMessage instance using the specified properties.
         * @function create
         * @memberof protocol.PingMessage
         * @static
         * @param {protocol.PingMessage.$Properties=} [properties] Properties to set
         * @returns {protocol.PingMessage} PingMessage instance
         * @type {{
         *   (properties: protocol.PingMessage.$Shape): protocol.PingMessage & protocol.PingMessage.$Shape;
         *   (properties?: protocol.PingMessage.$Properties): protocol.PingMessage;
         * }}
         */
        PingMessage.create = function(properties) {
            return new PingMessage(properties);
        };

        /**
         * Encodes the specified PingMessage message. Does not implicitly {@link protocol.PingMessage.verify|verify} messages.
         * @function encode
         * @memberof protocol.PingMessage
         * @static
         * @param {protocol.PingMessage.$Properties} m PingMessage message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        PingMessage.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.time != null && $Object.hasOwnProperty.call(m, "time") && !$Object.is(m.time, 0))
                w.uint32(/* id 2, wireType 1 =*/17).double(m.time);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a PingMessage message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.PingMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.PingMessage & protocol.PingMessage.$Shape} PingMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        PingMessage.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.PingMessage();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 2: {
                        if (u !== 1)
                            break;
                        if (!$Object.is(v = r.double(), 0))
                            m.time = v;
                        else
                            delete m.time;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for PingMessage
         * @function getTypeUrl
         * @memberof protocol.PingMessage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        PingMessage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.PingMessage";
        };

        return PingMessage;
    })();

    protocol.SubscriptionMessage = (function() {

        /**
         * Properties of a SubscriptionMessage.
         * @typedef {Object} protocol.SubscriptionMessage.$Properties
         * @property {protocol.MessageType|null} [type] SubscriptionMessage type
         * @property {protocol.Format|null} [format] SubscriptionMessage format
         * @property {Uint8Array|null} [topics] SubscriptionMessage topics
         * @property {Array.<string>|null} [presenceTopics] SubscriptionMessage presenceTopics
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SubscriptionMessage.
         * @memberof protocol
         * @interface ISubscriptionMessage
         * @augments protocol.SubscriptionMessage.$Properties
         * @deprecated Use protocol.SubscriptionMessage.$Properties instead.
         */

        /**
         * Shape of a SubscriptionMessage.
         * @typedef {protocol.SubscriptionMessage.$Properties} protocol.SubscriptionMessage.$Shape
         */

        /**
         * Constructs a new SubscriptionMessage.
         * @memberof protocol
         * @classdesc Represents a SubscriptionMessage.
         * @constructor
         * @param {protocol.SubscriptionMessage.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SubscriptionMessage = function (p) {
            this.presenceTopics = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * SubscriptionMessage type.
         * @member {protocol.MessageType} type
         * @memberof protocol.SubscriptionMessage
         * @instance
         */
        SubscriptionMessage.prototype.type = 0;

        /**
         * SubscriptionMessage format.
         * @member {protocol.Format} format
         * @memberof protocol.SubscriptionMessage
         * @instance
         */
        SubscriptionMessage.prototype.format = 0;

        /**
         * SubscriptionMessage topics.
         * @member {Uint8Array} topics
         * @memberof protocol.SubscriptionMessage
         * @instance
         */
        SubscriptionMessage.prototype.topics = $util.newBuffer([]);

        /**
         * SubscriptionMessage presenceTopics.
         * @member {Array.<string>} presenceTopics
         * @memberof protocol.SubscriptionMessage
         * @instance
         */
        SubscriptionMessage.prototype.presenceTopics = $util.emptyArray;

        /**
         * Creates a new SubscriptionMessage instance using the specified properties.
         * @function create
         * @memberof protocol.SubscriptionMessage
         * @static
         * @param {protocol.SubscriptionMessage.$Properties=} [properties] Properties to set
         * @returns {protocol.SubscriptionMessage} SubscriptionMessage instance
         * @type {{
         *   (properties: protocol.SubscriptionMessage.$Shape): protocol.SubscriptionMessage & protocol.SubscriptionMessage.$Shape;
         *   (properties?: protocol.SubscriptionMessage.$Properties): protocol.SubscriptionMessage;
         * }}
         */
        SubscriptionMessage.create = function(properties) {
            return new SubscriptionMessage(properties);
        };

        /**
         * Encodes the specified SubscriptionMessage message. Does not implicitly {@link protocol.SubscriptionMessage.verify|verify} messages.
         * @function encode
         * @memberof protocol.SubscriptionMessage
         * @static
         * @param {protocol.SubscriptionMessage.$Properties} m SubscriptionMessage message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SubscriptionMessage.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.format != null && $Object.hasOwnProperty.call(m, "format") && m.format !== 0)
                w.uint32(/* id 2, wireType 0 =*/16).int32(m.format);
            if (m.topics != null && $Object.hasOwnProperty.call(m, "topics") && m.topics.length)
                w.uint32(/* id 3, wireType 2 =*/26).bytes(m.topics);
            if (m.presenceTopics != null && m.presenceTopics.length) {
                for (var i = 0; i < m.presenceTopics.length; ++i)
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.presenceTopics[i]);
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a SubscriptionMessage message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.SubscriptionMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.SubscriptionMessage & protocol.SubscriptionMessage.$Shape} SubscriptionMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SubscriptionMessage.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.SubscriptionMessage();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.format = v;
                        else
                            delete m.format;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.topics = v;
                        else
                            delete m.topics;
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if (!(m.presenceTopics && m.presenceTopics.length))
                            m.presenceTopics = [];
                        m.presenceTopics.push(r.stringVerify());
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for SubscriptionMessage
         * @function getTypeUrl
         * @memberof protocol.SubscriptionMessage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        SubscriptionMessage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.SubscriptionMessage";
        };

        return SubscriptionMessage;
    })();

    protocol.AuthMessage = (function() {

        /**
         * Properties of an AuthMessage.
         * @typedef {Object} protocol.AuthMessage.$Properties
         * @property {protocol.MessageType|null} [type] AuthMessage type
         * @property {protocol.Role|null} [role] AuthMessage role
         * @property {Uint8Array|null} [body] AuthMessage body
         * @property {string|null} [serverId] AuthMessage serverId
         * @property {Array.<string>|null} [extensions] AuthMessage extensions
         * @property {number|null} [maxMessagesPerSecond] AuthMessage maxMessagesPerSecond
         * @property {number|null} [messageBurst] AuthMessage messageBurst
         * @property {Uint8Array|null} [clientId] AuthMessage clientId
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an AuthMessage.
         * @memberof protocol
         * @interface IAuthMessage
         * @augments protocol.AuthMessage.$Properties
         * @deprecated Use protocol.AuthMessage.$Properties instead.
         */

        /**
         * Shape of an AuthMessage.
         * @typedef {protocol.AuthMessage.$Properties} protocol.AuthMessage.$Shape
         */

        /**
         * Constructs a new AuthMessage.
         * @memberof protocol
         * @classdesc Represents an AuthMessage.
         * @constructor
         * @param {protocol.AuthMessage.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const AuthMessage = function (p) {
            this.extensions = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * AuthMessage type.
         * @member {protocol.MessageType} type
         * @memberof protocol.AuthMessage
         * @instance
         */
        AuthMessage.prototype.type = 0;

        /**
         * AuthMessage role.
         * @member {protocol.Role} role
         * @memberof protocol.AuthMessage
         * @instance
         */
        AuthMessage.prototype.role = 0;

        /**
         * AuthMessage body.
         * @member {Uint8Array} body
         * @memberof protocol.AuthMessage
         * @instance
         */
        AuthMessage.prototype.body = $util.newBuffer([]);

        /**
         * AuthMessage serverId.
         * @member {string} serverId
         * @memberof protocol.AuthMessage
         * @instance
         */
        AuthMessage.prototype.serverId = "";

        /**
         * AuthMessage extensions.
         * @member {Array.<string>} extensions
         * @memberof protocol.AuthMessage
         * @instance
         */
        AuthMessage.prototype.extensions = $util.emptyArray;

        /**
         * AuthMessage maxMessagesPerSecond.
         * @member {number} maxMessagesPerSecond
         * @memberof protocol.AuthMessage
         * @instance
         */
        AuthMessage.prototype.maxMessagesPerSecond = 0;

        /**
         * AuthMessage messageBurst.
         * @member {number} messageBurst
         * @memberof protocol.AuthMessage
         * @instance
         */
        AuthMessage.prototype.messageBurst = 0;

        /**
         * AuthMessage clientId.
         * @member {Uint8Array} clientId
         * @memberof protocol.AuthMessage
         * @instance
         */
        AuthMessage.prototype.clientId = $util.newBuffer([]);

        /**
         * Creates a new AuthMessage instance using the specified properties.
         * @function create
         * @memberof protocol.AuthMessage
         * @static
         * @param {protocol.AuthMessage.$Properties=} [properties] Properties to set
         * @returns {protocol.AuthMessage} AuthMessage instance
         * @type {{
         *   (properties: protocol.AuthMessage.$Shape): protocol.AuthMessage & protocol.AuthMessage.$Shape;
         *   (properties?: protocol.AuthMessage.$Properties): protocol.AuthMessage;
         * }}
         */
        AuthMessage.create = function(properties) {
            return new AuthMessage(properties);
        };

        /**
         * Encodes the specified AuthMessage message. Does not implicitly {@link protocol.AuthMessage.verify|verify} messages.
         * @function encode
         * @memberof protocol.AuthMessage
         * @static
         * @param {protocol.AuthMessage.$Properties} m AuthMessage message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        AuthMessage.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.role != null && $Object.hasOwnProperty.call(m, "role") && m.role !== 0)
                w.uint32(/* id 2, wireType 0 =*/16).int32(m.role);
            if (m.body != null && $Object.hasOwnProperty.call(m, "body") && m.body.length)
                w.uint32(/* id 3, wireType 2 =*/26).bytes(m.body);
            if (m.serverId != null && $Object.hasOwnProperty.call(m, "serverId") && m.serverId !== "")
                w.uint32(/* id 4, wireType 2 =*/34).string(m.serverId);
            if (m.extensions != null && m.extensions.length) {
                for (var i = 0; i < m.extensions.length; ++i)
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.extensions[i]);
            }
            if (m.maxMessagesPerSecond != null && $Object.hasOwnProperty.call(m, "maxMessagesPerSecond") && !$Object.is(m.maxMessagesPerSecond, 0))
                w.uint32(/* id 6, wireType 1 =*/49).double(m.maxMessagesPerSecond);
            if (m.messageBurst != null && $Object.hasOwnProperty.call(m, "messageBurst") && m.messageBurst !== 0)
                w.uint32(/* id 7, wireType 0 =*/56).uint32(m.messageBurst);
            if (m.clientId != null && $Object.hasOwnProperty.call(m, "clientId") && m.clientId.length)
                w.uint32(/* id 8, wireType 2 =*/66).bytes(m.clientId);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes an AuthMessage message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.AuthMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.AuthMessage & protocol.AuthMessage.$Shape} AuthMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        AuthMessage.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.AuthMessage();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.role = v;
                        else
                            delete m.role;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.body = v;
                        else
                            delete m.body;
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.serverId = v;
                        else
                            delete m.serverId;
                        continue;
                    }
                case 5: {
                        if (u !== 2)
                            break;
                        if (!(m.extensions && m.extensions.length))
                            m.extensions = [];
                        m.extensions.push(r.stringVerify());
                        continue;
                    }
                case 6: {
                        if (u !== 1)
                            break;
                        if (!$Object.is(v = r.double(), 0))
                            m.maxMessagesPerSecond = v;
                        else
                            delete m.maxMessagesPerSecond;
                        continue;
                    }
                case 7: {
                        if (u !== 0)
                            break;
                        if (v = r.uint32())
                            m.messageBurst = v;
                        else
                            delete m.messageBurst;
                        continue;
                    }
                case 8: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.clientId = v;
                        else
                            delete m.clientId;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for AuthMessage
         * @function getTypeUrl
         * @memberof protocol.AuthMessage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        AuthMessage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.AuthMessage";
        };

        return AuthMessage;
    })();

    protocol.TopicMessage = (function() {

        /**
         * Properties of a TopicMessage.
         * @typedef {Object} protocol.TopicMessage.$Properties
         * @property {protocol.MessageType|null} [type] TopicMessage type
         * @property {number|Long|null} [fromAlias] TopicMessage fromAlias
         * @property {string|null} [topic] TopicMessage topic
         * @property {Uint8Array|null} [body] TopicMessage body
         * @property {Uint8Array|null} [publisher] TopicMessage publisher
         * @property {number|Long|null} [seq] TopicMessage seq
         * @property {number|Long|null} [topicSeq] TopicMessage topicSeq
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TopicMessage.
         * @memberof protocol
         * @interface ITopicMessage
         * @augments protocol.TopicMessage.$Properties
         * @deprecated Use protocol.TopicMessage.$Properties instead.
         */

        /**
         * Shape of a TopicMessage.
         * @typedef {protocol.TopicMessage.$Properties} protocol.TopicMessage.$Shape
         */

        /**
         * Constructs a new TopicMessage.
         * @memberof protocol
         * @classdesc Represents a TopicMessage.
         * @constructor
         * @param {protocol.TopicMessage.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TopicMessage = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * TopicMessage type.
         * @member {protocol.MessageType} type
         * @memberof protocol.TopicMessage
         * @instance
         */
        TopicMessage.prototype.type = 0;

        /**
         * TopicMessage fromAlias.
         * @member {number|Long} fromAlias
         * @memberof protocol.TopicMessage
         * @instance
         */
        TopicMessage.prototype.fromAlias = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * TopicMessage topic.
         * @member {string} topic
         * @memberof protocol.TopicMessage
         * @instance
         */
        TopicMessage.prototype.topic = "";

        /**
         * TopicMessage body.
         * @member {Uint8Array} body
         * @memberof protocol.TopicMessage
         * @instance
         */
        TopicMessage.prototype.body = $util.newBuffer([]);

        /**
         * TopicMessage publisher.
         * @member {Uint8Array} publisher
         * @memberof protocol.TopicMessage
         * @instance
         */
        TopicMessage.prototype.publisher = $util.newBuffer([]);

        /**
         * TopicMessage seq.
         * @member {number|Long} seq
         * @memberof protocol.TopicMessage
         * @instance
         */
        TopicMessage.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * TopicMessage topicSeq.
         * @member {number|Long} topicSeq
         * @memberof protocol.TopicMessage
         * @instance
         */
        TopicMessage.prototype.topicSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new TopicMessage instance using the specified properties.
         * @function create
         * @memberof protocol.TopicMessage
         * @static
         * @param {protocol.TopicMessage.$Properties=} [properties] Properties to set
         * @returns {protocol.TopicMessage} TopicMessage instance
         * @type {{
         *   (properties: protocol.TopicMessage.$Shape): protocol.TopicMessage & protocol.TopicMessage.$Shape;
         *   (properties?: protocol.TopicMessage.$Properties): protocol.TopicMessage;
         * }}
         */
        TopicMessage.create = function(properties) {
            return new TopicMessage(properties);
        };

        /**
         * Encodes the specified TopicMessage message. Does not implicitly {@link protocol.TopicMessage.verify|verify} messages.
         * @function encode
         * @memberof protocol.TopicMessage
         * @static
         * @param {protocol.TopicMessage.$Properties} m TopicMessage message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TopicMessage.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.fromAlias != null && $Object.hasOwnProperty.call(m, "fromAlias") && (typeof m.fromAlias === "object" ? m.fromAlias.low || m.fromAlias.high : m.fromAlias !== 0))
                w.uint32(/* id 2, wireType 0 =*/16).uint64(m.fromAlias);
            if (m.topic != null && $Object.hasOwnProperty.call(m, "topic") && m.topic !== "")
                w.uint32(/* id 3, wireType 2 =*/26).string(m.topic);
            if (m.body != null && $Object.hasOwnProperty.call(m, "body") && m.body.length)
                w.uint32(/* id 4, wireType 2 =*/34).bytes(m.body);
            if (m.publisher != null && $Object.hasOwnProperty.call(m, "publisher") && m.publisher.length)
                w.uint32(/* id 5, wireType 2 =*/42).bytes(m.publisher);
            if (m.seq != null && $Object.hasOwnProperty.call(m, "seq") && (typeof m.seq === "object" ? m.seq.low || m.seq.high : m.seq !== 0))
                w.uint32(/* id 6, wireType 0 =*/48).uint64(m.seq);
            if (m.topicSeq != null && $Object.hasOwnProperty.call(m, "topicSeq") && (typeof m.topicSeq === "object" ? m.topicSeq.low || m.topicSeq.high : m.topicSeq !== 0))
                w.uint32(/* id 7, wireType 0 =*/56).uint64(m.topicSeq);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a TopicMessage message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.TopicMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.TopicMessage & protocol.TopicMessage.$Shape} TopicMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TopicMessage.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.TopicMessage();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.fromAlias = v;
                        else
                            delete m.fromAlias;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.topic = v;
                        else
                            delete m.topic;
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.body = v;
                        else
                            delete m.body;
                        continue;
                    }
                case 5: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.publisher = v;
                        else
                            delete m.publisher;
                        continue;
                    }
                case 6: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.seq = v;
                        else
                            delete m.seq;
                        continue;
                    }
                case 7: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.topicSeq = v;
                        else
                            delete m.topicSeq;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for TopicMessage
         * @function getTypeUrl
         * @memberof protocol.TopicMessage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        TopicMessage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.TopicMessage";
        };

        return TopicMessage;
    })();

    protocol.TopicFWMessage = (function() {

        /**
         * Properties of a TopicFWMessage.
         * @typedef {Object} protocol.TopicFWMessage.$Properties
         * @property {protocol.MessageType|null} [type] TopicFWMessage type
         * @property {number|Long|null} [fromAlias] TopicFWMessage fromAlias
         * @property {Uint8Array|null} [body] TopicFWMessage body
         * @property {string|null} [topic] TopicFWMessage topic
         * @property {Uint8Array|null} [publisher] TopicFWMessage publisher
         * @property {number|Long|null} [topicSeq] TopicFWMessage topicSeq
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TopicFWMessage.
         * @memberof protocol
         * @interface ITopicFWMessage
         * @augments protocol.TopicFWMessage.$Properties
         * @deprecated Use protocol.TopicFWMessage.$Properties instead.
         */

        /**
         * Shape of a TopicFWMessage.
         * @typedef {protocol.TopicFWMessage.$Properties} protocol.TopicFWMessage.$Shape
         */

        /**
         * Constructs a new TopicFWMessage.
         * @memberof protocol
         * @classdesc Represents a TopicFWMessage.
         * @constructor
         * @param {protocol.TopicFWMessage.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TopicFWMessage = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * TopicFWMessage type.
         * @member {protocol.MessageType} type
         * @memberof protocol.TopicFWMessage
         * @instance
         */
        TopicFWMessage.prototype.type = 0;

        /**
         * TopicFWMessage fromAlias.
         * @member {number|Long} fromAlias
         * @memberof protocol.TopicFWMessage
         * @instance
         */
        TopicFWMessage.prototype.fromAlias = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * TopicFWMessage body.
         * @member {Uint8Array} body
         * @memberof protocol.TopicFWMessage
         * @instance
         */
        TopicFWMessage.prototype.body = $util.newBuffer([]);

        /**
         * TopicFWMessage topic.
         * @member {string} topic
         * @memberof protocol.TopicFWMessage
         * @instance
         */
        TopicFWMessage.prototype.topic = "";

        /**
         * TopicFWMessage publisher.
         * @member {Uint8Array} publisher
         * @memberof protocol.TopicFWMessage
         * @instance
         */
        TopicFWMessage.prototype.publisher = $util.newBuffer([]);

        /**
         * TopicFWMessage topicSeq.
         * @member {number|Long} topicSeq
         * @memberof protocol.TopicFWMessage
         * @instance
         */
        TopicFWMessage.prototype.topicSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new TopicFWMessage instance using the specified properties.
         * @function create
         * @memberof protocol.TopicFWMessage
         * @static
         * @param {protocol.TopicFWMessage.$Properties=} [properties] Properties to set
         * @returns {protocol.TopicFWMessage} TopicFWMessage instance
         * @type {{
         *   (properties: protocol.TopicFWMessage.$Shape): protocol.TopicFWMessage & protocol.TopicFWMessage.$Shape;
         *   (properties?: protocol.TopicFWMessage.$Properties): protocol.TopicFWMessage;
         * }}
         */
        TopicFWMessage.create = function(properties) {
            return new TopicFWMessage(properties);
        };

        /**
         * Encodes the specified TopicFWMessage message. Does not implicitly {@link protocol.TopicFWMessage.verify|verify} messages.
         * @function encode
         * @memberof protocol.TopicFWMessage
         * @static
         * @param {protocol.TopicFWMessage.$Properties} m TopicFWMessage message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TopicFWMessage.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.fromAlias != null && $Object.hasOwnProperty.call(m, "fromAlias") && (typeof m.fromAlias === "object" ? m.fromAlias.low || m.fromAlias.high : m.fromAlias !== 0))
                w.uint32(/* id 2, wireType 0 =*/16).uint64(m.fromAlias);
            if (m.body != null && $Object.hasOwnProperty.call(m, "body") && m.body.length)
                w.uint32(/* id 3, wireType 2 =*/26).bytes(m.body);
            if (m.topic != null && $Object.hasOwnProperty.call(m, "topic") && m.topic !== "")
                w.uint32(/* id 4, wireType 2 =*/34).string(m.topic);
            if (m.publisher != null && $Object.hasOwnProperty.call(m, "publisher") && m.publisher.length)
                w.uint32(/* id 5, wireType 2 =*/42).bytes(m.publisher);
            if (m.topicSeq != null && $Object.hasOwnProperty.call(m, "topicSeq") && (typeof m.topicSeq === "object" ? m.topicSeq.low || m.topicSeq.high : m.topicSeq !== 0))
                w.uint32(/* id 6, wireType 0 =*/48).uint64(m.topicSeq);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a TopicFWMessage message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.TopicFWMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.TopicFWMessage & protocol.TopicFWMessage.$Shape} TopicFWMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TopicFWMessage.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.TopicFWMessage();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.fromAlias = v;
                        else
                            delete m.fromAlias;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.body = v;
                        else
                            delete m.body;
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.topic = v;
                        else
                            delete m.topic;
                        continue;
                    }
                case 5: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.publisher = v;
                        else
                            delete m.publisher;
                        continue;
                    }
                case 6: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.topicSeq = v;
                        else
                            delete m.topicSeq;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for TopicFWMessage
         * @function getTypeUrl
         * @memberof protocol.TopicFWMessage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        TopicFWMessage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.TopicFWMessage";
        };

        return TopicFWMessage;
    })();

    protocol.TopicIdentityMessage = (function() {

        /**
         * Properties of a TopicIdentityMessage.
         * @typedef {Object} protocol.TopicIdentityMessage.$Properties
         * @property {protocol.MessageType|null} [type] TopicIdentityMessage type
         * @property {number|Long|null} [fromAlias] TopicIdentityMessage fromAlias
         * @property {string|null} [topic] TopicIdentityMessage topic
         * @property {Uint8Array|null} [identity] TopicIdentityMessage identity
         * @property {protocol.Role|null} [role] TopicIdentityMessage role
         * @property {Uint8Array|null} [body] TopicIdentityMessage body
         * @property {Uint8Array|null} [publisher] TopicIdentityMessage publisher
         * @property {number|Long|null} [seq] TopicIdentityMessage seq
         * @property {number|Long|null} [topicSeq] TopicIdentityMessage topicSeq
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TopicIdentityMessage.
         * @memberof protocol
         * @interface ITopicIdentityMessage
         * @augments protocol.TopicIdentityMessage.$Properties
         * @deprecated Use protocol.TopicIdentityMessage.$Properties instead.
         */

        /**
         * Shape of a TopicIdentityMessage.
         * @typedef {protocol.TopicIdentityMessage.$Properties} protocol.TopicIdentityMessage.$Shape
         */

        /**
         * Constructs a new TopicIdentityMessage.
         * @memberof protocol
         * @classdesc Represents a TopicIdentityMessage.
         * @constructor
         * @param {protocol.TopicIdentityMessage.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TopicIdentityMessage = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * TopicIdentityMessage type.
         * @member {protocol.MessageType} type
         * @memberof protocol.TopicIdentityMessage
         * @instance
         */
        TopicIdentityMessage.prototype.type = 0;

        /**
         * TopicIdentityMessage fromAlias.
         * @member {number|Long} fromAlias
         * @memberof protocol.TopicIdentityMessage
         * @instance
         */
        TopicIdentityMessage.prototype.fromAlias = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * TopicIdentityMessage topic.
         * @member {string} topic
         * @memberof protocol.TopicIdentityMessage
         * @instance
         */
        TopicIdentityMessage.prototype.topic = "";

        /**
         * TopicIdentityMessage identity.
         * @member {Uint8Array} identity
         * @memberof protocol.TopicIdentityMessage
         * @instance
         */
        TopicIdentityMessage.prototype.identity = $util.newBuffer([]);

        /**
         * TopicIdentityMessage role.
         * @member {protocol.Role} role
         * @memberof protocol.TopicIdentityMessage
         * @instance
         */
        TopicIdentityMessage.prototype.role = 0;

        /**
         * TopicIdentityMessage body.
         * @member {Uint8Array} body
         * @memberof protocol.TopicIdentityMessage
         * @instance
         */
        TopicIdentityMessage.prototype.body = $util.newBuffer([]);

        /**
         * TopicIdentityMessage publisher.
         * @member {Uint8Array} publisher
         * @memberof protocol.TopicIdentityMessage
         * @instance
         */
        TopicIdentityMessage.prototype.publisher = $util.newBuffer([]);

        /**
         * TopicIdentityMessage seq.
         * @member {number|Long} seq
         * @memberof protocol.TopicIdentityMessage
         * @instance
         */
        TopicIdentityMessage.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * TopicIdentityMessage topicSeq.
         * @member {number|Long} topicSeq
         * @memberof protocol.TopicIdentityMessage
         * @instance
         */
        TopicIdentityMessage.prototype.topicSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new TopicIdentityMessage instance using the specified properties.
         * @function create
         * @memberof protocol.TopicIdentityMessage
         * @static
         * @param {protocol.TopicIdentityMessage.$Properties=} [properties] Properties to set
         * @returns {protocol.TopicIdentityMessage} TopicIdentityMessage instance
         * @type {{
         *   (properties: protocol.TopicIdentityMessage.$Shape): protocol.TopicIdentityMessage & protocol.TopicIdentityMessage.$Shape;
         *   (properties?: protocol.TopicIdentityMessage.$Properties): protocol.TopicIdentityMessage;
         * }}
         */
        TopicIdentityMessage.create = function(properties) {
            return new TopicIdentityMessage(properties);
        };

        /**
         * Encodes the specified TopicIdentityMessage message. Does not implicitly {@link protocol.TopicIdentityMessage.verify|verify} messages.
         * @function encode
         * @memberof protocol.TopicIdentityMessage
         * @static
         * @param {protocol.TopicIdentityMessage.$Properties} m TopicIdentityMessage message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TopicIdentityMessage.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.fromAlias != null && $Object.hasOwnProperty.call(m, "fromAlias") && (typeof m.fromAlias === "object" ? m.fromAlias.low || m.fromAlias.high : m.fromAlias !== 0))
                w.uint32(/* id 2, wireType 0 =*/16).uint64(m.fromAlias);
            if (m.topic != null && $Object.hasOwnProperty.call(m, "topic") && m.topic !== "")
                w.uint32(/* id 3, wireType 2 =*/26).string(m.topic);
            if (m.identity != null && $Object.hasOwnProperty.call(m, "identity") && m.identity.length)
                w.uint32(/* id 4, wireType 2 =*/34).bytes(m.identity);
            if (m.role != null && $Object.hasOwnProperty.call(m, "role") && m.role !== 0)
                w.uint32(/* id 5, wireType 0 =*/40).int32(m.role);
            if (m.body != null && $Object.hasOwnProperty.call(m, "body") && m.body.length)
                w.uint32(/* id 6, wireType 2 =*/50).bytes(m.body);
            if (m.publisher != null && $Object.hasOwnProperty.call(m, "publisher") && m.publisher.length)
                w.uint32(/* id 7, wireType 2 =*/58).bytes(m.publisher);
            if (m.seq != null && $Object.hasOwnProperty.call(m, "seq") && (typeof m.seq === "object" ? m.seq.low || m.seq.high : m.seq !== 0))
                w.uint32(/* id 8, wireType 0 =*/64).uint64(m.seq);
            if (m.topicSeq != null && $Object.hasOwnProperty.call(m, "topicSeq") && (typeof m.topicSeq === "object" ? m.topicSeq.low || m.topicSeq.high : m.topicSeq !== 0))
                w.uint32(/* id 9, wireType 0 =*/72).uint64(m.topicSeq);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a TopicIdentityMessage message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.TopicIdentityMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.TopicIdentityMessage & protocol.TopicIdentityMessage.$Shape} TopicIdentityMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TopicIdentityMessage.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.TopicIdentityMessage();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.fromAlias = v;
                        else
                            delete m.fromAlias;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.topic = v;
                        else
                            delete m.topic;
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.identity = v;
                        else
                            delete m.identity;
                        continue;
                    }
                case 5: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.role = v;
                        else
                            delete m.role;
                        continue;
                    }
                case 6: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.body = v;
                        else
                            delete m.body;
                        continue;
                    }
                case 7: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.publisher = v;
                        else
                            delete m.publisher;
                        continue;
                    }
                case 8: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.seq = v;
                        else
                            delete m.seq;
                        continue;
                    }
                case 9: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.topicSeq = v;
                        else
                            delete m.topicSeq;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for TopicIdentityMessage
         * @function getTypeUrl
         * @memberof protocol.TopicIdentityMessage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        TopicIdentityMessage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.TopicIdentityMessage";
        };

        return TopicIdentityMessage;
    })();

    protocol.TopicIdentityFWMessage = (function() {

        /**
         * Properties of a TopicIdentityFWMessage.
         * @typedef {Object} protocol.TopicIdentityFWMessage.$Properties
         * @property {protocol.MessageType|null} [type] TopicIdentityFWMessage type
         * @property {number|Long|null} [fromAlias] TopicIdentityFWMessage fromAlias
         * @property {Uint8Array|null} [identity] TopicIdentityFWMessage identity
         * @property {protocol.Role|null} [role] TopicIdentityFWMessage role
         * @property {Uint8Array|null} [body] TopicIdentityFWMessage body
         * @property {string|null} [topic] TopicIdentityFWMessage topic
         * @property {Uint8Array|null} [publisher] TopicIdentityFWMessage publisher
         * @property {number|Long|null} [topicSeq] TopicIdentityFWMessage topicSeq
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TopicIdentityFWMessage.
         * @memberof protocol
         * @interface ITopicIdentityFWMessage
         * @augments protocol.TopicIdentityFWMessage.$Properties
         * @deprecated Use protocol.TopicIdentityFWMessage.$Properties instead.
         */

        /**
         * Shape of a TopicIdentityFWMessage.
         * @typedef {protocol.TopicIdentityFWMessage.$Properties} protocol.TopicIdentityFWMessage.$Shape
         */

        /**
         * Constructs a new TopicIdentityFWMessage.
         * @memberof protocol
         * @classdesc Represents a TopicIdentityFWMessage.
         * @constructor
         * @param {protocol.TopicIdentityFWMessage.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TopicIdentityFWMessage = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * TopicIdentityFWMessage type.
         * @member {protocol.MessageType} type
         * @memberof protocol.TopicIdentityFWMessage
         * @instance
         */
        TopicIdentityFWMessage.prototype.type = 0;

        /**
         * TopicIdentityFWMessage fromAlias.
         * @member {number|Long} fromAlias
         * @memberof protocol.TopicIdentityFWMessage
         * @instance
         */
        TopicIdentityFWMessage.prototype.fromAlias = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * TopicIdentityFWMessage identity.
         * @member {Uint8Array} identity
         * @memberof protocol.TopicIdentityFWMessage
         * @instance
         */
        TopicIdentityFWMessage.prototype.identity = $util.newBuffer([]);

        /**
         * TopicIdentityFWMessage role.
         * @member {protocol.Role} role
         * @memberof protocol.TopicIdentityFWMessage
         * @instance
         */
        TopicIdentityFWMessage.prototype.role = 0;

        /**
         * TopicIdentityFWMessage body.
         * @member {Uint8Array} body
         * @memberof protocol.TopicIdentityFWMessage
         * @instance
         */
        TopicIdentityFWMessage.prototype.body = $util.newBuffer([]);

        /**
         * TopicIdentityFWMessage topic.
         * @member {string} topic
         * @memberof protocol.TopicIdentityFWMessage
         * @instance
         */
        TopicIdentityFWMessage.prototype.topic = "";

        /**
         * TopicIdentityFWMessage publisher.
         * @member {Uint8Array} publisher
         * @memberof protocol.TopicIdentityFWMessage
         * @instance
         */
        TopicIdentityFWMessage.prototype.publisher = $util.newBuffer([]);

        /**
         * TopicIdentityFWMessage topicSeq.
         * @member {number|Long} topicSeq
         * @memberof protocol.TopicIdentityFWMessage
         * @instance
         */
        TopicIdentityFWMessage.prototype.topicSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new TopicIdentityFWMessage instance using the specified properties.
         * @function create
         * @memberof protocol.TopicIdentityFWMessage
         * @static
         * @param {protocol.TopicIdentityFWMessage.$Properties=} [properties] Properties to set
         * @returns {protocol.TopicIdentityFWMessage} TopicIdentityFWMessage instance
         * @type {{
         *   (properties: protocol.TopicIdentityFWMessage.$Shape): protocol.TopicIdentityFWMessage & protocol.TopicIdentityFWMessage.$Shape;
         *   (properties?: protocol.TopicIdentityFWMessage.$Properties): protocol.TopicIdentityFWMessage;
         * }}
         */
        TopicIdentityFWMessage.create = function(properties) {
            return new TopicIdentityFWMessage(properties);
        };

        /**
         * Encodes the specified TopicIdentityFWMessage message. Does not implicitly {@link protocol.TopicIdentityFWMessage.verify|verify} messages.
         * @function encode
         * @memberof protocol.TopicIdentityFWMessage
         * @static
         * @param {protocol.TopicIdentityFWMessage.$Properties} m TopicIdentityFWMessage message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TopicIdentityFWMessage.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.fromAlias != null && $Object.hasOwnProperty.call(m, "fromAlias") && (typeof m.fromAlias === "object" ? m.fromAlias.low || m.fromAlias.high : m.fromAlias !== 0))
                w.uint32(/* id 2, wireType 0 =*/16).uint64(m.fromAlias);
            if (m.identity != null && $Object.hasOwnProperty.call(m, "identity") && m.identity.length)
                w.uint32(/* id 3, wireType 2 =*/26).bytes(m.identity);
            if (m.role != null && $Object.hasOwnProperty.call(m, "role") && m.role !== 0)
                w.uint32(/* id 4, wireType 0 =*/32).int32(m.role);
            if (m.body != null && $Object.hasOwnProperty.call(m, "body") && m.body.length)
                w.uint32(/* id 5, wireType 2 =*/42).bytes(m.body);
            if (m.topic != null && $Object.hasOwnProperty.call(m, "topic") && m.topic !== "")
                w.uint32(/* id 6, wireType 2 =*/50).string(m.topic);
            if (m.publisher != null && $Object.hasOwnProperty.call(m, "publisher") && m.publisher.length)
                w.uint32(/* id 7, wireType 2 =*/58).bytes(m.publisher);
            if (m.topicSeq != null && $Object.hasOwnProperty.call(m, "topicSeq") && (typeof m.topicSeq === "object" ? m.topicSeq.low || m.topicSeq.high : m.topicSeq !== 0))
                w.uint32(/* id 8, wireType 0 =*/64).uint64(m.topicSeq);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a TopicIdentityFWMessage message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.TopicIdentityFWMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.TopicIdentityFWMessage & protocol.TopicIdentityFWMessage.$Shape} TopicIdentityFWMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TopicIdentityFWMessage.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.TopicIdentityFWMessage();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.fromAlias = v;
                        else
                            delete m.fromAlias;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.identity = v;
                        else
                            delete m.identity;
                        continue;
                    }
                case 4: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.role = v;
                        else
                            delete m.role;
                        continue;
                    }
                case 5: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.body = v;
                        else
                            delete m.body;
                        continue;
                    }
                case 6: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.topic = v;
                        else
                            delete m.topic;
                        continue;
                    }
                case 7: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.publisher = v;
                        else
                            delete m.publisher;
                        continue;
                    }
                case 8: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.topicSeq = v;
                        else
                            delete m.topicSeq;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for TopicIdentityFWMessage
         * @function getTypeUrl
         * @memberof protocol.TopicIdentityFWMessage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        TopicIdentityFWMessage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.TopicIdentityFWMessage";
        };

        return TopicIdentityFWMessage;
    })();

    protocol.BatchMessage = (function() {

        /**
         * Properties of a BatchMessage.
         * @typedef {Object} protocol.BatchMessage.$Properties
         * @property {protocol.MessageType|null} [type] BatchMessage type
         * @property {Array.<Uint8Array>|null} [frames] BatchMessage frames
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a BatchMessage.
         * @memberof protocol
         * @interface IBatchMessage
         * @augments protocol.BatchMessage.$Properties
         * @deprecated Use protocol.BatchMessage.$Properties instead.
         */

        /**
         * Shape of a BatchMessage.
         * @typedef {protocol.BatchMessage.$Properties} protocol.BatchMessage.$Shape
         */

        /**
         * Constructs a new BatchMessage.
         * @memberof protocol
         * @classdesc Represents a BatchMessage.
         * @constructor
         * @param {protocol.BatchMessage.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const BatchMessage = function (p) {
            this.frames = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * BatchMessage type.
         * @member {protocol.MessageType} type
         * @memberof protocol.BatchMessage
         * @instance
         */
        BatchMessage.prototype.type = 0;

        /**
         * BatchMessage frames.
         * @member {Array.<Uint8Array>} frames
         * @memberof protocol.BatchMessage
         * @instance
         */
        BatchMessage.prototype.frames = $util.emptyArray;

        /**
         * Creates a new BatchMessage instance using the specified properties.
         * @function create
         * @memberof protocol.BatchMessage
         * @static
         * @param {protocol.BatchMessage.$Properties=} [properties] Properties to set
         * @returns {protocol.BatchMessage} BatchMessage instance
         * @type {{
         *   (properties: protocol.BatchMessage.$Shape): protocol.BatchMessage & protocol.BatchMessage.$Shape;
         *   (properties?: protocol.BatchMessage.$Properties): protocol.BatchMessage;
         * }}
         */
        BatchMessage.create = function(properties) {
            return new BatchMessage(properties);
        };

        /**
         * Encodes the specified BatchMessage message. Does not implicitly {@link protocol.BatchMessage.verify|verify} messages.
         * @function encode
         * @memberof protocol.BatchMessage
         * @static
         * @param {protocol.BatchMessage.$Properties} m BatchMessage message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        BatchMessage.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.frames != null && m.frames.length) {
                for (var i = 0; i < m.frames.length; ++i)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.frames[i]);
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a BatchMessage message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.BatchMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.BatchMessage & protocol.BatchMessage.$Shape} BatchMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        BatchMessage.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.BatchMessage();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if (!(m.frames && m.frames.length))
                            m.frames = [];
                        m.frames.push(r.bytes());
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for BatchMessage
         * @function getTypeUrl
         * @memberof protocol.BatchMessage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        BatchMessage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.BatchMessage";
        };

        return BatchMessage;
    })();

    protocol.AckMessage = (function() {

        /**
         * Properties of an AckMessage.
         * @typedef {Object} protocol.AckMessage.$Properties
         * @property {protocol.MessageType|null} [type] AckMessage type
         * @property {number|Long|null} [seq] AckMessage seq
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an AckMessage.
         * @memberof protocol
         * @interface IAckMessage
         * @augments protocol.AckMessage.$Properties
         * @deprecated Use protocol.AckMessage.$Properties instead.
         */

        /**
         * Shape of an AckMessage.
         * @typedef {protocol.AckMessage.$Properties} protocol.AckMessage.$Shape
         */

        /**
         * Constructs a new AckMessage.
         * @memberof protocol
         * @classdesc Represents an AckMessage.
         * @constructor
         * @param {protocol.AckMessage.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const AckMessage = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * AckMessage type.
         * @member {protocol.MessageType} type
         * @memberof protocol.AckMessage
         * @instance
         */
        AckMessage.prototype.type = 0;

        /**
         * AckMessage seq.
         * @member {number|Long} seq
         * @memberof protocol.AckMessage
         * @instance
         */
        AckMessage.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new AckMessage instance using the specified properties.
         * @function create
         * @memberof protocol.AckMessage
         * @static
         * @param {protocol.AckMessage.$Properties=} [properties] Properties to set
         * @returns {protocol.AckMessage} AckMessage instance
         * @type {{
         *   (properties: protocol.AckMessage.$Shape): protocol.AckMessage & protocol.AckMessage.$Shape;
         *   (properties?: protocol.AckMessage.$Properties): protocol.AckMessage;
         * }}
         */
        AckMessage.create = function(properties) {
            return new AckMessage(properties);
        };

        /**
         * Encodes the specified AckMessage message. Does not implicitly {@link protocol.AckMessage.verify|verify} messages.
         * @function encode
         * @memberof protocol.AckMessage
         * @static
         * @param {protocol.AckMessage.$Properties} m AckMessage message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        AckMessage.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.seq != null && $Object.hasOwnProperty.call(m, "seq") && (typeof m.seq === "object" ? m.seq.low || m.seq.high : m.seq !== 0))
                w.uint32(/* id 2, wireType 0 =*/16).uint64(m.seq);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes an AckMessage message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.AckMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.AckMessage & protocol.AckMessage.$Shape} AckMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        AckMessage.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.AckMessage();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.seq = v;
                        else
                            delete m.seq;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for AckMessage
         * @function getTypeUrl
         * @memberof protocol.AckMessage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        AckMessage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.AckMessage";
        };

        return AckMessage;
    })();

    protocol.GoodbyeMessage = (function() {

        /**
         * Properties of a GoodbyeMessage.
         * @typedef {Object} protocol.GoodbyeMessage.$Properties
         * @property {protocol.MessageType|null} [type] GoodbyeMessage type
         * @property {string|null} [code] GoodbyeMessage code
         * @property {string|null} [detail] GoodbyeMessage detail
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a GoodbyeMessage.
         * @memberof protocol
         * @interface IGoodbyeMessage
         * @augments protocol.GoodbyeMessage.$Properties
         * @deprecated Use protocol.GoodbyeMessage.$Properties instead.
         */

        /**
         * Shape of a GoodbyeMessage.
         * @typedef {protocol.GoodbyeMessage.$Properties} protocol.GoodbyeMessage.$Shape
         */

        /**
         * Constructs a new GoodbyeMessage.
         * @memberof protocol
         * @classdesc Represents a GoodbyeMessage.
         * @constructor
         * @param {protocol.GoodbyeMessage.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const GoodbyeMessage = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * GoodbyeMessage type.
         * @member {protocol.MessageType} type
         * @memberof protocol.GoodbyeMessage
         * @instance
         */
        GoodbyeMessage.prototype.type = 0;

        /**
         * GoodbyeMessage code.
         * @member {string} code
         * @memberof protocol.GoodbyeMessage
         * @instance
         */
        GoodbyeMessage.prototype.code = "";

        /**
         * GoodbyeMessage detail.
         * @member {string} detail
         * @memberof protocol.GoodbyeMessage
         * @instance
         */
        GoodbyeMessage.prototype.detail = "";

        /**
         * Creates a new GoodbyeMessage instance using the specified properties.
         * @function create
         * @memberof protocol.GoodbyeMessage
         * @static
         * @param {protocol.GoodbyeMessage.$Properties=} [properties] Properties to set
         * @returns {protocol.GoodbyeMessage} GoodbyeMessage instance
         * @type {{
         *   (properties: protocol.GoodbyeMessage.$Shape): protocol.GoodbyeMessage & protocol.GoodbyeMessage.$Shape;
         *   (properties?: protocol.GoodbyeMessage.$Properties): protocol.GoodbyeMessage;
         * }}
         */
        GoodbyeMessage.create = function(properties) {
            return new GoodbyeMessage(properties);
        };

        /**
         * Encodes the specified GoodbyeMessage message. Does not implicitly {@link protocol.GoodbyeMessage.verify|verify} messages.
         * @function encode
         * @memberof protocol.GoodbyeMessage
         * @static
         * @param {protocol.GoodbyeMessage.$Properties} m GoodbyeMessage message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        GoodbyeMessage.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.code != null && $Object.hasOwnProperty.call(m, "code") && m.code !== "")
                w.uint32(/* id 2, wireType 2 =*/18).string(m.code);
            if (m.detail != null && $Object.hasOwnProperty.call(m, "detail") && m.detail !== "")
                w.uint32(/* id 3, wireType 2 =*/26).string(m.detail);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a GoodbyeMessage message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.GoodbyeMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.GoodbyeMessage & protocol.GoodbyeMessage.$Shape} GoodbyeMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        GoodbyeMessage.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.GoodbyeMessage();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.code = v;
                        else
                            delete m.code;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.detail = v;
                        else
                            delete m.detail;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for GoodbyeMessage
         * @function getTypeUrl
         * @memberof protocol.GoodbyeMessage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        GoodbyeMessage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.GoodbyeMessage";
        };

        return GoodbyeMessage;
    })();

    protocol.RecoverPosition = (function() {

        /**
         * Properties of a RecoverPosition.
         * @typedef {Object} protocol.RecoverPosition.$Properties
         * @property {Uint8Array|null} [publisher] RecoverPosition publisher
         * @property {number|Long|null} [topicSeq] RecoverPosition topicSeq
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RecoverPosition.
         * @memberof protocol
         * @interface IRecoverPosition
         * @augments protocol.RecoverPosition.$Properties
         * @deprecated Use protocol.RecoverPosition.$Properties instead.
         */

        /**
         * Shape of a RecoverPosition.
         * @typedef {protocol.RecoverPosition.$Properties} protocol.RecoverPosition.$Shape
         */

        /**
         * Constructs a new RecoverPosition.
         * @memberof protocol
         * @classdesc Represents a RecoverPosition.
         * @constructor
         * @param {protocol.RecoverPosition.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RecoverPosition = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * RecoverPosition publisher.
         * @member {Uint8Array} publisher
         * @memberof protocol.RecoverPosition
         * @instance
         */
        RecoverPosition.prototype.publisher = $util.newBuffer([]);

        /**
         * RecoverPosition topicSeq.
         * @member {number|Long} topicSeq
         * @memberof protocol.RecoverPosition
         * @instance
         */
        RecoverPosition.prototype.topicSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new RecoverPosition instance using the specified properties.
         * @function create
         * @memberof protocol.RecoverPosition
         * @static
         * @param {protocol.RecoverPosition.$Properties=} [properties] Properties to set
         * @returns {protocol.RecoverPosition} RecoverPosition instance
         * @type {{
         *   (properties: protocol.RecoverPosition.$Shape): protocol.RecoverPosition & protocol.RecoverPosition.$Shape;
         *   (properties?: protocol.RecoverPosition.$Properties): protocol.RecoverPosition;
         * }}
         */
        RecoverPosition.create = function(properties) {
            return new RecoverPosition(properties);
        };

        /**
         * Encodes the specified RecoverPosition message. Does not implicitly {@link protocol.RecoverPosition.verify|verify} messages.
         * @function encode
         * @memberof protocol.RecoverPosition
         * @static
         * @param {protocol.RecoverPosition.$Properties} m RecoverPosition message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RecoverPosition.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.publisher != null && $Object.hasOwnProperty.call(m, "publisher") && m.publisher.length)
                w.uint32(/* id 1, wireType 2 =*/10).bytes(m.publisher);
            if (m.topicSeq != null && $Object.hasOwnProperty.call(m, "topicSeq") && (typeof m.topicSeq === "object" ? m.topicSeq.low || m.topicSeq.high : m.topicSeq !== 0))
                w.uint32(/* id 2, wireType 0 =*/16).uint64(m.topicSeq);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a RecoverPosition message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.RecoverPosition
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.RecoverPosition & protocol.RecoverPosition.$Shape} RecoverPosition
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RecoverPosition.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.RecoverPosition();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.publisher = v;
                        else
                            delete m.publisher;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.topicSeq = v;
                        else
                            delete m.topicSeq;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for RecoverPosition
         * @function getTypeUrl
         * @memberof protocol.RecoverPosition
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        RecoverPosition.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.RecoverPosition";
        };

        return RecoverPosition;
    })();

    protocol.RecoverMessage = (function() {

        /**
         * Properties of a RecoverMessage.
         * @typedef {Object} protocol.RecoverMessage.$Properties
         * @property {protocol.MessageType|null} [type] RecoverMessage type
         * @property {string|null} [topic] RecoverMessage topic
         * @property {Array.<protocol.RecoverPosition.$Properties>|null} [positions] RecoverMessage positions
         * @property {number|Long|null} [sinceMs] RecoverMessage sinceMs
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RecoverMessage.
         * @memberof protocol
         * @interface IRecoverMessage
         * @augments protocol.RecoverMessage.$Properties
         * @deprecated Use protocol.RecoverMessage.$Properties instead.
         */

        /**
         * Shape of a RecoverMessage.
         * @typedef {protocol.RecoverMessage.$Properties} protocol.RecoverMessage.$Shape
         */

        /**
         * Constructs a new RecoverMessage.
         * @memberof protocol
         * @classdesc Represents a RecoverMessage.
         * @constructor
         * @param {protocol.RecoverMessage.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RecoverMessage = function (p) {
            this.positions = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * RecoverMessage type.
         * @member {protocol.MessageType} type
         * @memberof protocol.RecoverMessage
         * @instance
         */
        RecoverMessage.prototype.type = 0;

        /**
         * RecoverMessage topic.
         * @member {string} topic
         * @memberof protocol.RecoverMessage
         * @instance
         */
        RecoverMessage.prototype.topic = "";

        /**
         * RecoverMessage positions.
         * @member {Array.<protocol.RecoverPosition.$Properties>} positions
         * @memberof protocol.RecoverMessage
         * @instance
         */
        RecoverMessage.prototype.positions = $util.emptyArray;

        /**
         * RecoverMessage sinceMs.
         * @member {number|Long} sinceMs
         * @memberof protocol.RecoverMessage
         * @instance
         */
        RecoverMessage.prototype.sinceMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new RecoverMessage instance using the specified properties.
         * @function create
         * @memberof protocol.RecoverMessage
         * @static
         * @param {protocol.RecoverMessage.$Properties=} [properties] Properties to set
         * @returns {protocol.RecoverMessage} RecoverMessage instance
         * @type {{
         *   (properties: protocol.RecoverMessage.$Shape): protocol.RecoverMessage & protocol.RecoverMessage.$Shape;
         *   (properties?: protocol.RecoverMessage.$Properties): protocol.RecoverMessage;
         * }}
         */
        RecoverMessage.create = function(properties) {
            return new RecoverMessage(properties);
        };

        /**
         * Encodes the specified RecoverMessage message. Does not implicitly {@link protocol.RecoverMessage.verify|verify} messages.
         * @function encode
         * @memberof protocol.RecoverMessage
         * @static
         * @param {protocol.RecoverMessage.$Properties} m RecoverMessage message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RecoverMessage.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.topic != null && $Object.hasOwnProperty.call(m, "topic") && m.topic !== "")
                w.uint32(/* id 2, wireType 2 =*/18).string(m.topic);
            if (m.positions != null && m.positions.length) {
                for (var i = 0; i < m.positions.length; ++i)
                    $root.protocol.RecoverPosition.encode(m.positions[i], w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
            }
            if (m.sinceMs != null && $Object.hasOwnProperty.call(m, "sinceMs") && (typeof m.sinceMs === "object" ? m.sinceMs.low || m.sinceMs.high : m.sinceMs !== 0))
                w.uint32(/* id 4, wireType 0 =*/32).uint64(m.sinceMs);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a RecoverMessage message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.RecoverMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.RecoverMessage & protocol.RecoverMessage.$Shape} RecoverMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RecoverMessage.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.RecoverMessage();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.topic = v;
                        else
                            delete m.topic;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if (!(m.positions && m.positions.length))
                            m.positions = [];
                        m.positions.push($root.protocol.RecoverPosition.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 4: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.sinceMs = v;
                        else
                            delete m.sinceMs;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for RecoverMessage
         * @function getTypeUrl
         * @memberof protocol.RecoverMessage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        RecoverMessage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.RecoverMessage";
        };

        return RecoverMessage;
    })();

    protocol.RecoveredMessage = (function() {

        /**
         * Properties of a RecoveredMessage.
         * @typedef {Object} protocol.RecoveredMessage.$Properties
         * @property {protocol.MessageType|null} [type] RecoveredMessage type
         * @property {string|null} [topic] RecoveredMessage topic
         * @property {Array.<Uint8Array>|null} [frames] RecoveredMessage frames
         * @property {Array.<protocol.RecoverPosition.$Properties>|null} [highest] RecoveredMessage highest
         * @property {boolean|null} [last] RecoveredMessage last
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RecoveredMessage.
         * @memberof protocol
         * @interface IRecoveredMessage
         * @augments protocol.RecoveredMessage.$Properties
         * @deprecated Use protocol.RecoveredMessage.$Properties instead.
         */

        /**
         * Shape of a RecoveredMessage.
         * @typedef {protocol.RecoveredMessage.$Properties} protocol.RecoveredMessage.$Shape
         */

        /**
         * Constructs a new RecoveredMessage.
         * @memberof protocol
         * @classdesc Represents a RecoveredMessage.
         * @constructor
         * @param {protocol.RecoveredMessage.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RecoveredMessage = function (p) {
            this.frames = [];
            this.highest = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * RecoveredMessage type.
         * @member {protocol.MessageType} type
         * @memberof protocol.RecoveredMessage
         * @instance
         */
        RecoveredMessage.prototype.type = 0;

        /**
         * RecoveredMessage topic.
         * @member {string} topic
         * @memberof protocol.RecoveredMessage
         * @instance
         */
        RecoveredMessage.prototype.topic = "";

        /**
         * RecoveredMessage frames.
         * @member {Array.<Uint8Array>} frames
         * @memberof protocol.RecoveredMessage
         * @instance
         */
        RecoveredMessage.prototype.frames = $util.emptyArray;

        /**
         * RecoveredMessage highest.
         * @member {Array.<protocol.RecoverPosition.$Properties>} highest
         * @memberof protocol.RecoveredMessage
         * @instance
         */
        RecoveredMessage.prototype.highest = $util.emptyArray;

        /**
         * RecoveredMessage last.
         * @member {boolean} last
         * @memberof protocol.RecoveredMessage
         * @instance
         */
        RecoveredMessage.prototype.last = false;

        /**
         * Creates a new RecoveredMessage instance using the specified properties.
         * @function create
         * @memberof protocol.RecoveredMessage
         * @static
         * @param {protocol.RecoveredMessage.$Properties=} [properties] Properties to set
         * @returns {protocol.RecoveredMessage} RecoveredMessage instance
         * @type {{
         *   (properties: protocol.RecoveredMessage.$Shape): protocol.RecoveredMessage & protocol.RecoveredMessage.$Shape;
         *   (properties?: protocol.RecoveredMessage.$Properties): protocol.RecoveredMessage;
         * }}
         */
        RecoveredMessage.create = function(properties) {
            return new RecoveredMessage(properties);
        };

        /**
         * Encodes the specified RecoveredMessage message. Does not implicitly {@link protocol.RecoveredMessage.verify|verify} messages.
         * @function encode
         * @memberof protocol.RecoveredMessage
         * @static
         * @param {protocol.RecoveredMessage.$Properties} m RecoveredMessage message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RecoveredMessage.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.topic != null && $Object.hasOwnProperty.call(m, "topic") && m.topic !== "")
                w.uint32(/* id 2, wireType 2 =*/18).string(m.topic);
            if (m.frames != null && m.frames.length) {
                for (var i = 0; i < m.frames.length; ++i)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.frames[i]);
            }
            if (m.highest != null && m.highest.length) {
                for (var i = 0; i < m.highest.length; ++i)
                    $root.protocol.RecoverPosition.encode(m.highest[i], w.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
            }
            if (m.last != null && $Object.hasOwnProperty.call(m, "last") && m.last !== false)
                w.uint32(/* id 5, wireType 0 =*/40).bool(m.last);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a RecoveredMessage message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.RecoveredMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.RecoveredMessage & protocol.RecoveredMessage.$Shape} RecoveredMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RecoveredMessage.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.RecoveredMessage();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.topic = v;
                        else
                            delete m.topic;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if (!(m.frames && m.frames.length))
                            m.frames = [];
                        m.frames.push(r.bytes());
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if (!(m.highest && m.highest.length))
                            m.highest = [];
                        m.highest.push($root.protocol.RecoverPosition.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 5: {
                        if (u !== 0)
                            break;
                        if (v = r.bool())
                            m.last = v;
                        else
                            delete m.last;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for RecoveredMessage
         * @function getTypeUrl
         * @memberof protocol.RecoveredMessage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        RecoveredMessage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.RecoveredMessage";
        };

        return RecoveredMessage;
    })();

    protocol.HistoryMessage = (function() {

        /**
         * Properties of a HistoryMessage.
         * @typedef {Object} protocol.HistoryMessage.$Properties
         * @property {protocol.MessageType|null} [type] HistoryMessage type
         * @property {number|Long|null} [requestId] HistoryMessage requestId
         * @property {string|null} [topic] HistoryMessage topic
         * @property {boolean|null} [reply] HistoryMessage reply
         * @property {Array.<protocol.RecoverPosition.$Properties>|null} [positions] HistoryMessage positions
         * @property {number|Long|null} [sinceMs] HistoryMessage sinceMs
         * @property {Array.<Uint8Array>|null} [frames] HistoryMessage frames
         * @property {Array.<protocol.RecoverPosition.$Properties>|null} [evicted] HistoryMessage evicted
         * @property {boolean|null} [last] HistoryMessage last
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a HistoryMessage.
         * @memberof protocol
         * @interface IHistoryMessage
         * @augments protocol.HistoryMessage.$Properties
         * @deprecated Use protocol.HistoryMessage.$Properties instead.
         */

        /**
         * Shape of a HistoryMessage.
         * @typedef {protocol.HistoryMessage.$Properties} protocol.HistoryMessage.$Shape
         */

        /**
         * Constructs a new HistoryMessage.
         * @memberof protocol
         * @classdesc Represents a HistoryMessage.
         * @constructor
         * @param {protocol.HistoryMessage.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const HistoryMessage = function (p) {
            this.positions = [];
            this.frames = [];
            this.evicted = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * HistoryMessage type.
         * @member {protocol.MessageType} type
         * @memberof protocol.HistoryMessage
         * @instance
         */
        HistoryMessage.prototype.type = 0;

        /**
         * HistoryMessage requestId.
         * @member {number|Long} requestId
         * @memberof protocol.HistoryMessage
         * @instance
         */
        HistoryMessage.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * HistoryMessage topic.
         * @member {string} topic
         * @memberof protocol.HistoryMessage
         * @instance
         */
        HistoryMessage.prototype.topic = "";

        /**
         * HistoryMessage reply.
         * @member {boolean} reply
         * @memberof protocol.HistoryMessage
         * @instance
         */
        HistoryMessage.prototype.reply = false;

        /**
         * HistoryMessage positions.
         * @member {Array.<protocol.RecoverPosition.$Properties>} positions
         * @memberof protocol.HistoryMessage
         * @instance
         */
        HistoryMessage.prototype.positions = $util.emptyArray;

        /**
         * HistoryMessage sinceMs.
         * @member {number|Long} sinceMs
         * @memberof protocol.HistoryMessage
         * @instance
         */
        HistoryMessage.prototype.sinceMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * HistoryMessage frames.
         * @member {Array.<Uint8Array>} frames
         * @memberof protocol.HistoryMessage
         * @instance
         */
        HistoryMessage.prototype.frames = $util.emptyArray;

        /**
         * HistoryMessage evicted.
         * @member {Array.<protocol.RecoverPosition.$Properties>} evicted
         * @memberof protocol.HistoryMessage
         * @instance
         */
        HistoryMessage.prototype.evicted = $util.emptyArray;

        /**
         * HistoryMessage last.
         * @member {boolean} last
         * @memberof protocol.HistoryMessage
         * @instance
         */
        HistoryMessage.prototype.last = false;

        /**
         * Creates a new HistoryMessage instance using the specified properties.
         * @function create
         * @memberof protocol.HistoryMessage
         * @static
         * @param {protocol.HistoryMessage.$Properties=} [properties] Properties to set
         * @returns {protocol.HistoryMessage} HistoryMessage instance
         * @type {{
         *   (properties: protocol.HistoryMessage.$Shape): protocol.HistoryMessage & protocol.HistoryMessage.$Shape;
         *   (properties?: protocol.HistoryMessage.$Properties): protocol.HistoryMessage;
         * }}
         */
        HistoryMessage.create = function(properties) {
            return new HistoryMessage(properties);
        };

        /**
         * Encodes the specified HistoryMessage message. Does not implicitly {@link protocol.HistoryMessage.verify|verify} messages.
         * @function encode
         * @memberof protocol.HistoryMessage
         * @static
         * @param {protocol.HistoryMessage.$Properties} m HistoryMessage message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        HistoryMessage.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.requestId != null && $Object.hasOwnProperty.call(m, "requestId") && (typeof m.requestId === "object" ? m.requestId.low || m.requestId.high : m.requestId !== 0))
                w.uint32(/* id 2, wireType 0 =*/16).uint64(m.requestId);
            if (m.topic != null && $Object.hasOwnProperty.call(m, "topic") && m.topic !== "")
                w.uint32(/* id 3, wireType 2 =*/26).string(m.topic);
            if (m.reply != null && $Object.hasOwnProperty.call(m, "reply") && m.reply !== false)
                w.uint32(/* id 4, wireType 0 =*/32).bool(m.reply);
            if (m.positions != null && m.positions.length) {
                for (var i = 0; i < m.positions.length; ++i)
                    $root.protocol.RecoverPosition.encode(m.positions[i], w.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
            }
            if (m.sinceMs != null && $Object.hasOwnProperty.call(m, "sinceMs") && (typeof m.sinceMs === "object" ? m.sinceMs.low || m.sinceMs.high : m.sinceMs !== 0))
                w.uint32(/* id 6, wireType 0 =*/48).uint64(m.sinceMs);
            if (m.frames != null && m.frames.length) {
                for (var i = 0; i < m.frames.length; ++i)
                    w.uint32(/* id 7, wireType 2 =*/58).bytes(m.frames[i]);
            }
            if (m.evicted != null && m.evicted.length) {
                for (var i = 0; i < m.evicted.length; ++i)
                    $root.protocol.RecoverPosition.encode(m.evicted[i], w.uint32(/* id 8, wireType 2 =*/66).fork(), q + 1).ldelim();
            }
            if (m.last != null && $Object.hasOwnProperty.call(m, "last") && m.last !== false)
                w.uint32(/* id 9, wireType 0 =*/72).bool(m.last);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a HistoryMessage message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.HistoryMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.HistoryMessage & protocol.HistoryMessage.$Shape} HistoryMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        HistoryMessage.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.HistoryMessage();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.requestId = v;
                        else
                            delete m.requestId;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.topic = v;
                        else
                            delete m.topic;
                        continue;
                    }
                case 4: {
                        if (u !== 0)
                            break;
                        if (v = r.bool())
                            m.reply = v;
                        else
                            delete m.reply;
                        continue;
                    }
                case 5: {
                        if (u !== 2)
                            break;
                        if (!(m.positions && m.positions.length))
                            m.positions = [];
                        m.positions.push($root.protocol.RecoverPosition.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 6: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.sinceMs = v;
                        else
                            delete m.sinceMs;
                        continue;
                    }
                case 7: {
                        if (u !== 2)
                            break;
                        if (!(m.frames && m.frames.length))
                            m.frames = [];
                        m.frames.push(r.bytes());
                        continue;
                    }
                case 8: {
                        if (u !== 2)
                            break;
                        if (!(m.evicted && m.evicted.length))
                            m.evicted = [];
                        m.evicted.push($root.protocol.RecoverPosition.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 9: {
                        if (u !== 0)
                            break;
                        if (v = r.bool())
                            m.last = v;
                        else
                            delete m.last;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for HistoryMessage
         * @function getTypeUrl
         * @memberof protocol.HistoryMessage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        HistoryMessage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.HistoryMessage";
        };

        return HistoryMessage;
    })();

    /**
     * LeaveReason enum.
     * @name protocol.LeaveReason
     * @enum {number}
     * @property {number} UNKNOWN_LEAVE_REASON=0 UNKNOWN_LEAVE_REASON value
     * @property {number} UNSUBSCRIBED=1 UNSUBSCRIBED value
     * @property {number} DISCONNECTED=2 DISCONNECTED value
     * @property {number} KICKED=3 KICKED value
     */
    protocol.LeaveReason = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "UNKNOWN_LEAVE_REASON"] = 0;
        values[valuesById[1] = "UNSUBSCRIBED"] = 1;
        values[valuesById[2] = "DISCONNECTED"] = 2;
        values[valuesById[3] = "KICKED"] = 3;
        return values;
    })();

    protocol.Member = (function() {

        /**
         * Properties of a Member.
         * @typedef {Object} protocol.Member.$Properties
         * @property {number|Long|null} [alias] Member alias
         * @property {Uint8Array|null} [identity] Member identity
         * @property {number|Long|null} [serverAlias] Member serverAlias
         * @property {Uint8Array|null} [clientId] Member clientId
         * @property {protocol.LeaveReason|null} [reason] Member reason
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Member.
         * @memberof protocol
         * @interface IMember
         * @augments protocol.Member.$Properties
         * @deprecated Use protocol.Member.$Properties instead.
         */

        /**
         * Shape of a Member.
         * @typedef {protocol.Member.$Properties} protocol.Member.$Shape
         */

        /**
         * Constructs a new Member.
         * @memberof protocol
         * @classdesc Represents a Member.
         * @constructor
         * @param {protocol.Member.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Member = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * Member alias.
         * @member {number|Long} alias
         * @memberof protocol.Member
         * @instance
         */
        Member.prototype.alias = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Member identity.
         * @member {Uint8Array} identity
         * @memberof protocol.Member
         * @instance
         */
        Member.prototype.identity = $util.newBuffer([]);

        /**
         * Member serverAlias.
         * @member {number|Long} serverAlias
         * @memberof protocol.Member
         * @instance
         */
        Member.prototype.serverAlias = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Member clientId.
         * @member {Uint8Array} clientId
         * @memberof protocol.Member
         * @instance
         */
        Member.prototype.clientId = $util.newBuffer([]);

        /**
         * Member reason.
         * @member {protocol.LeaveReason} reason
         * @memberof protocol.Member
         * @instance
         */
        Member.prototype.reason = 0;

        /**
         * Creates a new Member instance using the specified properties.
         * @function create
         * @memberof protocol.Member
         * @static
         * @param {protocol.Member.$Properties=} [properties] Properties to set
         * @returns {protocol.Member} Member instance
         * @type {{
         *   (properties: protocol.Member.$Shape): protocol.Member & protocol.Member.$Shape;
         *   (properties?: protocol.Member.$Properties): protocol.Member;
         * }}
         */
        Member.create = function(properties) {
            return new Member(properties);
        };

        /**
         * Encodes the specified Member message. Does not implicitly {@link protocol.Member.verify|verify} messages.
         * @function encode
         * @memberof protocol.Member
         * @static
         * @param {protocol.Member.$Properties} m Member message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Member.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.alias != null && $Object.hasOwnProperty.call(m, "alias") && (typeof m.alias === "object" ? m.alias.low || m.alias.high : m.alias !== 0))
                w.uint32(/* id 1, wireType 0 =*/8).uint64(m.alias);
            if (m.identity != null && $Object.hasOwnProperty.call(m, "identity") && m.identity.length)
                w.uint32(/* id 2, wireType 2 =*/18).bytes(m.identity);
            if (m.serverAlias != null && $Object.hasOwnProperty.call(m, "serverAlias") && (typeof m.serverAlias === "object" ? m.serverAlias.low || m.serverAlias.high : m.serverAlias !== 0))
                w.uint32(/* id 3, wireType 0 =*/24).uint64(m.serverAlias);
            if (m.clientId != null && $Object.hasOwnProperty.call(m, "clientId") && m.clientId.length)
                w.uint32(/* id 4, wireType 2 =*/34).bytes(m.clientId);
            if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== 0)
                w.uint32(/* id 5, wireType 0 =*/40).int32(m.reason);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a Member message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.Member
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.Member & protocol.Member.$Shape} Member
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Member.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.Member();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.alias = v;
                        else
                            delete m.alias;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.identity = v;
                        else
                            delete m.identity;
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.serverAlias = v;
                        else
                            delete m.serverAlias;
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.clientId = v;
                        else
                            delete m.clientId;
                        continue;
                    }
                case 5: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.reason = v;
                        else
                            delete m.reason;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for Member
         * @function getTypeUrl
         * @memberof protocol.Member
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Member.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.Member";
        };

        return Member;
    })();

    protocol.TopicMembers = (function() {

        /**
         * Properties of a TopicMembers.
         * @typedef {Object} protocol.TopicMembers.$Properties
         * @property {string|null} [topic] TopicMembers topic
         * @property {Array.<protocol.Member.$Properties>|null} [joined] TopicMembers joined
         * @property {Array.<protocol.Member.$Properties>|null} [left] TopicMembers left
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TopicMembers.
         * @memberof protocol
         * @interface ITopicMembers
         * @augments protocol.TopicMembers.$Properties
         * @deprecated Use protocol.TopicMembers.$Properties instead.
         */

        /**
         * Shape of a TopicMembers.
         * @typedef {protocol.TopicMembers.$Properties} protocol.TopicMembers.$Shape
         */

        /**
         * Constructs a new TopicMembers.
         * @memberof protocol
         * @classdesc Represents a TopicMembers.
         * @constructor
         * @param {protocol.TopicMembers.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TopicMembers = function (p) {
            this.joined = [];
            this.left = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * TopicMembers topic.
         * @member {string} topic
         * @memberof protocol.TopicMembers
         * @instance
         */
        TopicMembers.prototype.topic = "";

        /**
         * TopicMembers joined.
         * @member {Array.<protocol.Member.$Properties>} joined
         * @memberof protocol.TopicMembers
         * @instance
         */
        TopicMembers.prototype.joined = $util.emptyArray;

        /**
         * TopicMembers left.
         * @member {Array.<protocol.Member.$Properties>} left
         * @memberof protocol.TopicMembers
         * @instance
         */
        TopicMembers.prototype.left = $util.emptyArray;

        /**
         * Creates a new TopicMembers instance using the specified properties.
         * @function create
         * @memberof protocol.TopicMembers
         * @static
         * @param {protocol.TopicMembers.$Properties=} [properties] Properties to set
         * @returns {protocol.TopicMembers} TopicMembers instance
         * @type {{
         *   (properties: protocol.TopicMembers.$Shape): protocol.TopicMembers & protocol.TopicMembers.$Shape;
         *   (properties?: protocol.TopicMembers.$Properties): protocol.TopicMembers;
         * }}
         */
        TopicMembers.create = function(properties) {
            return new TopicMembers(properties);
        };

        /**
         * Encodes the specified TopicMembers message. Does not implicitly {@link protocol.TopicMembers.verify|verify} messages.
         * @function encode
         * @memberof protocol.TopicMembers
         * @static
         * @param {protocol.TopicMembers.$Properties} m TopicMembers message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TopicMembers.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.topic != null && $Object.hasOwnProperty.call(m, "topic") && m.topic !== "")
                w.uint32(/* id 1, wireType 2 =*/10).string(m.topic);
            if (m.joined != null && m.joined.length) {
                for (var i = 0; i < m.joined.length; ++i)
                    $root.protocol.Member.encode(m.joined[i], w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
            }
            if (m.left != null && m.left.length) {
                for (var i = 0; i < m.left.length; ++i)
                    $root.protocol.Member.encode(m.left[i], w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a TopicMembers message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.TopicMembers
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.TopicMembers & protocol.TopicMembers.$Shape} TopicMembers
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TopicMembers.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.TopicMembers();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.topic = v;
                        else
                            delete m.topic;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if (!(m.joined && m.joined.length))
                            m.joined = [];
                        m.joined.push($root.protocol.Member.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if (!(m.left && m.left.length))
                            m.left = [];
                        m.left.push($root.protocol.Member.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for TopicMembers
         * @function getTypeUrl
         * @memberof protocol.TopicMembers
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        TopicMembers.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.TopicMembers";
        };

        return TopicMembers;
    })();

    protocol.PresenceMessage = (function() {

        /**
         * Properties of a PresenceMessage.
         * @typedef {Object} protocol.PresenceMessage.$Properties
         * @property {protocol.MessageType|null} [type] PresenceMessage type
         * @property {number|Long|null} [requestId] PresenceMessage requestId
         * @property {string|null} [topic] PresenceMessage topic
         * @property {Array.<protocol.Member.$Properties>|null} [members] PresenceMessage members
         * @property {boolean|null} [truncated] PresenceMessage truncated
         * @property {string|null} [error] PresenceMessage error
         * @property {boolean|null} [more] PresenceMessage more
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a PresenceMessage.
         * @memberof protocol
         * @interface IPresenceMessage
         * @augments protocol.PresenceMessage.$Properties
         * @deprecated Use protocol.PresenceMessage.$Properties instead.
         */

        /**
         * Shape of a PresenceMessage.
         * @typedef {protocol.PresenceMessage.$Properties} protocol.PresenceMessage.$Shape
         */

        /**
         * Constructs a new PresenceMessage.
         * @memberof protocol
         * @classdesc Represents a PresenceMessage.
         * @constructor
         * @param {protocol.PresenceMessage.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const PresenceMessage = function (p) {
            this.members = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * PresenceMessage type.
         * @member {protocol.MessageType} type
         * @memberof protocol.PresenceMessage
         * @instance
         */
        PresenceMessage.prototype.type = 0;

        /**
         * PresenceMessage requestId.
         * @member {number|Long} requestId
         * @memberof protocol.PresenceMessage
         * @instance
         */
        PresenceMessage.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * PresenceMessage topic.
         * @member {string} topic
         * @memberof protocol.PresenceMessage
         * @instance
         */
        PresenceMessage.prototype.topic = "";

        /**
         * PresenceMessage members.
         * @member {Array.<protocol.Member.$Properties>} members
         * @memberof protocol.PresenceMessage
         * @instance
         */
        PresenceMessage.prototype.members = $util.emptyArray;

        /**
         * PresenceMessage truncated.
         * @member {boolean} truncated
         * @memberof protocol.PresenceMessage
         * @instance
         */
        PresenceMessage.prototype.truncated = false;

        /**
         * PresenceMessage error.
         * @member {string} error
         * @memberof protocol.PresenceMessage
         * @instance
         */
        PresenceMessage.prototype.error = "";

        /**
         * PresenceMessage more.
         * @member {boolean} more
         * @memberof protocol.PresenceMessage
         * @instance
         */
        PresenceMessage.prototype.more = false;

        /**
         * Creates a new PresenceMessage instance using the specified properties.
         * @function create
         * @memberof protocol.PresenceMessage
         * @static
         * @param {protocol.PresenceMessage.$Properties=} [properties] Properties to set
         * @returns {protocol.PresenceMessage} PresenceMessage instance
         * @type {{
         *   (properties: protocol.PresenceMessage.$Shape): protocol.PresenceMessage & protocol.PresenceMessage.$Shape;
         *   (properties?: protocol.PresenceMessage.$Properties): protocol.PresenceMessage;
         * }}
         */
        PresenceMessage.create = function(properties) {
            return new PresenceMessage(properties);
        };

        /**
         * Encodes the specified PresenceMessage message. Does not implicitly {@link protocol.PresenceMessage.verify|verify} messages.
         * @function encode
         * @memberof protocol.PresenceMessage
         * @static
         * @param {protocol.PresenceMessage.$Properties} m PresenceMessage message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        PresenceMessage.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.requestId != null && $Object.hasOwnProperty.call(m, "requestId") && (typeof m.requestId === "object" ? m.requestId.low || m.requestId.high : m.requestId !== 0))
                w.uint32(/* id 2, wireType 0 =*/16).uint64(m.requestId);
            if (m.topic != null && $Object.hasOwnProperty.call(m, "topic") && m.topic !== "")
                w.uint32(/* id 3, wireType 2 =*/26).string(m.topic);
            if (m.members != null && m.members.length) {
                for (var i = 0; i < m.members.length; ++i)
                    $root.protocol.Member.encode(m.members[i], w.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
            }
            if (m.truncated != null && $Object.hasOwnProperty.call(m, "truncated") && m.truncated !== false)
                w.uint32(/* id 5, wireType 0 =*/40).bool(m.truncated);
            if (m.error != null && $Object.hasOwnProperty.call(m, "error") && m.error !== "")
                w.uint32(/* id 6, wireType 2 =*/50).string(m.error);
            if (m.more != null && $Object.hasOwnProperty.call(m, "more") && m.more !== false)
                w.uint32(/* id 7, wireType 0 =*/56).bool(m.more);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a PresenceMessage message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.PresenceMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.PresenceMessage & protocol.PresenceMessage.$Shape} PresenceMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        PresenceMessage.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.PresenceMessage();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.requestId = v;
                        else
                            delete m.requestId;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.topic = v;
                        else
                            delete m.topic;
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if (!(m.members && m.members.length))
                            m.members = [];
                        m.members.push($root.protocol.Member.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 5: {
                        if (u !== 0)
                            break;
                        if (v = r.bool())
                            m.truncated = v;
                        else
                            delete m.truncated;
                        continue;
                    }
                case 6: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.error = v;
                        else
                            delete m.error;
                        continue;
                    }
                case 7: {
                        if (u !== 0)
                            break;
                        if (v = r.bool())
                            m.more = v;
                        else
                            delete m.more;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for PresenceMessage
         * @function getTypeUrl
         * @memberof protocol.PresenceMessage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        PresenceMessage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.PresenceMessage";
        };

        return PresenceMessage;
    })();

    protocol.MembersMessage = (function() {

        /**
         * Properties of a MembersMessage.
         * @typedef {Object} protocol.MembersMessage.$Properties
         * @property {protocol.MessageType|null} [type] MembersMessage type
         * @property {Array.<protocol.TopicMembers.$Properties>|null} [topics] MembersMessage topics
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a MembersMessage.
         * @memberof protocol
         * @interface IMembersMessage
         * @augments protocol.MembersMessage.$Properties
         * @deprecated Use protocol.MembersMessage.$Properties instead.
         */

        /**
         * Shape of a MembersMessage.
         * @typedef {protocol.MembersMessage.$Properties} protocol.MembersMessage.$Shape
         */

        /**
         * Constructs a new MembersMessage.
         * @memberof protocol
         * @classdesc Represents a MembersMessage.
         * @constructor
         * @param {protocol.MembersMessage.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const MembersMessage = function (p) {
            this.topics = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * MembersMessage type.
         * @member {protocol.MessageType} type
         * @memberof protocol.MembersMessage
         * @instance
         */
        MembersMessage.prototype.type = 0;

        /**
         * MembersMessage topics.
         * @member {Array.<protocol.TopicMembers.$Properties>} topics
         * @memberof protocol.MembersMessage
         * @instance
         */
        MembersMessage.prototype.topics = $util.emptyArray;

        /**
         * Creates a new MembersMessage instance using the specified properties.
         * @function create
         * @memberof protocol.MembersMessage
         * @static
         * @param {protocol.MembersMessage.$Properties=} [properties] Properties to set
         * @returns {protocol.MembersMessage} MembersMessage instance
         * @type {{
         *   (properties: protocol.MembersMessage.$Shape): protocol.MembersMessage & protocol.MembersMessage.$Shape;
         *   (properties?: protocol.MembersMessage.$Properties): protocol.MembersMessage;
         * }}
         */
        MembersMessage.create = function(properties) {
            return new MembersMessage(properties);
        };

        /**
         * Encodes the specified MembersMessage message. Does not implicitly {@link protocol.MembersMessage.verify|verify} messages.
         * @function encode
         * @memberof protocol.MembersMessage
         * @static
         * @param {protocol.MembersMessage.$Properties} m MembersMessage message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        MembersMessage.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.topics != null && m.topics.length) {
                for (var i = 0; i < m.topics.length; ++i)
                    $root.protocol.TopicMembers.encode(m.topics[i], w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a MembersMessage message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.MembersMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.MembersMessage & protocol.MembersMessage.$Shape} MembersMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        MembersMessage.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.MembersMessage();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if (!(m.topics && m.topics.length))
                            m.topics = [];
                        m.topics.push($root.protocol.TopicMembers.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for MembersMessage
         * @function getTypeUrl
         * @memberof protocol.MembersMessage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        MembersMessage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.MembersMessage";
        };

        return MembersMessage;
    })();

    protocol.MemberDeltaMessage = (function() {

        /**
         * Properties of a MemberDeltaMessage.
         * @typedef {Object} protocol.MemberDeltaMessage.$Properties
         * @property {protocol.MessageType|null} [type] MemberDeltaMessage type
         * @property {boolean|null} [full] MemberDeltaMessage full
         * @property {Array.<protocol.TopicMembers.$Properties>|null} [topics] MemberDeltaMessage topics
         * @property {boolean|null} [more] MemberDeltaMessage more
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a MemberDeltaMessage.
         * @memberof protocol
         * @interface IMemberDeltaMessage
         * @augments protocol.MemberDeltaMessage.$Properties
         * @deprecated Use protocol.MemberDeltaMessage.$Properties instead.
         */

        /**
         * Shape of a MemberDeltaMessage.
         * @typedef {protocol.MemberDeltaMessage.$Properties} protocol.MemberDeltaMessage.$Shape
         */

        /**
         * Constructs a new MemberDeltaMessage.
         * @memberof protocol
         * @classdesc Represents a MemberDeltaMessage.
         * @constructor
         * @param {protocol.MemberDeltaMessage.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const MemberDeltaMessage = function (p) {
            this.topics = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * MemberDeltaMessage type.
         * @member {protocol.MessageType} type
         * @memberof protocol.MemberDeltaMessage
         * @instance
         */
        MemberDeltaMessage.prototype.type = 0;

        /**
         * MemberDeltaMessage full.
         * @member {boolean} full
         * @memberof protocol.MemberDeltaMessage
         * @instance
         */
        MemberDeltaMessage.prototype.full = false;

        /**
         * MemberDeltaMessage topics.
         * @member {Array.<protocol.TopicMembers.$Properties>} topics
         * @memberof protocol.MemberDeltaMessage
         * @instance
         */
        MemberDeltaMessage.prototype.topics = $util.emptyArray;

        /**
         * MemberDeltaMessage more.
         * @member {boolean} more
         * @memberof protocol.MemberDeltaMessage
         * @instance
         */
        MemberDeltaMessage.prototype.more = false;

        /**
         * Creates a new MemberDeltaMessage instance using the specified properties.
         * @function create
         * @memberof protocol.MemberDeltaMessage
         * @static
         * @param {protocol.MemberDeltaMessage.$Properties=} [properties] Properties to set
         * @returns {protocol.MemberDeltaMessage} MemberDeltaMessage instance
         * @type {{
         *   (properties: protocol.MemberDeltaMessage.$Shape): protocol.MemberDeltaMessage & protocol.MemberDeltaMessage.$Shape;
         *   (properties?: protocol.MemberDeltaMessage.$Properties): protocol.MemberDeltaMessage;
         * }}
         */
        MemberDeltaMessage.create = function(properties) {
            return new MemberDeltaMessage(properties);
        };

        /**
         * Encodes the specified MemberDeltaMessage message. Does not implicitly {@link protocol.MemberDeltaMessage.verify|verify} messages.
         * @function encode
         * @memberof protocol.MemberDeltaMessage
         * @static
         * @param {protocol.MemberDeltaMessage.$Properties} m MemberDeltaMessage message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        MemberDeltaMessage.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.full != null && $Object.hasOwnProperty.call(m, "full") && m.full !== false)
                w.uint32(/* id 2, wireType 0 =*/16).bool(m.full);
            if (m.topics != null && m.topics.length) {
                for (var i = 0; i < m.topics.length; ++i)
                    $root.protocol.TopicMembers.encode(m.topics[i], w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
            }
            if (m.more != null && $Object.hasOwnProperty.call(m, "more") && m.more !== false)
                w.uint32(/* id 4, wireType 0 =*/32).bool(m.more);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a MemberDeltaMessage message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.MemberDeltaMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.MemberDeltaMessage & protocol.MemberDeltaMessage.$Shape} MemberDeltaMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        MemberDeltaMessage.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.MemberDeltaMessage();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (v = r.bool())
                            m.full = v;
                        else
                            delete m.full;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if (!(m.topics && m.topics.length))
                            m.topics = [];
                        m.topics.push($root.protocol.TopicMembers.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 4: {
                        if (u !== 0)
                            break;
                        if (v = r.bool())
                            m.more = v;
                        else
                            delete m.more;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for MemberDeltaMessage
         * @function getTypeUrl
         * @memberof protocol.MemberDeltaMessage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        MemberDeltaMessage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.MemberDeltaMessage";
        };

        return MemberDeltaMessage;
    })();

    protocol.DirectMessage = (function() {

        /**
         * Properties of a DirectMessage.
         * @typedef {Object} protocol.DirectMessage.$Properties
         * @property {protocol.MessageType|null} [type] DirectMessage type
         * @property {number|Long|null} [requestId] DirectMessage requestId
         * @property {number|Long|null} [toAlias] DirectMessage toAlias
         * @property {Uint8Array|null} [toIdentity] DirectMessage toIdentity
         * @property {Uint8Array|null} [body] DirectMessage body
         * @property {number|Long|null} [fromAlias] DirectMessage fromAlias
         * @property {Uint8Array|null} [fromIdentity] DirectMessage fromIdentity
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a DirectMessage.
         * @memberof protocol
         * @interface IDirectMessage
         * @augments protocol.DirectMessage.$Properties
         * @deprecated Use protocol.DirectMessage.$Properties instead.
         */

        /**
         * Shape of a DirectMessage.
         * @typedef {protocol.DirectMessage.$Properties} protocol.DirectMessage.$Shape
         */

        /**
         * Constructs a new DirectMessage.
         * @memberof protocol
         * @classdesc Represents a DirectMessage.
         * @constructor
         * @param {protocol.DirectMessage.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const DirectMessage = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * DirectMessage type.
         * @member {protocol.MessageType} type
         * @memberof protocol.DirectMessage
         * @instance
         */
        DirectMessage.prototype.type = 0;

        /**
         * DirectMessage requestId.
         * @member {number|Long} requestId
         * @memberof protocol.DirectMessage
         * @instance
         */
        DirectMessage.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * DirectMessage toAlias.
         * @member {number|Long} toAlias
         * @memberof protocol.DirectMessage
         * @instance
         */
        DirectMessage.prototype.toAlias = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * DirectMessage toIdentity.
         * @member {Uint8Array} toIdentity
         * @memberof protocol.DirectMessage
         * @instance
         */
        DirectMessage.prototype.toIdentity = $util.newBuffer([]);

        /**
         * DirectMessage body.
         * @member {Uint8Array} body
         * @memberof protocol.DirectMessage
         * @instance
         */
        DirectMessage.prototype.body = $util.newBuffer([]);

        /**
         * DirectMessage fromAlias.
         * @member {number|Long} fromAlias
         * @memberof protocol.DirectMessage
         * @instance
         */
        DirectMessage.prototype.fromAlias = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * DirectMessage fromIdentity.
         * @member {Uint8Array} fromIdentity
         * @memberof protocol.DirectMessage
         * @instance
         */
        DirectMessage.prototype.fromIdentity = $util.newBuffer([]);

        /**
         * Creates a new DirectMessage instance using the specified properties.
         * @function create
         * @memberof protocol.DirectMessage
         * @static
         * @param {protocol.DirectMessage.$Properties=} [properties] Properties to set
         * @returns {protocol.DirectMessage} DirectMessage instance
         * @type {{
         *   (properties: protocol.DirectMessage.$Shape): protocol.DirectMessage & protocol.DirectMessage.$Shape;
         *   (properties?: protocol.DirectMessage.$Properties): protocol.DirectMessage;
         * }}
         */
        DirectMessage.create = function(properties) {
            return new DirectMessage(properties);
        };

        /**
         * Encodes the specified DirectMessage message. Does not implicitly {@link protocol.DirectMessage.verify|verify} messages.
         * @function encode
         * @memberof protocol.DirectMessage
         * @static
         * @param {protocol.DirectMessage.$Properties} m DirectMessage message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        DirectMessage.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.requestId != null && $Object.hasOwnProperty.call(m, "requestId") && (typeof m.requestId === "object" ? m.requestId.low || m.requestId.high : m.requestId !== 0))
                w.uint32(/* id 2, wireType 0 =*/16).uint64(m.requestId);
            if (m.toAlias != null && $Object.hasOwnProperty.call(m, "toAlias") && (typeof m.toAlias === "object" ? m.toAlias.low || m.toAlias.high : m.toAlias !== 0))
                w.uint32(/* id 3, wireType 0 =*/24).uint64(m.toAlias);
            if (m.toIdentity != null && $Object.hasOwnProperty.call(m, "toIdentity") && m.toIdentity.length)
                w.uint32(/* id 4, wireType 2 =*/34).bytes(m.toIdentity);
            if (m.body != null && $Object.hasOwnProperty.call(m, "body") && m.body.length)
                w.uint32(/* id 5, wireType 2 =*/42).bytes(m.body);
            if (m.fromAlias != null && $Object.hasOwnProperty.call(m, "fromAlias") && (typeof m.fromAlias === "object" ? m.fromAlias.low || m.fromAlias.high : m.fromAlias !== 0))
                w.uint32(/* id 6, wireType 0 =*/48).uint64(m.fromAlias);
            if (m.fromIdentity != null && $Object.hasOwnProperty.call(m, "fromIdentity") && m.fromIdentity.length)
                w.uint32(/* id 7, wireType 2 =*/58).bytes(m.fromIdentity);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a DirectMessage message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.DirectMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.DirectMessage & protocol.DirectMessage.$Shape} DirectMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        DirectMessage.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.DirectMessage();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.requestId = v;
                        else
                            delete m.requestId;
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.toAlias = v;
                        else
                            delete m.toAlias;
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.toIdentity = v;
                        else
                            delete m.toIdentity;
                        continue;
                    }
                case 5: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.body = v;
                        else
                            delete m.body;
                        continue;
                    }
                case 6: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.fromAlias = v;
                        else
                            delete m.fromAlias;
                        continue;
                    }
                case 7: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.fromIdentity = v;
                        else
                            delete m.fromIdentity;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for DirectMessage
         * @function getTypeUrl
         * @memberof protocol.DirectMessage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        DirectMessage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.DirectMessage";
        };

        return DirectMessage;
    })();

    protocol.DirectResultMessage = (function() {

        /**
         * Properties of a DirectResultMessage.
         * @typedef {Object} protocol.DirectResultMessage.$Properties
         * @property {protocol.MessageType|null} [type] DirectResultMessage type
         * @property {number|Long|null} [requestId] DirectResultMessage requestId
         * @property {string|null} [error] DirectResultMessage error
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a DirectResultMessage.
         * @memberof protocol
         * @interface IDirectResultMessage
         * @augments protocol.DirectResultMessage.$Properties
         * @deprecated Use protocol.DirectResultMessage.$Properties instead.
         */

        /**
         * Shape of a DirectResultMessage.
         * @typedef {protocol.DirectResultMessage.$Properties} protocol.DirectResultMessage.$Shape
         */

        /**
         * Constructs a new DirectResultMessage.
         * @memberof protocol
         * @classdesc Represents a DirectResultMessage.
         * @constructor
         * @param {protocol.DirectResultMessage.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const DirectResultMessage = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * DirectResultMessage type.
         * @member {protocol.MessageType} type
         * @memberof protocol.DirectResultMessage
         * @instance
         */
        DirectResultMessage.prototype.type = 0;

        /**
         * DirectResultMessage requestId.
         * @member {number|Long} requestId
         * @memberof protocol.DirectResultMessage
         * @instance
         */
        DirectResultMessage.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * DirectResultMessage error.
         * @member {string} error
         * @memberof protocol.DirectResultMessage
         * @instance
         */
        DirectResultMessage.prototype.error = "";

        /**
         * Creates a new DirectResultMessage instance using the specified properties.
         * @function create
         * @memberof protocol.DirectResultMessage
         * @static
         * @param {protocol.DirectResultMessage.$Properties=} [properties] Properties to set
         * @returns {protocol.DirectResultMessage} DirectResultMessage instance
         * @type {{
         *   (properties: protocol.DirectResultMessage.$Shape): protocol.DirectResultMessage & protocol.DirectResultMessage.$Shape;
         *   (properties?: protocol.DirectResultMessage.$Properties): protocol.DirectResultMessage;
         * }}
         */
        DirectResultMessage.create = function(properties) {
            return new DirectResultMessage(properties);
        };

        /**
         * Encodes the specified DirectResultMessage message. Does not implicitly {@link protocol.DirectResultMessage.verify|verify} messages.
         * @function encode
         * @memberof protocol.DirectResultMessage
         * @static
         * @param {protocol.DirectResultMessage.$Properties} m DirectResultMessage message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        DirectResultMessage.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.requestId != null && $Object.hasOwnProperty.call(m, "requestId") && (typeof m.requestId === "object" ? m.requestId.low || m.requestId.high : m.requestId !== 0))
                w.uint32(/* id 2, wireType 0 =*/16).uint64(m.requestId);
            if (m.error != null && $Object.hasOwnProperty.call(m, "error") && m.error !== "")
                w.uint32(/* id 3, wireType 2 =*/26).string(m.error);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a DirectResultMessage message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.DirectResultMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.DirectResultMessage & protocol.DirectResultMessage.$Shape} DirectResultMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        DirectResultMessage.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.DirectResultMessage();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.requestId = v;
                        else
                            delete m.requestId;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.error = v;
                        else
                            delete m.error;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for DirectResultMessage
         * @function getTypeUrl
         * @memberof protocol.DirectResultMessage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        DirectResultMessage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.DirectResultMessage";
        };

        return DirectResultMessage;
    })();

    protocol.DirectoryEntry = (function() {

        /**
         * Properties of a DirectoryEntry.
         * @typedef {Object} protocol.DirectoryEntry.$Properties
         * @property {number|Long|null} [alias] DirectoryEntry alias
         * @property {Uint8Array|null} [identity] DirectoryEntry identity
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a DirectoryEntry.
         * @memberof protocol
         * @interface IDirectoryEntry
         * @augments protocol.DirectoryEntry.$Properties
         * @deprecated Use protocol.DirectoryEntry.$Properties instead.
         */

        /**
         * Shape of a DirectoryEntry.
         * @typedef {protocol.DirectoryEntry.$Properties} protocol.DirectoryEntry.$Shape
         */

        /**
         * Constructs a new DirectoryEntry.
         * @memberof protocol
         * @classdesc Represents a DirectoryEntry.
         * @constructor
         * @param {protocol.DirectoryEntry.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const DirectoryEntry = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * DirectoryEntry alias.
         * @member {number|Long} alias
         * @memberof protocol.DirectoryEntry
         * @instance
         */
        DirectoryEntry.prototype.alias = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * DirectoryEntry identity.
         * @member {Uint8Array} identity
         * @memberof protocol.DirectoryEntry
         * @instance
         */
        DirectoryEntry.prototype.identity = $util.newBuffer([]);

        /**
         * Creates a new DirectoryEntry instance using the specified properties.
         * @function create
         * @memberof protocol.DirectoryEntry
         * @static
         * @param {protocol.DirectoryEntry.$Properties=} [properties] Properties to set
         * @returns {protocol.DirectoryEntry} DirectoryEntry instance
         * @type {{
         *   (properties: protocol.DirectoryEntry.$Shape): protocol.DirectoryEntry & protocol.DirectoryEntry.$Shape;
         *   (properties?: protocol.DirectoryEntry.$Properties): protocol.DirectoryEntry;
         * }}
         */
        DirectoryEntry.create = function(properties) {
            return new DirectoryEntry(properties);
        };

        /**
         * Encodes the specified DirectoryEntry message. Does not implicitly {@link protocol.DirectoryEntry.verify|verify} messages.
         * @function encode
         * @memberof protocol.DirectoryEntry
         * @static
         * @param {protocol.DirectoryEntry.$Properties} m DirectoryEntry message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        DirectoryEntry.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.alias != null && $Object.hasOwnProperty.call(m, "alias") && (typeof m.alias === "object" ? m.alias.low || m.alias.high : m.alias !== 0))
                w.uint32(/* id 1, wireType 0 =*/8).uint64(m.alias);
            if (m.identity != null && $Object.hasOwnProperty.call(m, "identity") && m.identity.length)
                w.uint32(/* id 2, wireType 2 =*/18).bytes(m.identity);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a DirectoryEntry message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.DirectoryEntry
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.DirectoryEntry & protocol.DirectoryEntry.$Shape} DirectoryEntry
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        DirectoryEntry.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.DirectoryEntry();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.alias = v;
                        else
                            delete m.alias;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.identity = v;
                        else
                            delete m.identity;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for DirectoryEntry
         * @function getTypeUrl
         * @memberof protocol.DirectoryEntry
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        DirectoryEntry.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.DirectoryEntry";
        };

        return DirectoryEntry;
    })();

    protocol.DirectoryMessage = (function() {

        /**
         * Properties of a DirectoryMessage.
         * @typedef {Object} protocol.DirectoryMessage.$Properties
         * @property {protocol.MessageType|null} [type] DirectoryMessage type
         * @property {boolean|null} [full] DirectoryMessage full
         * @property {Array.<protocol.DirectoryEntry.$Properties>|null} [added] DirectoryMessage added
         * @property {Array.<number|Long>|null} [removed] DirectoryMessage removed
         * @property {boolean|null} [more] DirectoryMessage more
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a DirectoryMessage.
         * @memberof protocol
         * @interface IDirectoryMessage
         * @augments protocol.DirectoryMessage.$Properties
         * @deprecated Use protocol.DirectoryMessage.$Properties instead.
         */

        /**
         * Shape of a DirectoryMessage.
         * @typedef {protocol.DirectoryMessage.$Properties} protocol.DirectoryMessage.$Shape
         */

        /**
         * Constructs a new DirectoryMessage.
         * @memberof protocol
         * @classdesc Represents a DirectoryMessage.
         * @constructor
         * @param {protocol.DirectoryMessage.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const DirectoryMessage = function (p) {
            this.added = [];
            this.removed = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * DirectoryMessage type.
         * @member {protocol.MessageType} type
         * @memberof protocol.DirectoryMessage
         * @instance
         */
        DirectoryMessage.prototype.type = 0;

        /**
         * DirectoryMessage full.
         * @member {boolean} full
         * @memberof protocol.DirectoryMessage
         * @instance
         */
        DirectoryMessage.prototype.full = false;

        /**
         * DirectoryMessage added.
         * @member {Array.<protocol.DirectoryEntry.$Properties>} added
         * @memberof protocol.DirectoryMessage
         * @instance
         */
        DirectoryMessage.prototype.added = $util.emptyArray;

        /**
         * DirectoryMessage removed.
         * @member {Array.<number|Long>} removed
         * @memberof protocol.DirectoryMessage
         * @instance
         */
        DirectoryMessage.prototype.removed = $util.emptyArray;

        /**
         * DirectoryMessage more.
         * @member {boolean} more
         * @memberof protocol.DirectoryMessage
         * @instance
         */
        DirectoryMessage.prototype.more = false;

        /**
         * Creates a new DirectoryMessage instance using the specified properties.
         * @function create
         * @memberof protocol.DirectoryMessage
         * @static
         * @param {protocol.DirectoryMessage.$Properties=} [properties] Properties to set
         * @returns {protocol.DirectoryMessage} DirectoryMessage instance
         * @type {{
         *   (properties: protocol.DirectoryMessage.$Shape): protocol.DirectoryMessage & protocol.DirectoryMessage.$Shape;
         *   (properties?: protocol.DirectoryMessage.$Properties): protocol.DirectoryMessage;
         * }}
         */
        DirectoryMessage.create = function(properties) {
            return new DirectoryMessage(properties);
        };

        /**
         * Encodes the specified DirectoryMessage message. Does not implicitly {@link protocol.DirectoryMessage.verify|verify} messages.
         * @function encode
         * @memberof protocol.DirectoryMessage
         * @static
         * @param {protocol.DirectoryMessage.$Properties} m DirectoryMessage message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        DirectoryMessage.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.full != null && $Object.hasOwnProperty.call(m, "full") && m.full !== false)
                w.uint32(/* id 2, wireType 0 =*/16).bool(m.full);
            if (m.added != null && m.added.length) {
                for (var i = 0; i < m.added.length; ++i)
                    $root.protocol.DirectoryEntry.encode(m.added[i], w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
            }
            if (m.removed != null && m.removed.length) {
                w.uint32(/* id 4, wireType 2 =*/34).uint64s(m.removed);
            }
            if (m.more != null && $Object.hasOwnProperty.call(m, "more") && m.more !== false)
                w.uint32(/* id 5, wireType 0 =*/40).bool(m.more);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a DirectoryMessage message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.DirectoryMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.DirectoryMessage & protocol.DirectoryMessage.$Shape} DirectoryMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        DirectoryMessage.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.DirectoryMessage();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (v = r.bool())
                            m.full = v;
                        else
                            delete m.full;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if (!(m.added && m.added.length))
                            m.added = [];
                        m.added.push($root.protocol.DirectoryEntry.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 4: {
                        if (u === 2) {
                            if (!(m.removed && m.removed.length))
                                m.removed = [];
                            r.uint64s(m.removed);
                            continue;
                        }
                        if (u !== 0)
                            break;
                        if (!(m.removed && m.removed.length))
                            m.removed = [];
                        m.removed.push(r.uint64());
                        continue;
                    }
                case 5: {
                        if (u !== 0)
                            break;
                        if (v = r.bool())
                            m.more = v;
                        else
                            delete m.more;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for DirectoryMessage
         * @function getTypeUrl
         * @memberof protocol.DirectoryMessage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        DirectoryMessage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.DirectoryMessage";
        };

        return DirectoryMessage;
    })();

    protocol.KickMessage = (function() {

        /**
         * Properties of a KickMessage.
         * @typedef {Object} protocol.KickMessage.$Properties
         * @property {protocol.MessageType|null} [type] KickMessage type
         * @property {number|Long|null} [requestId] KickMessage requestId
         * @property {number|Long|null} [alias] KickMessage alias
         * @property {Uint8Array|null} [identity] KickMessage identity
         * @property {number|Long|null} [banMs] KickMessage banMs
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a KickMessage.
         * @memberof protocol
         * @interface IKickMessage
         * @augments protocol.KickMessage.$Properties
         * @deprecated Use protocol.KickMessage.$Properties instead.
         */

        /**
         * Shape of a KickMessage.
         * @typedef {protocol.KickMessage.$Properties} protocol.KickMessage.$Shape
         */

        /**
         * Constructs a new KickMessage.
         * @memberof protocol
         * @classdesc Represents a KickMessage.
         * @constructor
         * @param {protocol.KickMessage.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const KickMessage = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * KickMessage type.
         * @member {protocol.MessageType} type
         * @memberof protocol.KickMessage
         * @instance
         */
        KickMessage.prototype.type = 0;

        /**
         * KickMessage requestId.
         * @member {number|Long} requestId
         * @memberof protocol.KickMessage
         * @instance
         */
        KickMessage.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * KickMessage alias.
         * @member {number|Long} alias
         * @memberof protocol.KickMessage
         * @instance
         */
        KickMessage.prototype.alias = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * KickMessage identity.
         * @member {Uint8Array} identity
         * @memberof protocol.KickMessage
         * @instance
         */
        KickMessage.prototype.identity = $util.newBuffer([]);

        /**
         * KickMessage banMs.
         * @member {number|Long} banMs
         * @memberof protocol.KickMessage
         * @instance
         */
        KickMessage.prototype.banMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new KickMessage instance using the specified properties.
         * @function create
         * @memberof protocol.KickMessage
         * @static
         * @param {protocol.KickMessage.$Properties=} [properties] Properties to set
         * @returns {protocol.KickMessage} KickMessage instance
         * @type {{
         *   (properties: protocol.KickMessage.$Shape): protocol.KickMessage & protocol.KickMessage.$Shape;
         *   (properties?: protocol.KickMessage.$Properties): protocol.KickMessage;
         * }}
         */
        KickMessage.create = function(properties) {
            return new KickMessage(properties);
        };

        /**
         * Encodes the specified KickMessage message. Does not implicitly {@link protocol.KickMessage.verify|verify} messages.
         * @function encode
         * @memberof protocol.KickMessage
         * @static
         * @param {protocol.KickMessage.$Properties} m KickMessage message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        KickMessage.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.requestId != null && $Object.hasOwnProperty.call(m, "requestId") && (typeof m.requestId === "object" ? m.requestId.low || m.requestId.high : m.requestId !== 0))
                w.uint32(/* id 2, wireType 0 =*/16).uint64(m.requestId);
            if (m.alias != null && $Object.hasOwnProperty.call(m, "alias") && (typeof m.alias === "object" ? m.alias.low || m.alias.high : m.alias !== 0))
                w.uint32(/* id 3, wireType 0 =*/24).uint64(m.alias);
            if (m.identity != null && $Object.hasOwnProperty.call(m, "identity") && m.identity.length)
                w.uint32(/* id 4, wireType 2 =*/34).bytes(m.identity);
            if (m.banMs != null && $Object.hasOwnProperty.call(m, "banMs") && (typeof m.banMs === "object" ? m.banMs.low || m.banMs.high : m.banMs !== 0))
                w.uint32(/* id 5, wireType 0 =*/40).uint64(m.banMs);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a KickMessage message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.KickMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.KickMessage & protocol.KickMessage.$Shape} KickMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        KickMessage.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.KickMessage();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.requestId = v;
                        else
                            delete m.requestId;
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.alias = v;
                        else
                            delete m.alias;
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.identity = v;
                        else
                            delete m.identity;
                        continue;
                    }
                case 5: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.banMs = v;
                        else
                            delete m.banMs;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for KickMessage
         * @function getTypeUrl
         * @memberof protocol.KickMessage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        KickMessage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.KickMessage";
        };

        return KickMessage;
    })();

    protocol.KickedMessage = (function() {

        /**
         * Properties of a KickedMessage.
         * @typedef {Object} protocol.KickedMessage.$Properties
         * @property {protocol.MessageType|null} [type] KickedMessage type
         * @property {number|Long|null} [requestId] KickedMessage requestId
         * @property {number|null} [closed] KickedMessage closed
         * @property {Uint8Array|null} [identity] KickedMessage identity
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a KickedMessage.
         * @memberof protocol
         * @interface IKickedMessage
         * @augments protocol.KickedMessage.$Properties
         * @deprecated Use protocol.KickedMessage.$Properties instead.
         */

        /**
         * Shape of a KickedMessage.
         * @typedef {protocol.KickedMessage.$Properties} protocol.KickedMessage.$Shape
         */

        /**
         * Constructs a new KickedMessage.
         * @memberof protocol
         * @classdesc Represents a KickedMessage.
         * @constructor
         * @param {protocol.KickedMessage.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const KickedMessage = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * KickedMessage type.
         * @member {protocol.MessageType} type
         * @memberof protocol.KickedMessage
         * @instance
         */
        KickedMessage.prototype.type = 0;

        /**
         * KickedMessage requestId.
         * @member {number|Long} requestId
         * @memberof protocol.KickedMessage
         * @instance
         */
        KickedMessage.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * KickedMessage closed.
         * @member {number} closed
         * @memberof protocol.KickedMessage
         * @instance
         */
        KickedMessage.prototype.closed = 0;

        /**
         * KickedMessage identity.
         * @member {Uint8Array} identity
         * @memberof protocol.KickedMessage
         * @instance
         */
        KickedMessage.prototype.identity = $util.newBuffer([]);

        /**
         * Creates a new KickedMessage instance using the specified properties.
         * @function create
         * @memberof protocol.KickedMessage
         * @static
         * @param {protocol.KickedMessage.$Properties=} [properties] Properties to set
         * @returns {protocol.KickedMessage} KickedMessage instance
         * @type {{
         *   (properties: protocol.KickedMessage.$Shape): protocol.KickedMessage & protocol.KickedMessage.$Shape;
         *   (properties?: protocol.KickedMessage.$Properties): protocol.KickedMessage;
         * }}
         */
        KickedMessage.create = function(properties) {
            return new KickedMessage(properties);
        };

        /**
         * Encodes the specified KickedMessage message. Does not implicitly {@link protocol.KickedMessage.verify|verify} messages.
         * @function encode
         * @memberof protocol.KickedMessage
         * @static
         * @param {protocol.KickedMessage.$Properties} m KickedMessage message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        KickedMessage.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.requestId != null && $Object.hasOwnProperty.call(m, "requestId") && (typeof m.requestId === "object" ? m.requestId.low || m.requestId.high : m.requestId !== 0))
                w.uint32(/* id 2, wireType 0 =*/16).uint64(m.requestId);
            if (m.closed != null && $Object.hasOwnProperty.call(m, "closed") && m.closed !== 0)
                w.uint32(/* id 3, wireType 0 =*/24).uint32(m.closed);
            if (m.identity != null && $Object.hasOwnProperty.call(m, "identity") && m.identity.length)
                w.uint32(/* id 4, wireType 2 =*/34).bytes(m.identity);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes a KickedMessage message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.KickedMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.KickedMessage & protocol.KickedMessage.$Shape} KickedMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        KickedMessage.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.KickedMessage();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.requestId = v;
                        else
                            delete m.requestId;
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        if (v = r.uint32())
                            m.closed = v;
                        else
                            delete m.closed;
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.identity = v;
                        else
                            delete m.identity;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for KickedMessage
         * @function getTypeUrl
         * @memberof protocol.KickedMessage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        KickedMessage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.KickedMessage";
        };

        return KickedMessage;
    })();

    protocol.ErrorMessage = (function() {

        /**
         * Properties of an ErrorMessage.
         * @typedef {Object} protocol.ErrorMessage.$Properties
         * @property {protocol.MessageType|null} [type] ErrorMessage type
         * @property {string|null} [code] ErrorMessage code
         * @property {Array.<string>|null} [topics] ErrorMessage topics
         * @property {string|null} [detail] ErrorMessage detail
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an ErrorMessage.
         * @memberof protocol
         * @interface IErrorMessage
         * @augments protocol.ErrorMessage.$Properties
         * @deprecated Use protocol.ErrorMessage.$Properties instead.
         */

        /**
         * Shape of an ErrorMessage.
         * @typedef {protocol.ErrorMessage.$Properties} protocol.ErrorMessage.$Shape
         */

        /**
         * Constructs a new ErrorMessage.
         * @memberof protocol
         * @classdesc Represents an ErrorMessage.
         * @constructor
         * @param {protocol.ErrorMessage.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ErrorMessage = function (p) {
            this.topics = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * ErrorMessage type.
         * @member {protocol.MessageType} type
         * @memberof protocol.ErrorMessage
         * @instance
         */
        ErrorMessage.prototype.type = 0;

        /**
         * ErrorMessage code.
         * @member {string} code
         * @memberof protocol.ErrorMessage
         * @instance
         */
        ErrorMessage.prototype.code = "";

        /**
         * ErrorMessage topics.
         * @member {Array.<string>} topics
         * @memberof protocol.ErrorMessage
         * @instance
         */
        ErrorMessage.prototype.topics = $util.emptyArray;

        /**
         * ErrorMessage detail.
         * @member {string} detail
         * @memberof protocol.ErrorMessage
         * @instance
         */
        ErrorMessage.prototype.detail = "";

        /**
         * Creates a new ErrorMessage instance using the specified properties.
         * @function create
         * @memberof protocol.ErrorMessage
         * @static
         * @param {protocol.ErrorMessage.$Properties=} [properties] Properties to set
         * @returns {protocol.ErrorMessage} ErrorMessage instance
         * @type {{
         *   (properties: protocol.ErrorMessage.$Shape): protocol.ErrorMessage & protocol.ErrorMessage.$Shape;
         *   (properties?: protocol.ErrorMessage.$Properties): protocol.ErrorMessage;
         * }}
         */
        ErrorMessage.create = function(properties) {
            return new ErrorMessage(properties);
        };

        /**
         * Encodes the specified ErrorMessage message. Does not implicitly {@link protocol.ErrorMessage.verify|verify} messages.
         * @function encode
         * @memberof protocol.ErrorMessage
         * @static
         * @param {protocol.ErrorMessage.$Properties} m ErrorMessage message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ErrorMessage.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.type);
            if (m.code != null && $Object.hasOwnProperty.call(m, "code") && m.code !== "")
                w.uint32(/* id 30, wireType 2 =*/242).string(m.code);
            if (m.topics != null && m.topics.length) {
                for (var i = 0; i < m.topics.length; ++i)
                    w.uint32(/* id 31, wireType 2 =*/250).string(m.topics[i]);
            }
            if (m.detail != null && $Object.hasOwnProperty.call(m, "detail") && m.detail !== "")
                w.uint32(/* id 32, wireType 2 =*/258).string(m.detail);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Decodes an ErrorMessage message from the specified reader or buffer.
         * @function decode
         * @memberof protocol.ErrorMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {protocol.ErrorMessage & protocol.ErrorMessage.$Shape} ErrorMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ErrorMessage.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.protocol.ErrorMessage();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 30: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.code = v;
                        else
                            delete m.code;
                        continue;
                    }
                case 31: {
                        if (u !== 2)
                            break;
                        if (!(m.topics && m.topics.length))
                            m.topics = [];
                        m.topics.push(r.stringVerify());
                        continue;
                    }
                case 32: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.detail = v;
                        else
                            delete m.detail;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Gets the type url for ErrorMessage
         * @function getTypeUrl
         * @memberof protocol.ErrorMessage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        ErrorMessage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/protocol.ErrorMessage";
        };

        return ErrorMessage;
    })();

    return protocol;
})();

export {
  $root as default
};
