package io.github.discordgateway.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The data of Identify (op 2), which starts a new session.
 *
 * @param token the bot token (bare, without "Bot ")
 * @param properties who is connecting
 * @param largeThreshold member count (50-250) above which a guild's offline members are not sent
 * @param shard {@code [shard_id, shard_count]}
 * @param presence the presence to start with, or {@code null}
 * @param intents the intents bitfield
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Identify(String token, ConnectionProperties properties, int largeThreshold, int[] shard,
		UpdatePresence presence, long intents) {

	@Override
	public String toString() {
		return "Identify[shard=" + java.util.Arrays.toString(this.shard) + ", intents=" + this.intents + "]";
	}

}
