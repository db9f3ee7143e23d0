package io.github.discordgateway.session;

import java.time.Duration;
import java.util.function.DoubleSupplier;

import io.github.discordgateway.protocol.CloseAction;
import io.github.discordgateway.protocol.CloseCode;

/**
 * What a shard does after a connection ended, and how long it waits first: a pure function of why it ended and
 * of the failures so far.
 * <ul>
 * <li>Op 7 and a zombie connection resume at once.</li>
 * <li>Op 9 {@code true} resumes at once; op 9 {@code false} identifies anew after a random wait between the
 * configured bounds (Discord asks for 1 to 5 seconds).</li>
 * <li>A close looks up its code ({@link CloseCode#actionFor}): resume, identify anew (after backoff) or stop.</li>
 * <li>A connection that failed, dropped before Hello, or brought no Hello in time resumes after backoff: the
 * network failed, not the session, so the session is kept however often it happens.</li>
 * <li>Only resumes that reached Hello, sent Resume and were then closed count as failed resumes; after
 * {@code maxFailedResumes} of them in a row the session is given up for a new Identify.</li>
 * </ul>
 * Without a session every reconnect identifies.
 *
 * @param backoff waits between failed attempts
 * @param invalidSessionDelayMin the shortest wait before identifying after op 9 {@code false}
 * @param invalidSessionDelayMax the longest such wait
 * @param maxFailedResumes refused resumes in a row after which the session is given up
 * @param random uniform values in [0, 1)
 */
