package io.github.discordgateway.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Discord Gateway v10 simulator on 127.0.0.1: the REST bootstrap endpoints and the WebSocket gateway,
 * strict wherever Discord is strict, so a client that passes against it has not been let off lightly.
 * <p>
 * It listens on two ephemeral ports: {@link #gatewayUrl()} (what GET /gateway/bot returns) and
 * {@link #resumeGatewayUrl()} (READY's {@code resume_gateway_url}), so a test can tell which one a client
 * dialled. Everything clients send is recorded; tests script the server side through this class and the
 * {@link SimulatedSession}s it hands out. All methods are thread-safe.
 * <pre>{@code
 * try (GatewaySimulator simulator = GatewaySimulator.start()) {
 *     // point the client at simulator.restBaseUrl() and start it
 *     SimulatedSession session = simulator.awaitReady(Duration.ofSeconds(5));
 *     session.dispatch("MESSAGE_CREATE", "{...}");
 * }
 * }</pre>
 * <p>
 * Where the docs are silent the simulator chooses, and says so: an Identify or Resume may be tried once
 * per connection (a second try closes with 4005, even after op 9); a used-up session start limit or an
 * Identify inside the max_concurrency window gets op 9 {@code d:false}; {@code encoding} other than
 * {@code json} and an unknown {@code compress} close with 4002; binary frames from the client close with
 * 4002; a missed heartbeat does not close the connection; after op 7 the simulator does not close the
 * connection by itself; payload compression (Identify {@code compress:true}) is not simulated; a sixth presence
 * update (op 3) within 20 s closes with 4008, as going over the general send limit does.
 * <p>
 * Ops 8, 31 and 43 are answered as Discord answers them (GUILD_MEMBERS_CHUNK, RATE_LIMITED, SOUNDBOARD_SOUNDS,
 * CHANNEL_INFO). MESSAGE_CREATE and MESSAGE_UPDATE reach a session without the MESSAGE_CONTENT intent with
 * {@code content}, {@code embeds}, {@code attachments}, {@code components} and {@code poll} blanked, except in
 * direct messages, messages the bot sent and messages that mention it.
 */
public final class GatewaySimulator implements AutoCloseable {

	static final String HOST = "127.0.0.1";

	private final SimulatorContext context;

	private final SimulatorServer server;

	private final URI resumeGatewayUrl;

	private final AtomicBoolean closed = new AtomicBoolean();

	private GatewaySimulator(SimulatorContext context, SimulatorServer server, URI resumeGatewayUrl) {
		this.context = context;
		this.server = server;
		this.resumeGatewayUrl = resumeGatewayUrl;
	}

	/**
	 * Starts a simulator with the default options.
	 * @return the running simulator
	 */
	public static GatewaySimulator start() {
		return start(SimulatorOptions.defaults());
	}

	/**
	 * Starts a simulator.
	 * @param options how it behaves
	 * @return the running simulator
	 */
	public static GatewaySimulator start(SimulatorOptions options) {
		Objects.requireNonNull(options, "options");
		AtomicReference<SimulatorContext> context = new AtomicReference<>();
		SimulatorServer server = new SimulatorServer(context);
		try {
			String scheme = (options.sslContext() != null) ? "wss://" : "ws://";
			URI gatewayUrl = URI.create(scheme + HOST + ":" + server.listen(GatewayPort.GATEWAY, options.sslContext()));
			URI resumeGatewayUrl = URI
				.create(scheme + HOST + ":" + server.listen(GatewayPort.RESUME, options.sslContext()));
			context.set(new SimulatorContext(options, gatewayUrl, resumeGatewayUrl));
			return new GatewaySimulator(context.get(), server, resumeGatewayUrl);
		}
		catch (RuntimeException ex) {
			server.close();
			throw ex;
		}
	}

	/**
	 * The options the simulator runs with.
	 * @return the options
	 */
	public SimulatorOptions options() {
		return this.context.options;
	}

	/**
	 * The REST base URL, {@code http://127.0.0.1:<port>/api/v10} ({@code https} when serving TLS).
	 * @return the URL to configure as the client's API base
	 */
	public URI restBaseUrl() {
		String scheme = (this.context.options.sslContext() != null) ? "https://" : "http://";
		return URI.create(scheme + HOST + ":" + this.context.gatewayUrl.getPort() + "/api/v10");
	}

	/**
	 * Answers the next rate-limited REST request (a message or GET /gateway/bot) with 429, whatever its
	 * bucket holds, as Discord may when limits are shared with other bots or changed.
	 * @param retryAfter the {@code retry_after} to send
	 * @param scope {@code user}, {@code global} or {@code shared}
	 */
	public void rateLimitNextRestRequest(Duration retryAfter, String scope) {
		this.context.restRateLimiter.forceNext(retryAfter, scope);
	}

	/**
	 * Answers the next REST requests on the API (GET /gateway/bot included) with a server error instead of
	 * serving them, as Discord does in an outage: the request is recorded with that status and left undone.
	 * @param count how many requests fail
	 * @param status the status, from 500 to 599
	 */
	public void failNextRestRequests(int count, int status) {
		if (count < 0 || status < 500 || status > 599) {
			throw new IllegalArgumentException("count must not be negative and status must be a 5xx, were " + count
					+ " and " + status);
		}
		this.context.failNextRestRequests(count, status);
	}

	/**
	 * Closes the connection of each of the next REST requests on the API without answering, a network failure as
	 * the client sees it; they are recorded with the status {@link RestCall#DROPPED}.
	 * @param count how many requests are dropped
	 */
	public void dropNextRestRequests(int count) {
		if (count < 0) {
			throw new IllegalArgumentException("count must not be negative, was " + count);
		}
		this.context.dropNextRestRequests(count);
	}

	/**
	 * The gateway URL, {@code ws://127.0.0.1:<port>}, bare as GET /gateway/bot returns it.
	 * @return the gateway URL
	 */
	public URI gatewayUrl() {
		return this.context.gatewayUrl;
	}

	/**
	 * The resume URL, {@code ws://127.0.0.1:<other port>}, bare as READY's {@code resume_gateway_url}.
	 * @return the resume URL
	 */
	public URI resumeGatewayUrl() {
		return this.resumeGatewayUrl;
	}

	/**
	 * Waits for a client to Identify and get READY (and its GUILD_CREATEs queued). Each session is handed
	 * out once, oldest first, so consecutive calls return consecutive sessions.
	 * @param timeout how long to wait
	 * @return the session
	 * @throws AssertionError if no new session started in time
	 */
	public SimulatedSession awaitReady(Duration timeout) {
		return new SimulatedSession(this.context.sessions.awaitReady(timeout));
	}

	/**
	 * Whether an Identify of this shard would start a session now rather than get op 9: the session start limit
	 * is not used up, and the last Identify of the shard's max_concurrency bucket is an identify window ago.
	 * @param shardId the shard (0 for a bot without shards)
	 * @return whether the Identify would be accepted
	 */
	public boolean acceptsIdentify(int shardId) {
		return this.context.sessions.acceptsIdentify(shardId);
	}

	/**
	 * Every session started so far, oldest first.
	 * @return the sessions
	 */
	public List<SimulatedSession> sessions() {
		return this.context.sessions.all().stream().map(SimulatedSession::new).toList();
	}

	/**
	 * Waits for a client frame with this op. Each frame is handed out once per op, oldest first, so
	 * consecutive calls return consecutive frames, including ones that arrived before the call. A frame is
	 * recorded before the simulator reacts to it, but anything scripted after this returns (e.g.
	 * {@link #sendRaw(String)}) is sent after that reaction, which gives tests a reliable ordering point.
	 * @param op the opcode
	 * @param timeout how long to wait
	 * @return the frame
	 * @throws AssertionError listing every frame received, if none came in time
	 */
	public ClientFrame awaitFrame(int op, Duration timeout) {
		return this.context.recorder.awaitFrame(op, timeout);
	}

	/**
	 * Every frame clients sent, on every connection, in arrival order.
	 * @return the frames
	 */
	public List<ClientFrame> framesReceived() {
		return this.context.recorder.frames();
	}

	/**
	 * The frames clients sent with this op.
	 * @param op the opcode
	 * @return the frames, in arrival order
	 */
	public List<ClientFrame> framesReceived(int op) {
		return this.context.recorder.frames(op);
	}

	/**
	 * Snapshots of every WebSocket connection, oldest first.
	 * @return the connections
	 */
	public List<GatewayConnection> connections() {
		return this.context.recorder.connections();
	}

	/**
	 * Every HTTP request answered, in arrival order.
	 * @return the calls
	 */
	public List<RestCall> restCalls() {
		return this.context.recorder.restCalls();
	}

	/**
	 * Stops or resumes answering heartbeats (for zombie-connection tests).
	 * @param paused {@code true} to send no ACKs
	 */
	public void pauseAcks(boolean paused) {
		this.context.pauseAcks(paused);
	}

	/**
	 * Delays each heartbeat ACK.
	 * @param delay the delay; {@link Duration#ZERO} answers at once
	 */
	public void ackDelay(Duration delay) {
		this.context.ackDelay(Objects.requireNonNull(delay, "delay"));
	}

	/**
	 * Takes the resume URL down or brings it back. While down, every connection to
	 * {@link #resumeGatewayUrl()} is cut right after its WebSocket handshake, before Hello (recorded as
	 * {@link GatewayConnection.Ending#SERVER_DROPPED}), as when a regional gateway fails: a client's resumes
	 * there fail until it falls back to {@link #gatewayUrl()}.
	 * @param down {@code true} to cut resume connections
	 */
	public void resumeUrlDown(boolean down) {
		this.context.resumeUrlDown(down);
	}

	/**
	 * Turns back every switch a test flipped ({@link #pauseAcks(boolean)}, {@link #ackDelay(Duration)},
	 * {@link #resumeUrlDown(boolean)}, {@link #sendReconnectInsteadOfNextHello()}, {@link #withholdNextHellos(int)},
	 * {@link #failNextRestRequests(int, int)}, {@link #dropNextRestRequests(int)}), so the next test meets the
	 * simulator as it started. Sessions, connections and recordings are kept.
	 */
	public void resetSwitches() {
		this.context.resetSwitches();
	}

	/**
	 * Makes the next connections stay silent: their WebSocket handshake completes but no Hello ever comes, as when
	 * a gateway node hangs. The client must give up on them by itself.
	 * @param connections how many of the next connections get no Hello
	 */
	public void withholdNextHellos(int connections) {
		this.context.withholdNextHellos(connections);
	}

	/**
	 * Makes the next connection get op 7 Reconnect instead of Hello, which Discord may do.
	 */
	public void sendReconnectInsteadOfNextHello() {
		this.context.reconnectInsteadOfNextHello();
	}

	/**
	 * Sends op 7 Reconnect on the newest open connection.
	 * @throws IllegalStateException if no connection is open
	 */
	public void sendReconnect() {
		latestOpen().send(Payloads.reconnect());
	}

	/**
	 * Sends op 9 Invalid Session on the newest open connection; {@code d:false} also invalidates the session
	 * it carries.
	 * @param resumable the payload's {@code d}
	 */
	public void sendInvalidSession(boolean resumable) {
		latestOpen().sendInvalidSession(resumable);
	}

	/**
	 * Sends op 1 on the newest open connection, asking the client to heartbeat at once.
	 */
	public void requestHeartbeat() {
		latestOpen().send(Payloads.heartbeatRequest());
	}

	/**
	 * Sends any text as one message on the newest open connection (compressed if the connection is).
	 * @param text the message
	 */
	public void sendRaw(String text) {
		latestOpen().send(text);
	}

	/**
	 * Closes the newest open connection with a close frame; see {@link SimulatedSession#close(int, String)}.
	 * @param code the close code
	 * @param reason the close reason
	 */
	public void close(int code, String reason) {
		latestOpen().close(code, reason);
	}

	/**
	 * Cuts the newest open connection's TCP connection without a close frame (a reset).
	 */
	public void dropConnection() {
		latestOpen().drop();
	}

	private LiveConnection latestOpen() {
		LiveConnection connection = this.context.recorder.latestOpen();
		if (connection == null) {
			throw new IllegalStateException("no gateway connection is open");
		}
		return connection;
	}

	/**
	 * Stops both listeners and cuts every connection. Idempotent.
	 */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.server.close();
		}
	}

}
