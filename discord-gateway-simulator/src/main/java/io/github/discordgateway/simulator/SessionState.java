package io.github.discordgateway.simulator;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One gateway session: its sequence counter, every dispatch it sent (kept so a Resume can replay them),
 * and the connection carrying it, if any. A session outlives its connections until something invalidates
 * it. All methods are atomic, so a dispatch and a Resume racing each other still deliver in sequence order.
 */
final class SessionState {

	/** What {@link #dispatch} returns when the session's intents exclude the event. */
	static final long NOT_DELIVERED = -1;

	/** {@link #resume} result: replayed and RESUMED sent. */
	static final int RESUMED = 0;

	/** {@link #resume} result: the session cannot be resumed; answer op 9 {@code d:false}. */
	static final int INVALID_SESSION = -1;

	private final String id;

	private final JsonNode identify;

	private final long intents;

	private final SimulatedSession.Shard shard;

	private final String botUserId;

	/** Dispatch texts in sequence order: the entry at index i has {@code s = i + 1}. */
	private final List<String> sent = new ArrayList<>();

	private LiveConnection live;

	private boolean invalid;

	/** When non-zero, the next Resume is answered with this close code. */
	private int expireCode;

	private int resumes;

	SessionState(String id, JsonNode identify, long intents, SimulatedSession.Shard shard, String botUserId) {
		this.id = id;
		this.identify = identify;
		this.intents = intents;
		this.shard = shard;
		this.botUserId = botUserId;
	}

	String id() {
		return this.id;
	}

	JsonNode identify() {
		return this.identify;
	}

	long intents() {
		return this.intents;
	}

	SimulatedSession.Shard shard() {
		return this.shard;
	}

	/**
	 * Sends a dispatch on the live connection, or keeps it for replay when none is live.
	 * @return the sequence number used, or {@link #NOT_DELIVERED} if the intents exclude the event
	 * @throws IllegalStateException if the session was invalidated
	 */
	synchronized long dispatch(String event, JsonNode d) {
		if (this.invalid) {
			throw new IllegalStateException("session " + this.id + " was invalidated; Discord sends it nothing");
		}
		return deliver(event, d);
	}

	/**
	 * Like {@link #dispatch} for events that go to whichever sessions exist: an invalidated session is skipped.
	 */
	synchronized long offer(String event, JsonNode d) {
		return this.invalid ? NOT_DELIVERED : deliver(event, d);
	}

	private long deliver(String event, JsonNode d) {
		if (!Intents.delivers(this.intents, event, d, this.botUserId)) {
			return NOT_DELIVERED;
		}
		long sequence = this.sent.size() + 1L;
		String text = Payloads.dispatch(event, sequence,
				MessageContent.visibleTo(this.intents, this.botUserId, event, d));
		this.sent.add(text);
		if (this.live != null) {
			this.live.send(text);
		}
		return sequence;
	}

	/** Makes a connection carry this new session (Identify). */
	synchronized void attach(LiveConnection connection) {
		this.live = connection;
		connection.carry(this);
	}

	/**
	 * Resumes on a new connection: replays what came after {@code seq} with the original sequence numbers,
	 * then sends RESUMED.
	 * @return {@link #RESUMED}, {@link #INVALID_SESSION}, or a close code to close the connection with
	 */
	synchronized int resume(long seq, LiveConnection connection) {
		if (this.invalid) {
			return INVALID_SESSION;
		}
		if (this.expireCode != 0) {
			this.invalid = true;
			return this.expireCode;
		}
		if (seq < 0 || seq > this.sent.size()) {
			this.invalid = true;
			return CloseCodes.INVALID_SEQ;
		}
		if (this.live != null) {
			// A client that resumes without closing the old socket: the old one stops carrying the session.
			this.live.carry(null);
		}
		this.live = connection;
		connection.carry(this);
		for (String missed : this.sent.subList((int) seq, this.sent.size())) {
			connection.send(missed);
		}
		deliver("RESUMED", Payloads.resumed());
		this.resumes++;
		return RESUMED;
	}

	/**
	 * A connection stops carrying the session (it closed or is closing).
	 * @param invalidate whether the way it closed ends the session
	 */
	synchronized void detach(LiveConnection connection, boolean invalidate) {
		if (this.live != connection) {
			return;
		}
		this.live = null;
		if (invalidate) {
			this.invalid = true;
		}
	}

	synchronized void invalidate() {
		this.invalid = true;
	}

	synchronized void expireOnNextResume(int closeCode) {
		this.expireCode = closeCode;
	}

	synchronized boolean isValid() {
		return !this.invalid;
	}

	synchronized LiveConnection live() {
		return this.live;
	}

	synchronized int resumes() {
		return this.resumes;
	}

	synchronized long lastSequence() {
		return this.sent.size();
	}

}
