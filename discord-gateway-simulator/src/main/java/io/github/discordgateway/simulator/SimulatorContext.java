package io.github.discordgateway.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every handler of one simulator shares: options, addresses, recordings, sessions, and the switches
 * tests flip at run time.
 */
final class SimulatorContext {

	final SimulatorOptions options;

	final URI gatewayUrl;

	final Recorder recorder = new Recorder();

	final SessionRegistry sessions;

	final Snowflakes snowflakes = new Snowflakes();

	final RestRateLimiter restRateLimiter;

	final SessionCommands commands;

	private final AtomicInteger connectionIds = new AtomicInteger();

	private final AtomicBoolean reconnectInsteadOfHello = new AtomicBoolean();

	private final AtomicInteger hellosToWithhold = new AtomicInteger();

	private volatile boolean acksPaused;

	private volatile boolean resumeUrlDown;

	private volatile Duration ackDelay = Duration.ZERO;

	private final AtomicInteger restRequestsToFail = new AtomicInteger();

	private volatile int restFailureStatus;

	private final AtomicInteger restRequestsToDrop = new AtomicInteger();

	SimulatorContext(SimulatorOptions options, URI gatewayUrl, URI resumeGatewayUrl) {
		this.options = options;
		this.gatewayUrl = gatewayUrl;
		this.sessions = new SessionRegistry(options, resumeGatewayUrl);
		this.restRateLimiter = new RestRateLimiter(options.restRateLimit(), System::nanoTime);
		this.commands = new SessionCommands(options);
	}

	/** Turns every switch a test may flip back to how the simulator started. */
	void resetSwitches() {
		this.reconnectInsteadOfHello.set(false);
		this.hellosToWithhold.set(0);
		this.acksPaused = false;
		this.resumeUrlDown = false;
		this.ackDelay = Duration.ZERO;
		this.restRateLimiter.clearForced();
		this.restRequestsToFail.set(0);
		this.restRequestsToDrop.set(0);
	}

	void failNextRestRequests(int count, int status) {
		this.restFailureStatus = status;
		this.restRequestsToFail.set(count);
	}

	void dropNextRestRequests(int count) {
		this.restRequestsToDrop.set(count);
	}

	/** The 5xx status this API request gets instead of an answer, or 0 if it is served. */
	int takeRestFailure() {
		return takeOne(this.restRequestsToFail) ? this.restFailureStatus : 0;
	}

	/** Whether this API request's connection is closed unanswered. */
	boolean takeRestDrop() {
		return takeOne(this.restRequestsToDrop);
	}

	private static boolean takeOne(AtomicInteger remaining) {
		return remaining.getAndUpdate((count) -> Math.max(0, count - 1)) > 0;
	}

	int nextConnectionId() {
		return this.connectionIds.incrementAndGet();
	}

	void reconnectInsteadOfNextHello() {
		this.reconnectInsteadOfHello.set(true);
	}

	/** Whether this connection gets op 7 instead of Hello; only one connection does per request. */
	boolean takeReconnectInsteadOfHello() {
		return this.reconnectInsteadOfHello.getAndSet(false);
	}

	void withholdNextHellos(int connections) {
		this.hellosToWithhold.set(connections);
	}

	/** Whether this connection gets no Hello at all (a silent connection); counts the connections down. */
	boolean takeHelloWithheld() {
		return this.hellosToWithhold.getAndUpdate((left) -> Math.max(0, left - 1)) > 0;
	}

	boolean acksPaused() {
		return this.acksPaused;
	}

	void pauseAcks(boolean paused) {
		this.acksPaused = paused;
	}

	boolean resumeUrlDown() {
		return this.resumeUrlDown;
	}

	void resumeUrlDown(boolean down) {
		this.resumeUrlDown = down;
	}

	Duration ackDelay() {
		return this.ackDelay;
	}

	void ackDelay(Duration delay) {
		this.ackDelay = delay;
	}

}
