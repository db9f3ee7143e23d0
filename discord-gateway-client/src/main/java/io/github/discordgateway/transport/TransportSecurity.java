package io.github.discordgateway.transport;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Requires TLS ({@code https}, {@code wss}) for every URL the bot talks to, except on the loopback interface
 * where tests and local simulators run. The token crosses these connections, so plain text elsewhere is refused
 * unless explicitly allowed for testing.
 */
public final class TransportSecurity {

	private TransportSecurity() {
	}

	/**
	 * Checks one URL.
	 * @param url the URL
	 * @param setting what configured it, named in the error (e.g. a property name)
	 * @param insecureAllowed whether plain text off loopback is allowed anyway
	 * @throws IllegalArgumentException if the URL is plain text to a host off loopback and that is not allowed,
	 * or its scheme is neither HTTP nor WebSocket
	 */
	public static void requireSecure(URI url, String setting, boolean insecureAllowed) {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		switch (scheme) {
			case "https", "wss" -> {
			}
			case "http", "ws" -> {
				if (!insecureAllowed && !isLoopback(url.getHost())) {
					throw new IllegalArgumentException("'" + setting + "' is " + url + ", which sends the bot token "
							+ "in plain text to a host that is not loopback. Use " + scheme + "s, or set "
							+ "'discord.insecure-transport-allowed-for-testing-only' for a test environment.");
				}
			}
			default -> throw new IllegalArgumentException(
					"'" + setting + "' is " + url + ", which is neither an HTTP nor a WebSocket URL");
		}
	}

	/**
	 * Whether a host is the loopback interface: {@code localhost} or a literal loopback address. Other names are
	 * not resolved, so DNS cannot make a host count as loopback.
	 */
	static boolean isLoopback(String host) {
		if (host == null || host.isEmpty()) {
			return false;
		}
		String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		if (bare.equalsIgnoreCase("localhost")) {
			return true;
		}
		if (!isAddressLiteral(bare)) {
			return false;
		}
		try {
			return InetAddress.getByName(bare).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static boolean isAddressLiteral(String host) {
		return host.contains(":") || host.chars().allMatch((c) -> Character.isDigit(c) || c == '.');
	}

}
