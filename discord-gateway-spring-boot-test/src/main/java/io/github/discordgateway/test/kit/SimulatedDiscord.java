package io.github.discordgateway.test.kit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.discordgateway.simulator.ClientFrame;
import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.RestCall;
import io.github.discordgateway.simulator.SimulatedGuild;
import io.github.discordgateway.simulator.SimulatedSession;

/**
 * A fluent handle on a {@link GatewaySimulator} for bot tests: script what Discord does, then await what the bot
 * did. Every await fails with an {@link AssertionError} that lists what did happen.
 * <p>
 * Each test starts afresh, as with Spring's {@code MockRestServiceServer} or WireMock: before every test method
 * (see {@link #reset()}, which the test kit calls), the switches scripted by an earlier test ({@link #pauseAcks},
 * ...) are turned back, and the awaits ({@link #awaitRestCall}, {@link #awaitCommand}, {@link #awaitResumed})
 * only see what the bot did during the current test, even when test classes share a cached application context.
 * To look further back, for instance at the Identify the bot sent when the context started, ask
 * {@link #includingEarlierTests()}.
 *
 * @since 0.1.0
 */
public final class SimulatedDiscord {

	private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	private final GatewaySimulator simulator;

	private final Duration timeout;

	private final TestWindow window;

	private final boolean includingEarlierTests;

	/**
	 * A handle whose awaits see everything from now on.
	 * @param simulator the simulator to drive
	 */
	public SimulatedDiscord(GatewaySimulator simulator) {
		this(simulator, DEFAULT_TIMEOUT, new TestWindow(), false);
		beginWindow();
	}

	private SimulatedDiscord(GatewaySimulator simulator, Duration timeout, TestWindow window,
			boolean includingEarlierTests) {
		this.simulator = simulator;
		this.timeout = timeout;
		this.window = window;
		this.includingEarlierTests = includingEarlierTests;
	}

	/**
	 * This handle with another timeout for its awaits.
	 */
	public SimulatedDiscord within(Duration timeout) {
		return new SimulatedDiscord(this.simulator, timeout, this.window, this.includingEarlierTests);
	}

	/**
	 * This handle with awaits that also see what the bot did before the current test began (since the simulator
	 * started), such as the Identify it sent when the application context started.
	 */
	public SimulatedDiscord includingEarlierTests() {
		return new SimulatedDiscord(this.simulator, this.timeout, this.window, true);
	}

	/**
	 * Starts a new test: turns back every switch scripted so far ({@link GatewaySimulator#resetSwitches()}) and
	 * makes the awaits see only what happens from now on. The test kit calls it before each test method.
	 */
	public void reset() {
		this.simulator.resetSwitches();
		beginWindow();
	}

	private void beginWindow() {
		this.window.begin(this.simulator.framesReceived().size(), this.simulator.restCalls().size(),
				totalResumes());
	}

	/**
	 * The simulator, for everything this handle does not cover.
	 */
	public GatewaySimulator simulator() {
		return this.simulator;
	}

	/**
	 * The simulated guild the bot is in.
	 */
	public SimulatedGuild guild() {
		return this.simulator.options().guilds().get(0);
	}

	/**
	 * Waits until the bot holds a live session, identified and READY (or resumed), and returns it: at once if it
	 * holds one already. After {@link #invalidSession(boolean) invalidSession(false)} or a close that ends the
	 * session, it waits for the new session's READY. It does not wait for a reconnect that has not happened yet:
	 * after {@link #reconnect()}, {@link #dropConnection()} or a resumable {@link #close(int)}, call
	 * {@link #awaitResumed()}.
	 */
	public SimulatedSession awaitReady() {
		return await(() -> {
			SimulatedSession newest = newestSession();
			return (newest != null && newest.isValid() && newest.isConnected()) ? newest : null;
		}, () -> "Expected the bot to hold a READY session within " + this.timeout.toMillis() + " ms, but "
				+ describeSessions());
	}

