package io.github.discordgateway.protocol;

/**
 * How this library names itself to Discord.
 */
public final class LibraryInfo {

	/** The library name sent in Identify's properties. */
	public static final String NAME = "discord-gateway-spring-boot";

	/** The project URL Discord's User-Agent convention asks for. */
	public static final String URL = "https://github.com/discord-gateway-spring-boot/discord-gateway-spring-boot";

	/** The version, from the jar's manifest ("dev" when run from classes). */
	public static final String VERSION = version();

	/** The User-Agent every HTTP request sends: {@code DiscordBot (url, version)}. */
	public static final String USER_AGENT = "DiscordBot (" + URL + ", " + VERSION + ")";

	private LibraryInfo() {
	}

	private static String version() {
		String version = LibraryInfo.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "dev";
	}

}
