package io.github.discordgateway.simulator;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A gateway session a client started with Identify, as a test sees and drives it. The session outlives
 * its connections until it is invalidated, exactly as on Discord: while no connection carries it,
 * dispatches are kept and replayed on Resume. Thread-safe.
 */
public final class SimulatedSession {

	/** What {@link #dispatch(String, JsonNode)} returns when the session's intents exclude the event. */
	public static final long NOT_DELIVERED = SessionState.NOT_DELIVERED;

	private final SessionState state;

	SimulatedSession(SessionState state) {
		this.state = state;
	}

	/**
	 * The session id READY handed out.
	 * @return the session id
	 */
	public String sessionId() {
		return this.state.id();
	}

	/**
	 * The shard the client asked for.
	 * @return the Identify's {@code shard}, if it sent one
	 */
	public Optional<Shard> shard() {
		return Optional.ofNullable(this.state.shard());
	}

	/**
	 * The Identify that started the session.
	 * @return a copy of the Identify payload's {@code d}
	 */
	public JsonNode identify() {
		return this.state.identify().deepCopy();
	}

	/**
	 * The intents the session was identified with.
	 * @return the intents bitfield
	 */
	public long intents() {
		return this.state.intents();
	}

	/**
	 * The sequence number of the session's newest dispatch.
	 * @return the last {@code s} sent (or kept for replay)
	 */
	public long lastSequence() {
		return this.state.lastSequence();
	}

	/**
	 * How often the session was resumed.
	 * @return the number of Resumes answered with RESUMED
	 */
	public int resumes() {
		return this.state.resumes();
	}

	/**
	 * Whether a connection currently carries the session.
	 * @return {@code true} while dispatches go straight out
	 */
	public boolean isConnected() {
		return this.state.live() != null;
	}

	/**
	 * Whether the session can still be resumed.
	 * @return {@code false} once invalidated (client close 1000/1001, op 9 false, a session-ending close)
	 */
	public boolean isValid() {
		return this.state.isValid();
	}

	/**
	 * The connection currently carrying the session.
	 * @return its {@link GatewayConnection#id()}, or empty while disconnected
	 */
	public OptionalInt connectionId() {
		LiveConnection live = this.state.live();
		return (live != null) ? OptionalInt.of(live.id()) : OptionalInt.empty();
	}

	/**
	 * Sends a dispatch (op 0) with the session's next sequence number, or keeps it for replay while no
	 * connection carries the session. Events the session's intents exclude are not sent, as on Discord
	 * (events that exist in guilds and DMs are judged by whether {@code d} has a {@code guild_id}).
	 * @param event the event name, e.g. {@code MESSAGE_CREATE}
	 * @param data the event's {@code d}
	 * @return the sequence number used, or {@link #NOT_DELIVERED}
	 * @throws IllegalStateException if the session was invalidated
	 */
	public long dispatch(String event, JsonNode data) {
		return this.state.dispatch(event, data.deepCopy());
	}

	/**
	 * Sends a dispatch; see {@link #dispatch(String, JsonNode)}.
	 * @param event the event name
	 * @param json the event's {@code d} as JSON text
	 * @return the sequence number used, or {@link #NOT_DELIVERED}
	 * @throws IllegalArgumentException if {@code json} is not JSON
	 */
	public long dispatch(String event, String json) {
		try {
			return this.state.dispatch(event, Json.MAPPER.readTree(json));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("not JSON: " + json, ex);
		}
	}

	/**
	 * Sends a dispatch; see {@link #dispatch(String, JsonNode)}.
	 * @param event the event name
	 * @param data the event's {@code d}, converted to JSON
	 * @return the sequence number used, or {@link #NOT_DELIVERED}
	 */
	public long dispatch(String event, Map<String, ?> data) {
		return this.state.dispatch(event, Json.MAPPER.valueToTree(data));
	}

	/**
	 * Sends op 7 Reconnect on the session's connection.
	 */
	public void sendReconnect() {
		live().send(Payloads.reconnect());
	}

	/**
	 * Sends op 9 Invalid Session on the session's connection; {@code d:false} also invalidates the session.
	 * @param resumable the payload's {@code d}
	 */
	public void sendInvalidSession(boolean resumable) {
		live().sendInvalidSession(resumable);
	}

	/**
	 * Sends op 1, asking the client to heartbeat at once.
	 */
	public void requestHeartbeat() {
		live().send(Payloads.heartbeatRequest());
	}

	/**
	 * Sends any text as one message on the session's connection (compressed if the connection is).
	 * @param text the message, e.g. malformed JSON or an unknown op
	 */
	public void sendRaw(String text) {
		live().send(text);
	}

	/**
	 * Closes the session's connection with a close frame. Codes after which Discord says to Identify
	 * (4003, 4007, 4009) or stop (4004, 4010 to 4014) also invalidate the session.
	 * @param code the close code
	 * @param reason the close reason
	 */
	public void close(int code, String reason) {
		live().close(code, reason);
	}

	/**
	 * Cuts the session's TCP connection without a close frame; the session stays resumable.
	 */
	public void dropConnection() {
		live().drop();
	}

	/**
	 * Invalidates the session without telling the client: its next Resume gets op 9 {@code d:false}.
	 */
	public void invalidate() {
		this.state.invalidate();
	}

	/**
	 * Makes the next Resume of this session fail with a close code (e.g. 4009 Session timed out); the
	 * session is invalid afterwards.
	 * @param closeCode the code to close the resuming connection with
	 */
	public void expireOnNextResume(int closeCode) {
		this.state.expireOnNextResume(closeCode);
	}

	private LiveConnection live() {
		LiveConnection live = this.state.live();
		if (live == null) {
			throw new IllegalStateException("session " + sessionId() + " has no live connection");
		}
		return live;
	}

	@Override
	public String toString() {
		return "SimulatedSession[" + sessionId() + ", shard=" + this.state.shard() + "]";
	}

	/**
	 * The {@code shard} pair of an Identify.
	 *
	 * @param id zero-based shard id
	 * @param count number of shards
	 */
	public record Shard(int id, int count) {

		/**
		 * Whether a guild routes to this shard: {@code (guild_id >> 22) % count == id}.
		 * @param guildId the guild's snowflake
		 * @return {@code true} if this shard receives the guild's events
		 */
		public boolean holds(String guildId) {
			return Long.remainderUnsigned(Long.parseUnsignedLong(guildId) >>> 22, this.count) == this.id;
		}

	}

}
