package io.github.discordgateway.event;

import io.github.discordgateway.model.Presence;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

/**
 * PRESENCE_UPDATE: a user's status, activities or profile changed (needs the GUILD_PRESENCES intent).
 */
public final class PresenceUpdateEvent extends DispatchEvent {

	/**
	 * @param shardId the shard that received it
	 * @param sequence its sequence number
	 * @param replayed whether a resume replayed it
	 * @param data its data, undecoded
	 * @param json the codec that decodes the data on demand
	 */
	public PresenceUpdateEvent(int shardId, long sequence, boolean replayed, RawJson data, GatewayJson json) {
		super("PRESENCE_UPDATE", shardId, sequence, replayed, data, json);
	}

	/**
	 * The presence (any field may be missing), decoded when first asked for.
	 */
	public Presence getPresence() {
		return data(Presence.class);
	}

}
