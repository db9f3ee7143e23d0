package io.github.discordgateway.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names one bot in shared storage without the token: a SHA-256 of the token's first segment (the bot's user id,
 * base64-encoded), so two bots sharing a Redis keep apart and nothing stored can authenticate as either.
 *
 * @param value the key, 24 hex digits
 */
public record BotKey(String value) {

	private static final int HEX_DIGITS = 24;

	/**
	 * The key of the bot a token belongs to (with or without its {@code Bot } prefix).
	 */
	public static BotKey fromToken(String token) {
		if (token == null || token.isBlank()) {
			throw new IllegalArgumentException("A bot key needs the bot token");
		}
		String bare = token.strip();
		bare = bare.startsWith("Bot ") ? bare.substring(4).strip() : bare;
		int dot = bare.indexOf('.');
		String firstSegment = (dot > 0) ? bare.substring(0, dot) : bare;
		return new BotKey(HexFormat.of().formatHex(sha256(firstSegment)).substring(0, HEX_DIGITS));
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

}
