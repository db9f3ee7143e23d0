package io.github.discordgateway.event;

import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

/**
 * RESUMED: a resume finished replaying the missed events; the events after it are live.
 */
public final class ResumedEvent extends DispatchEvent {

	/**
	 * @param shardId the shard that received it
	 * @param sequence its sequence number
	 * @param replayed whether a resume replayed it
	 * @param data its data, undecoded
	 * @param json the codec that decodes the data on demand
	 */
	public ResumedEvent(int shardId, long sequence, boolean replayed, RawJson data, GatewayJson json) {
		super("RESUMED", shardId, sequence, replayed, data, json);
	}

}
