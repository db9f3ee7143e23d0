package io.github.discordgateway.rest;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * The base URL of Discord's HTTP API as the client was configured with it, e.g.
 * {@code https://discord.com/api/v10}: what is Discord (and so gets the token and the rate limiting) and what is
 * not.
 *
 * @param uri the base, without a trailing slash
 */
public record DiscordApiBase(URI uri) {

	/**
	 * Validates the base.
	 */
	public DiscordApiBase {
		Objects.requireNonNull(uri, "uri");
		if (!uri.isAbsolute() || uri.getHost() == null) {
			throw new IllegalArgumentException("The REST base URL must be absolute with a host, not '" + uri + "'");
		}
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		uri = URI.create(uri.getScheme() + "://" + uri.getRawAuthority()
				+ (path.endsWith("/") ? path.substring(0, path.length() - 1) : path));
	}

	/**
	 * @param baseUrl the base URL
	 * @return the base
	 */
	public static DiscordApiBase of(String baseUrl) {
		return new DiscordApiBase(URI.create(baseUrl));
	}

	/**
	 * Whether a request URI goes to this API: same scheme, host and port, and a path under the base path.
	 * @param request the request URI
	 * @return whether it does
	 */
	public boolean covers(URI request) {
		return request.isAbsolute() && this.uri.getScheme().equalsIgnoreCase(request.getScheme())
				&& this.uri.getHost().toLowerCase(Locale.ROOT).equals(hostOf(request)) && port(this.uri) == port(request)
				&& pathUnderBase(request) != null;
	}

	/**
	 * The path of a request below the base, e.g. {@code /channels/1/messages}.
	 * @param request a URI this base {@link #covers(URI) covers}
	 * @return the path, starting with a slash (a single slash for the base itself)
	 */
	public String relativePath(URI request) {
		String path = pathUnderBase(request);
		if (path == null) {
			throw new IllegalArgumentException("Not a Discord API URL");
		}
		return path;
	}

	private String pathUnderBase(URI request) {
		String base = this.uri.getRawPath();
		String path = (request.getRawPath() != null) ? request.getRawPath() : "";
		if (!path.startsWith(base)) {
			return null;
		}
		String rest = path.substring(base.length());
		if (rest.isEmpty()) {
			return "/";
		}
		return rest.startsWith("/") ? rest : null;
	}

	private static String hostOf(URI uri) {
		return (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : null;
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return switch (uri.getScheme().toLowerCase(Locale.ROOT)) {
			case "https", "wss" -> 443;
			case "http", "ws" -> 80;
			default -> -1;
		};
	}

}
