package io.github.discordgateway.autoconfigure;

import io.github.discordgateway.DiscordGatewayClient;

/**
 * Customizes the auto-configured {@link DiscordGatewayClient} before it is built, after the {@code discord.*}
 * properties and the collaborator beans have been applied. Customizers run in {@link org.springframework.core.Ordered
 * order}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface DiscordGatewayClientCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder, to change in place
	 */
	void customize(DiscordGatewayClient.Builder builder);

}
