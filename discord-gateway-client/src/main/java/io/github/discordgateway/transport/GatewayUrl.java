package io.github.discordgateway.transport;

import java.net.URI;

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
	 * The URL to connect to.
	 * @param base the gateway's URL, e.g. {@code wss://gateway.discord.gg}; any query it has is replaced
	 * @param compress the transport compression ({@code zlib-stream}, {@code zstd-stream}), or {@code null}
	 */
	public static URI connectUri(String base, String compress) {
		URI uri = URI.create(base.strip());
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		String query = "v=" + API_VERSION + "&encoding=json" + ((compress != null) ? "&compress=" + compress : "");
		return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path + "?" + query);
	}

}
