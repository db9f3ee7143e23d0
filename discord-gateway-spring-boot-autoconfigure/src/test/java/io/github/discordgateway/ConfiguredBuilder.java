package io.github.discordgateway;

import io.micrometer.observation.ObservationRegistry;

import io.github.discordgateway.session.ShardSettings;

/**
 * What a client builder was configured with, for the auto-configuration's tests: the builder itself offers no
 * getters.
 */
public final class ConfiguredBuilder {

	private ConfiguredBuilder() {
	}

	/**
	 * The settings every shard of the client the builder builds starts from.
	 */
	public static ShardSettings shardTemplate(DiscordGatewayClient.Builder builder) {
		return builder.shardTemplate("token");
	}

	/**
	 * The most platform threads the client's shards deliver on.
	 */
	public static int maxDeliveryThreads(DiscordGatewayClient.Builder builder) {
		return builder.maxDeliveryThreads();
	}

	/**
	 * The registry listener dispatches are observed with ({@link ObservationRegistry#NOOP} when they are not).
	 */
	public static ObservationRegistry dispatchObservationRegistry(DiscordGatewayClient.Builder builder) {
		return builder.dispatchObservationRegistry();
	}

}
