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
 *
 * @since 0.1.0
 */
public final class SimulatedDiscord {

	private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	private final GatewaySimulator simulator;

	private final Duration timeout;

	public SimulatedDiscord(GatewaySimulator simulator) {
		this(simulator, DEFAULT_TIMEOUT);
	}

	private SimulatedDiscord(GatewaySimulator simulator, Duration timeout) {
		this.simulator = simulator;
		this.timeout = timeout;
	}

	/**
	 * This handle with another timeout for its awaits.
	 */
	public SimulatedDiscord within(Duration timeout) {
		return new SimulatedDiscord(this.simulator, timeout);
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
	 * Waits until the bot has identified and received READY.
	 */
	public SimulatedSession awaitReady() {
		List<SimulatedSession> sessions = this.simulator.sessions();
		return sessions.isEmpty() ? this.simulator.awaitReady(this.timeout) : sessions.get(sessions.size() - 1);
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
	 * Sends any dispatch on the bot's session.
	 * @return the sequence it got
	 */
	public long dispatch(String event, Map<String, ?> data) {
		return awaitReady().dispatch(event, data);
	}

	/** Asks the bot to reconnect (op 7). */
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

	/** Stops (or resumes) acknowledging heartbeats. */
	public void pauseAcks(boolean paused) {
		this.simulator.pauseAcks(paused);
	}

	/**
	 * Waits for an HTTP request the bot made.
	 * @param method e.g. {@code POST}
	 * @param pathRegex a regular expression the path after the API base must match, e.g.
	 * {@code /channels/\d+/messages}
	 * @return the first matching request
	 */
	public RestCall awaitRestCall(String method, String pathRegex) {
		Pattern path = Pattern.compile("(/api/v\\d+)?" + pathRegex);
		Predicate<RestCall> matches = (call) -> call.method().equalsIgnoreCase(method)
				&& path.matcher(call.path()).matches();
		return await(() -> this.simulator.restCalls().stream().filter(matches).findFirst().orElse(null),
				() -> "Expected the bot to call " + method + " " + pathRegex + " within " + this.timeout.toMillis()
						+ " ms, but it made these REST calls: " + describe(this.simulator.restCalls().stream()
							.map((call) -> call.method() + " " + call.path() + " -> " + call.status())
							.toList()));
	}

	/**
	 * Waits for the bot's response to an interaction ({@code POST /interactions/{id}/{token}/callback}).
	 * @param interactionId what {@link SlashCommandBuilder#send()} returned
	 */
	public RestCall awaitInteractionResponse(String interactionId) {
		return awaitRestCall("POST", "/interactions/" + Pattern.quote(interactionId) + "/[^/]+/callback");
	}

	/**
	 * Waits for a payload the bot sent on the gateway.
	 * @param op the opcode, e.g. 3 for a presence update
	 * @return the first such payload
	 */
	public ClientFrame awaitCommand(int op) {
		return await(() -> this.simulator.framesReceived(op).stream().findFirst().orElse(null),
				() -> "Expected the bot to send op " + op + " within " + this.timeout.toMillis()
						+ " ms, but it sent: " + describe(this.simulator.framesReceived().stream()
							.map((frame) -> "op " + frame.op() + " " + abbreviate(frame.text()))
							.toList()));
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

	private static String describe(List<String> items) {
		return items.isEmpty() ? "none" : items.stream().collect(Collectors.joining(System.lineSeparator() + "  ",
				System.lineSeparator() + "  ", ""));
	}

	private static String abbreviate(String text) {
		String redacted = text.replaceAll("\"token\"\\s*:\\s*\"[^\"]*\"", "\"token\":\"(hidden)\"");
		return (redacted.length() > 160) ? redacted.substring(0, 160) + "..." : redacted;
	}

}