public record ReconnectPolicy(Backoff backoff, Duration invalidSessionDelayMin, Duration invalidSessionDelayMax,
		int maxFailedResumes, DoubleSupplier random) {

	/** The shortest wait before identifying after op 9 {@code false} unless configured. */
	public static final Duration DEFAULT_INVALID_SESSION_DELAY_MIN = Duration.ofSeconds(1);

	/** The longest wait before identifying after op 9 {@code false} unless configured. */
	public static final Duration DEFAULT_INVALID_SESSION_DELAY_MAX = Duration.ofSeconds(5);

	/** Refused resumes in a row after which the session is given up, unless configured. */
	public static final int DEFAULT_MAX_FAILED_RESUMES = 3;

	/**
	 * A policy with the default op 9 wait and failed resume limit.
	 */
	public ReconnectPolicy(Backoff backoff, DoubleSupplier random) {
		this(backoff, DEFAULT_INVALID_SESSION_DELAY_MIN, DEFAULT_INVALID_SESSION_DELAY_MAX,
				DEFAULT_MAX_FAILED_RESUMES, random);
	}

	/**
	 * Decides the next connection.
	 * @param disconnect why the connection ended
	 * @param attempts the shard's session and failure counts when it ended
	 */
	public Decision decide(Disconnect disconnect, Attempts attempts) {
		int failedAttempts = attempts.failedAttempts();
		int failedResumes = attempts.failedResumes();
		return switch (disconnect.kind()) {
			case RECONNECT_REQUESTED, ZOMBIE -> new Decision(resumeIfPossible(attempts), Duration.ZERO, failedAttempts,
					failedResumes);
			case INVALID_SESSION -> (disconnect.resumable() && attempts.hasSession())
					? new Decision(CloseAction.RESUME, Duration.ZERO, failedAttempts, failedResumes)
					: new Decision(CloseAction.IDENTIFY, invalidSessionDelay(), failedAttempts, 0);
			case CONNECTION_FAILED, HELLO_TIMEOUT -> afterFailure(resumeIfPossible(attempts), attempts, failedResumes);
			case CLOSED -> closed(disconnect.closeCode(), attempts);
		};
	}

	private Decision closed(int code, Attempts attempts) {
		CloseAction action = CloseCode.actionFor(code);
		if (action == CloseAction.STOP) {
			return new Decision(CloseAction.STOP, Duration.ZERO, attempts.failedAttempts(), attempts.failedResumes());
		}
		if (action == CloseAction.IDENTIFY || !attempts.hasSession()) {
			return afterFailure(CloseAction.IDENTIFY, attempts, 0);
		}
		if (!attempts.resumeSent()) {
			return afterFailure(CloseAction.RESUME, attempts, attempts.failedResumes());
		}
		int failedResumes = attempts.failedResumes() + 1;
		return (failedResumes >= this.maxFailedResumes) ? afterFailure(CloseAction.IDENTIFY, attempts, 0)
				: afterFailure(CloseAction.RESUME, attempts, failedResumes);
	}

	private Decision afterFailure(CloseAction action, Attempts attempts, int failedResumes) {
		return new Decision(action, this.backoff.delay(attempts.failedAttempts()), attempts.failedAttempts() + 1,
				failedResumes);
	}

	private static CloseAction resumeIfPossible(Attempts attempts) {
		return attempts.hasSession() ? CloseAction.RESUME : CloseAction.IDENTIFY;
	}

	private Duration invalidSessionDelay() {
		long spread = this.invalidSessionDelayMax.toMillis() - this.invalidSessionDelayMin.toMillis();
		return this.invalidSessionDelayMin.plusMillis((long) (spread * this.random.getAsDouble()));
	}

	/**
	 * Why a connection ended.
	 *
	 * @param kind what happened
	 * @param closeCode the close code, for {@link Kind#CLOSED}
	 * @param resumable op 9's flag, for {@link Kind#INVALID_SESSION}
	 */
	public record Disconnect(Kind kind, int closeCode, boolean resumable) {

		/** The gateway or the network closed the connection with this code. */
		public static Disconnect closed(int code) {
			return new Disconnect(Kind.CLOSED, code, false);
		}

		/** Op 7. */
		public static Disconnect reconnectRequested() {
			return new Disconnect(Kind.RECONNECT_REQUESTED, 0, false);
		}

		/** Op 9 with its flag. */
		public static Disconnect invalidSession(boolean resumable) {
			return new Disconnect(Kind.INVALID_SESSION, 0, resumable);
		}

		/** The connection could not be opened. */
		public static Disconnect connectionFailed() {
			return new Disconnect(Kind.CONNECTION_FAILED, 0, false);
		}

		/** No heartbeat ACK between two beats. */
		public static Disconnect zombie() {
			return new Disconnect(Kind.ZOMBIE, 0, false);
		}

		/** No Hello within the deadline. */
		public static Disconnect helloTimeout() {
			return new Disconnect(Kind.HELLO_TIMEOUT, 0, false);
		}

	}

	/**
	 * What can end a connection.
	 */
	public enum Kind {

		/** The gateway or the network closed the connection. */
		CLOSED,

		/** The gateway asked for a reconnect (op 7). */
		RECONNECT_REQUESTED,

		/** The gateway invalidated the session (op 9). */
		INVALID_SESSION,

		/** The connection could not be opened. */
		CONNECTION_FAILED,

		/** No heartbeat ACK arrived between two beats. */
		ZOMBIE,

		/** The connection brought no Hello in time. */
		HELLO_TIMEOUT

	}

	/**
	 * The shard's standing when its connection ended.
	 *
	 * @param hasSession whether it holds a session it could resume
	 * @param resumeSent whether the connection that ended reached Hello and sent Resume (and saw no RESUMED)
	 * @param failedAttempts connection attempts that failed in a row
	 * @param failedResumes resumes refused in a row
	 */
	public record Attempts(boolean hasSession, boolean resumeSent, int failedAttempts, int failedResumes) {
	}

	/**
	 * What to do next.
	 *
	 * @param action resume, identify anew or stop for good
	 * @param delay how long to wait before connecting
	 * @param failedAttempts the shard's failed attempt count from now on
	 * @param failedResumes the shard's refused resume count from now on
	 */
	public record Decision(CloseAction action, Duration delay, int failedAttempts, int failedResumes) {
	}

}
