package io.github.discordgateway.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

import io.github.discordgateway.transport.TransportSecurity;

/**
 * TLS for the bot's connections: https/wss required off loopback, and the trust material of the SSL bundle named
 * by {@code discord.ssl.bundle} for both the REST client and the gateway's WebSocket client. Certificate and host
 * name verification stay on: the JDK's HTTP client and Tomcat's WebSocket client both check the host name.
 */
final class DiscordTransportSecurity {

	private final DiscordProperties properties;

	private final ObjectProvider<SslBundles> sslBundles;

	DiscordTransportSecurity(DiscordProperties properties, ObjectProvider<SslBundles> sslBundles) {
		this.properties = properties;
		this.sslBundles = sslBundles;
	}

	/**
	 * Refuses a plain-text REST base URL off loopback.
	 */
	static void requireSecureRest(DiscordProperties properties, DiscordConnectionDetails connectionDetails) {
		requireSecure(properties, connectionDetails.getRestBaseUrl(), "discord.rest.base-url");
	}

	/**
	 * Refuses a plain-text gateway URL off loopback.
	 */
	static void requireSecureGateway(DiscordProperties properties, DiscordConnectionDetails connectionDetails) {
		if (connectionDetails.getGatewayUrl() != null) {
			requireSecure(properties, connectionDetails.getGatewayUrl(), "discord.gateway.url");
		}
	}

	/**
	 * Sends the builder's requests through the JDK's HTTP client with the bundle's SSL context, when a bundle is
	 * configured; otherwise leaves the builder as it is.
	 */
	RestClient.Builder applyTo(RestClient.Builder builder) {
		SslBundle bundle = bundle();
		if (bundle == null) {
			return builder;
		}
		SSLContext context = bundle.createSslContext();
		HttpClient client = HttpClient.newBuilder()
			.sslContext(context)
			.sslParameters(parameters(context, bundle.getOptions()))
			.build();
		return builder.requestFactory(new JdkClientHttpRequestFactory(client));
	}

	/**
	 * Gives the WebSocket client the bundle's SSL context, when a bundle is configured.
	 */
	StandardWebSocketClient applyTo(StandardWebSocketClient client) {
		SslBundle bundle = bundle();
		if (bundle != null) {
			client.setSslContext(bundle.createSslContext());
		}
		return client;
	}

	private SslBundle bundle() {
		String name = this.properties.getSsl().getBundle();
		if (!StringUtils.hasText(name)) {
			return null;
		}
		SslBundles bundles = this.sslBundles.getIfAvailable();
		if (bundles == null) {
			throw new IllegalStateException("'discord.ssl.bundle' is set to '" + name + "' but no SslBundles bean "
					+ "exists (spring.ssl.bundle.* needs Spring Boot's SslAutoConfiguration)");
		}
		return bundles.getBundle(name);
	}

	private static void requireSecure(DiscordProperties properties, String url, String property) {
		TransportSecurity.requireSecure(URI.create(url), property,
				properties.isInsecureTransportAllowedForTestingOnly());
	}

	private static SSLParameters parameters(SSLContext context, SslOptions options) {
		SSLParameters parameters = context.getDefaultSSLParameters();
		if (options.getCiphers() != null) {
			parameters.setCipherSuites(options.getCiphers());
		}
		if (options.getEnabledProtocols() != null) {
			parameters.setProtocols(options.getEnabledProtocols());
		}
		return parameters;
	}

}
