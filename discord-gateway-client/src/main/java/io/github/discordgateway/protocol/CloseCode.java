package io.github.discordgateway.protocol;

/**
 * Close codes the gateway sends, each with the action it calls for and what to fix.
 */
public enum CloseCode {

	UNKNOWN_ERROR(4000, CloseAction.RESUME, "Discord reported an unknown error."),
	UNKNOWN_OPCODE(4001, CloseAction.RESUME, "An invalid opcode or payload was sent: a bug worth reporting."),
	DECODE_ERROR(4002, CloseAction.RESUME, "An undecodable or over-size payload was sent: a bug worth reporting."),
	NOT_AUTHENTICATED(4003, CloseAction.IDENTIFY, "A payload was sent before Identify, or the session was invalidated."),
	AUTHENTICATION_FAILED(4004, CloseAction.STOP,
			"Discord rejected the bot token: set a valid one in 'discord.token' (or DISCORD_TOKEN)."),
	ALREADY_AUTHENTICATED(4005, CloseAction.RESUME, "Identify was sent twice on one connection."),
	INVALID_SEQ(4007, CloseAction.IDENTIFY, "The sequence in Resume was invalid."),
	RATE_LIMITED(4008, CloseAction.RESUME, "More than 120 payloads were sent in 60 seconds."),
	SESSION_TIMED_OUT(4009, CloseAction.IDENTIFY, "The session timed out."),
	INVALID_SHARD(4010, CloseAction.STOP,
			"The shard id or count is invalid: check 'discord.gateway.shard-count' and 'discord.gateway.shard-ids'."),
	SHARDING_REQUIRED(4011, CloseAction.STOP,
			"The bot is in too many guilds for its shard count: raise 'discord.gateway.shard-count' (or leave it unset to use Discord's recommendation)."),
	INVALID_API_VERSION(4012, CloseAction.STOP, "The gateway API version is invalid: check 'discord.gateway.url'."),
	INVALID_INTENTS(4013, CloseAction.STOP, "The intents are invalid: check 'discord.gateway.intents'."),
	DISALLOWED_INTENTS(4014, CloseAction.STOP,
			"A privileged intent is not enabled for this bot: enable it in the Discord developer portal (Bot > Privileged Gateway Intents) or remove it from 'discord.gateway.intents'.");

	private final int code;

	private final CloseAction action;

	private final String explanation;

	CloseCode(int code, CloseAction action, String explanation) {
		this.code = code;
		this.action = action;
		this.explanation = explanation;
	}

	public int code() {
		return this.code;
	}

	public CloseAction action() {
		return this.action;
	}

	/**
	 * What the code means and, where the user can act, what to change.
	 */
	public String explanation() {
		return this.explanation;
	}

	/**
	 * The gateway close code with this number, or {@code null} for any other number.
	 */
	public static CloseCode of(int code) {
		for (CloseCode closeCode : values()) {
			if (closeCode.code == code) {
				return closeCode;
			}
		}
		return null;
	}

	/**
	 * The action for any close the client did not start: a gateway code's own action; anything else (an unknown
	 * 4xxx code, 1000/1001 from the server, an abnormal 1006 or a dropped connection) resumes.
	 */
	public static CloseAction actionFor(int code) {
		CloseCode known = of(code);
		return (known != null) ? known.action : CloseAction.RESUME;
	}

}
