package io.github.discordgateway.session;

import io.github.discordgateway.protocol.ConnectionProperties;
import io.github.discordgateway.protocol.Identify;
import io.github.discordgateway.protocol.UpdatePresence;

/**
 * What a shard's Identify says, apart from the shard itself.
 *
 * @param token the bot token (bare)
 * @param intents the intents bitfield
 * @param largeThreshold member count (50-250) above which offline members are not sent
 * @param properties what Identify says about the client
 * @param presence the presence to identify with, or {@code null}
 */
public record IdentifySettings(String token, long intents, int largeThreshold, ConnectionProperties properties,
		UpdatePresence presence) {

	/**
	 * The Identify of one shard.
	 */
	Identify identify(int shardId, int shardCount) {
		return new Identify(this.token, this.properties, this.largeThreshold, new int[] { shardId, shardCount },
				this.presence, this.intents);
	}

	@Override
	public String toString() {
		return "IdentifySettings[intents=" + this.intents + ", largeThreshold=" + this.largeThreshold + "]";
	}

}