	/**
	 * Waits until the bot resumed its session (Resume answered with RESUMED) during this test, after
	 * {@link #reconnect()}, {@link #dropConnection()} or a resumable {@link #close(int)}. Each call waits for one
	 * more resume than the calls before it in this test.
	 * @return the resumed session
	 */
	public SimulatedSession awaitResumed() {
		return await(() -> this.window.takeResume(totalResumes()) ? newestSession() : null,
				() -> "Expected the bot to resume its session within " + this.timeout.toMillis()
						+ " ms during this test, but " + describeSessions() + "; it sent: "
						+ describe(frames().stream().map(SimulatedDiscord::describe).toList()));
	}

	/**
	 * Starts a MESSAGE_CREATE from a user in the guild's text channel.
	 */
	public MessageBuilder message(String content) {
		return new MessageBuilder(this, content);
	}

	/**
	 * Starts an INTERACTION_CREATE for a slash command run by a user in the guild's text channel.
	 */
	public SlashCommandBuilder slashCommand(String name) {
		return new SlashCommandBuilder(this, name);
	}

	/**
	 * Starts an INTERACTION_CREATE for a click on a button of one of the bot's messages.
	 * @param customId the button's {@code custom_id}
	 */
	public ComponentInteractionBuilder button(String customId) {
		return ComponentInteractionBuilder.button(this, customId);
	}

	/**
	 * Starts an INTERACTION_CREATE for a choice in a string select menu of one of the bot's messages.
	 * @param customId the select menu's {@code custom_id}
	 * @param values the chosen values
	 */
	public ComponentInteractionBuilder stringSelect(String customId, String... values) {
		return ComponentInteractionBuilder.stringSelect(this, customId, List.of(values));
	}

	/**
	 * Starts an INTERACTION_CREATE for a submitted modal.
	 * @param customId the modal's {@code custom_id}
	 */
	public ModalSubmitBuilder modalSubmit(String customId) {
		return new ModalSubmitBuilder(this, customId);
	}

	/**
	 * Starts a GUILD_MEMBER_ADD: a user joins the guild (the bot needs the GUILD_MEMBERS intent).
	 */
	public GuildMemberBuilder memberJoin(String userId, String username) {
		return new GuildMemberBuilder(this, userId, username);
	}

	/**
	 * Starts a MESSAGE_REACTION_ADD: a user reacts to a message in the guild's text channel.
	 * @param messageId the message reacted to
	 * @param emoji a unicode emoji, e.g. {@code "👍"}
	 */
	public ReactionBuilder reaction(String messageId, String emoji) {
		return new ReactionBuilder(this, messageId, emoji);
	}

	/**
	 * Sends any dispatch on the bot's session (kept for replay while the bot is reconnecting).
	 * @return the sequence it got
	 */
	public long dispatch(String event, Map<String, ?> data) {
		SimulatedSession newest = newestSession();
		SimulatedSession session = (newest != null && newest.isValid()) ? newest : awaitReady();
		return session.dispatch(event, data);
	}

	/** Asks the bot to reconnect (op 7); await the resume with {@link #awaitResumed()}. */
	public void reconnect() {
		this.simulator.sendReconnect();
	}

	/** Invalidates the session (op 9). */
	public void invalidSession(boolean resumable) {
		this.simulator.sendInvalidSession(resumable);
	}

	/** Closes the bot's connection with a close code. */
	public void close(int code) {
		this.simulator.close(code, "closed by the test");
	}

	/** Cuts the bot's connection without a close frame. */
	public void dropConnection() {
		this.simulator.dropConnection();
	}

	/** Stops (or resumes) acknowledging heartbeats; turned back before the next test. */
	public void pauseAcks(boolean paused) {
		this.simulator.pauseAcks(paused);
	}

