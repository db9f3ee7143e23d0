package io.github.discordgateway.event;

import io.github.discordgateway.model.VoiceState;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

/**
 * VOICE_STATE_UPDATE: a user joined, left or moved between voice channels, or changed mute or deafen state.
 */
public final class VoiceStateUpdateEvent extends DispatchEvent {

	/**
	 * @param shardId the shard that received it
	 * @param sequence its sequence number
	 * @param replayed whether a resume replayed it
	 * @param data its data, undecoded
	 * @param json the codec that decodes the data on demand
	 */
	public VoiceStateUpdateEvent(int shardId, long sequence, boolean replayed, RawJson data, GatewayJson json) {
		super("VOICE_STATE_UPDATE", shardId, sequence, replayed, data, json);
	}

	/**
	 * The voice state as it is now, decoded when first asked for.
	 */
	public VoiceState getVoiceState() {
		return data(VoiceState.class);
	}

}
