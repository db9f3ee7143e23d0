package io.github.discordgateway.simulator;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Checks an Identify {@code d} the way Discord does (GATEWAY.md sections 6, 10 and 13) and names the close
 * code for the first problem. Checks run in field order: shape and token, then properties, then the
 * numeric fields, then the shard, then the intents.
 */
final class IdentifyValidator {

	/** The result for an acceptable Identify. */
	static final int VALID = 0;

	private static final int MIN_LARGE_THRESHOLD = 50;

	private static final int MAX_LARGE_THRESHOLD = 250;

	private static final int MAX_GUILDS_PER_SHARD = 2500;

	private IdentifyValidator() {
	}

	/**
	 * @param d the Identify payload's {@code d}
	 * @param options the simulator options
	 * @return {@link #VALID} or the close code
	 */
	static int validate(JsonNode d, SimulatorOptions options) {
		if (!d.isObject() || !d.path("token").isString()) {
			return CloseCodes.UNKNOWN_OPCODE;
		}
		if (!tokenMatches(d.get("token").asString(), options.token())) {
			return CloseCodes.AUTHENTICATION_FAILED;
		}
		if (!d.path("properties").isObject()) {
			return CloseCodes.UNKNOWN_OPCODE;
		}
		JsonNode intents = d.get("intents");
		if (intents == null || !intents.isIntegralNumber() || !intents.canConvertToLong()) {
			return CloseCodes.UNKNOWN_OPCODE;
		}
		JsonNode largeThreshold = d.get("large_threshold");
		if (largeThreshold != null && !inRange(largeThreshold, MIN_LARGE_THRESHOLD, MAX_LARGE_THRESHOLD)) {
			return CloseCodes.UNKNOWN_OPCODE;
		}
		if (d.has("compress") && !d.get("compress").isBoolean()) {
			return CloseCodes.UNKNOWN_OPCODE;
		}
		if (d.has("presence") && !d.get("presence").isObject()) {
			return CloseCodes.UNKNOWN_OPCODE;
		}
		int shardProblem = checkShard(d.get("shard"), options.guilds());
		if (shardProblem != VALID) {
			return shardProblem;
		}
		long bits = intents.longValue();
		if (bits < 0 || (bits & ~Intents.DOCUMENTED) != 0) {
			return CloseCodes.INVALID_INTENTS;
		}
		if ((bits & Intents.PRIVILEGED & ~options.enabledPrivilegedIntents()) != 0) {
			return CloseCodes.DISALLOWED_INTENTS;
		}
		return VALID;
	}

	/** Identify and Resume take the token bare or with the {@code Bot } prefix that REST needs. */
	static boolean tokenMatches(String sent, String expected) {
		return sent.equals(expected) || sent.equals("Bot " + expected);
	}

	/** Reads a validated {@code shard} field. */
	static SimulatedSession.Shard shard(JsonNode d) {
		JsonNode shard = d.get("shard");
		return (shard == null || shard.isNull()) ? null
				: new SimulatedSession.Shard(shard.get(0).intValue(), shard.get(1).intValue());
	}

	private static int checkShard(JsonNode shard, List<SimulatedGuild> guilds) {
		if (shard == null || shard.isNull()) {
			return (guilds.size() > MAX_GUILDS_PER_SHARD) ? CloseCodes.SHARDING_REQUIRED : VALID;
		}
		if (!shard.isArray() || shard.size() != 2 || !isInt(shard.get(0)) || !isInt(shard.get(1))) {
			return CloseCodes.UNKNOWN_OPCODE;
		}
		int id = shard.get(0).intValue();
		int count = shard.get(1).intValue();
		if (count < 1 || id < 0 || id >= count) {
			return CloseCodes.INVALID_SHARD;
		}
		SimulatedSession.Shard parsed = new SimulatedSession.Shard(id, count);
		long held = guilds.stream().filter((guild) -> parsed.holds(guild.id())).count();
		return (held > MAX_GUILDS_PER_SHARD) ? CloseCodes.SHARDING_REQUIRED : VALID;
	}

	private static boolean inRange(JsonNode value, int min, int max) {
		return isInt(value) && value.intValue() >= min && value.intValue() <= max;
	}

	private static boolean isInt(JsonNode value) {
		return value.isIntegralNumber() && value.canConvertToInt();
	}

}
