package io.github.discordgateway.event;

import io.github.discordgateway.model.VoiceServer;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

/**
 * VOICE_SERVER_UPDATE: a guild's voice server was assigned or changed.
 */
public final class VoiceServerUpdateEvent extends DispatchEvent {

	/**
	 * @param shardId the shard that received it
	 * @param sequence its sequence number
	 * @param replayed whether a resume replayed it
	 * @param data its data, undecoded
	 * @param json the codec that decodes the data on demand
	 */
	public VoiceServerUpdateEvent(int shardId, long sequence, boolean replayed, RawJson data, GatewayJson json) {
		super("VOICE_SERVER_UPDATE", shardId, sequence, replayed, data, json);
	}

	/**
	 * The voice server, decoded when first asked for.
	 */
	public VoiceServer getVoiceServer() {
		return data(VoiceServer.class);
	}

}
