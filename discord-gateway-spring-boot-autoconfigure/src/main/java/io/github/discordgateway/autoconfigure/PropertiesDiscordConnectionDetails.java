package io.github.discordgateway.autoconfigure;

/**
 * {@link DiscordConnectionDetails} from {@link DiscordProperties}.
 */
class PropertiesDiscordConnectionDetails implements DiscordConnectionDetails {

	private final DiscordProperties properties;

	PropertiesDiscordConnectionDetails(DiscordProperties properties) {
		this.properties = properties;
	}

	@Override
	public String getToken() {
		return this.properties.getToken();
	}

	@Override
	public String getRestBaseUrl() {
		return this.properties.getRest().getBaseUrl();
	}

	@Override
	public String getGatewayUrl() {
		return this.properties.getGateway().getUrl();
	}

}