	/**
	 * Waits for an HTTP request the bot made during this test.
	 * @param method e.g. {@code POST}
	 * @param pathRegex a regular expression the path after the API base must match, e.g.
	 * {@code /channels/\d+/messages}
	 * @return the first matching request
	 */
	public RestCall awaitRestCall(String method, String pathRegex) {
		Pattern path = Pattern.compile("(/api/v\\d+)?" + pathRegex);
		Predicate<RestCall> matches = (call) -> call.method().equalsIgnoreCase(method)
				&& path.matcher(call.path()).matches();
		return await(() -> restCalls().stream().filter(matches).findFirst().orElse(null),
				() -> "Expected the bot to call " + method + " " + pathRegex + " within " + this.timeout.toMillis()
						+ " ms, but no such call happened " + scope() + ". REST calls " + scope() + ": "
						+ describe(restCalls().stream()
							.map((call) -> call.method() + " " + call.path() + " -> " + call.status())
							.toList())
						+ earlier(this.simulator.restCalls().size() - restCalls().size(), "REST calls"));
	}

	/**
	 * Waits for the bot's response to an interaction ({@code POST /interactions/{id}/{token}/callback}).
	 * @param interactionId what a builder's {@code send()} returned
	 */
	public RestCall awaitInteractionResponse(String interactionId) {
		return awaitRestCall("POST", "/interactions/" + Pattern.quote(interactionId) + "/[^/]+/callback");
	}

	/**
	 * Waits for a payload the bot sent on the gateway during this test.
	 * @param op the opcode, e.g. 3 for a presence update
	 * @return the first such payload
	 */
	public ClientFrame awaitCommand(int op) {
		return await(() -> frames().stream().filter((frame) -> frame.op() == op).findFirst().orElse(null),
				() -> "Expected the bot to send op " + op + " within " + this.timeout.toMillis()
						+ " ms, but it sent none " + scope() + ". Payloads " + scope() + ": "
						+ describe(frames().stream().map(SimulatedDiscord::describe).toList())
						+ earlier(this.simulator.framesReceived().size() - frames().size(), "payloads"));
	}

	private List<RestCall> restCalls() {
		return since(this.simulator.restCalls(), this.window.firstRestCall());
	}

	private List<ClientFrame> frames() {
		return since(this.simulator.framesReceived(), this.window.firstFrame());
	}

	private <T> List<T> since(List<T> all, int first) {
		return this.includingEarlierTests ? all : all.subList(Math.min(first, all.size()), all.size());
	}

	private String scope() {
		return this.includingEarlierTests ? "since the simulator started" : "during this test";
	}

	private String earlier(int count, String what) {
		return (count > 0) ? System.lineSeparator() + "Not counted: " + count + " " + what + " from before this test "
				+ "began (discord.includingEarlierTests() sees them)." : "";
	}

	private SimulatedSession newestSession() {
		List<SimulatedSession> sessions = this.simulator.sessions();
		return sessions.isEmpty() ? null : sessions.get(sessions.size() - 1);
	}

	private int totalResumes() {
		return this.simulator.sessions().stream().mapToInt(SimulatedSession::resumes).sum();
	}

	private String describeSessions() {
		SimulatedSession newest = newestSession();
		if (newest == null) {
			return "it has not identified";
		}
		return "its newest session is " + (newest.isValid() ? "valid" : "invalidated") + " and "
				+ (newest.isConnected() ? "connected" : "not connected") + " (resumed " + newest.resumes()
				+ " times in all)";
	}

	private <T> T await(Supplier<T> probe, Supplier<String> failure) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		while (true) {
			T found = probe.get();
			if (found != null) {
				return found;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError(failure.get());
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting", ex);
			}
		}
	}

	private static String describe(ClientFrame frame) {
		return "op " + frame.op() + " " + abbreviate(frame.text());
	}

	private static String describe(List<String> items) {
		return items.isEmpty() ? "none" : items.stream().collect(Collectors.joining(System.lineSeparator() + "  ",
				System.lineSeparator() + "  ", ""));
	}

	private static String abbreviate(String text) {
		String redacted = text.replaceAll("\"token\"\\s*:\\s*\"[^\"]*\"", "\"token\":\"(hidden)\"");
		return (redacted.length() > 160) ? redacted.substring(0, 160) + "..." : redacted;
	}

}
