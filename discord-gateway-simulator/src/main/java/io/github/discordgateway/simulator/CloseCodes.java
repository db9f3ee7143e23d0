package io.github.discordgateway.simulator;

import java.util.Map;
import java.util.Set;

/**
 * The gateway close codes the simulator sends (GATEWAY.md section 9) and what each means for the session.
 */
final class CloseCodes {

	static final int UNKNOWN_OPCODE = 4001;

	static final int DECODE_ERROR = 4002;

	static final int NOT_AUTHENTICATED = 4003;

	static final int AUTHENTICATION_FAILED = 4004;

	static final int ALREADY_AUTHENTICATED = 4005;

	static final int INVALID_SEQ = 4007;

	static final int RATE_LIMITED = 4008;

	static final int INVALID_SHARD = 4010;

	static final int SHARDING_REQUIRED = 4011;

	static final int INVALID_API_VERSION = 4012;

	static final int INVALID_INTENTS = 4013;

	static final int DISALLOWED_INTENTS = 4014;

	/** What RFC 6455 says to report for a close frame that carried no status code. */
	static final int NO_STATUS = 1005;

	/**
	 * Server close codes after which the session is gone: the docs tell the client to Identify (4003, 4007,
	 * 4009) or to stop (4004, 4010 to 4014). Every other code leaves the session resumable.
	 */
	private static final Set<Integer> SESSION_ENDING = Set.of(4003, 4004, 4007, 4009, 4010, 4011, 4012, 4013, 4014);

	/** A client close with these codes invalidates the session (GATEWAY.md section 9). */
	private static final Set<Integer> CLIENT_INVALIDATING = Set.of(1000, 1001);

	/** Close reasons as Discord words them. */
	private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(UNKNOWN_OPCODE, "Unknown opcode."),
			Map.entry(DECODE_ERROR, "Decode error."), Map.entry(NOT_AUTHENTICATED, "Not authenticated."),
			Map.entry(AUTHENTICATION_FAILED, "Authentication failed."),
			Map.entry(ALREADY_AUTHENTICATED, "Already authenticated."), Map.entry(INVALID_SEQ, "Invalid seq."),
			Map.entry(RATE_LIMITED, "Rate limited."), Map.entry(4009, "Session timed out."),
			Map.entry(INVALID_SHARD, "Invalid shard."), Map.entry(SHARDING_REQUIRED, "Sharding required."),
			Map.entry(INVALID_API_VERSION, "Invalid API version."), Map.entry(INVALID_INTENTS, "Invalid intent(s)."),
			Map.entry(DISALLOWED_INTENTS, "Disallowed intent(s)."));

	private CloseCodes() {
	}

	static String reason(int code) {
		return REASONS.getOrDefault(code, "");
	}

	static boolean serverCloseEndsSession(int code) {
		return SESSION_ENDING.contains(code);
	}

	static boolean clientCloseEndsSession(int code) {
		return CLIENT_INVALIDATING.contains(code);
	}

}
