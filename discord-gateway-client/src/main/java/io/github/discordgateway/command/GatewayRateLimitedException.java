package io.github.discordgateway.command;

import java.time.Duration;

/**
 * Discord refused a command with a RATE_LIMITED dispatch (today only Request Guild Members for all members:
 * once per guild every 30 seconds).
 */
public class GatewayRateLimitedException extends RuntimeException {

	private final Duration retryAfter;

	public GatewayRateLimitedException(int opcode, Duration retryAfter) {
		super("Discord rate-limited op " + opcode + "; retry after " + retryAfter.toMillis() + " ms");
		this.retryAfter = retryAfter;
	}

	public Duration getRetryAfter() {
		return this.retryAfter;
	}

}
