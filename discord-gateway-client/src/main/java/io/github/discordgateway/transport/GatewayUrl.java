package io.github.discordgateway.transport;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Builds the URL a connection opens: the gateway's bare URL plus the query every connection must carry. A
 * resume URL arrives bare too, so the query is appended to it the same way (forgetting to is a classic bug).
 */
public final class GatewayUrl {

	/** The gateway API version this client speaks. */
	public static final int API_VERSION = 10;

	private GatewayUrl() {
	}

	/**
	 * What is wrong with a gateway URL, or {@code null} if a connection can be opened to it: it must be absolute,
	 * {@code ws://} or {@code wss://}, with a host.
	 * @param base the gateway's URL, e.g. {@code wss://gateway.discord.gg}
	 */
	public static String problem(String base) {
		if (base == null || base.isBlank()) {
			return "is empty";
		}
		URI uri;
		try {
			uri = new URI(base.strip());
		}
		catch (URISyntaxException ex) {
			return "is not a URL (" + ex.getMessage() + ")";
		}
		if (uri.getScheme() == null) {
			return "has no scheme: it must start with wss:// (or ws://)";
		}
		if (!"ws".equalsIgnoreCase(uri.getScheme()) && !"wss".equalsIgnoreCase(uri.getScheme())) {
			return "must start with wss:// (or ws://), not " + uri.getScheme() + "://";
		}
		if (uri.getHost() == null) {
			return "has no host";
		}
		return null;
	}

	/**
	 * The URL to connect to.
	 * @param base the gateway's URL, e.g. {@code wss://gateway.discord.gg}; any query it has is replaced
	 * @param compress the transport compression ({@code zlib-stream}, {@code zstd-stream}), or {@code null}
	 * @throws IllegalArgumentException if the URL is not one to connect to (see {@link #problem})
	 */
	public static URI connectUri(String base, String compress) {
		String problem = problem(base);
		if (problem != null) {
			throw new IllegalArgumentException("The gateway URL '" + base + "' " + problem);
		}
		URI uri = URI.create(base.strip());
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		String query = "v=" + API_VERSION + "&encoding=json" + ((compress != null) ? "&compress=" + compress : "");
		return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path + "?" + query);
	}

}
