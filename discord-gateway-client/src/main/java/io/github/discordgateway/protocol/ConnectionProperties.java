package io.github.discordgateway.protocol;

/**
 * The {@code properties} of Identify: who is connecting.
 *
 * @param os the operating system
 * @param browser the library name
 * @param device the library name
 */
public record ConnectionProperties(String os, String browser, String device) {

	/**
	 * The properties of this library on this machine.
	 */
	public static ConnectionProperties ofThisLibrary() {
		return new ConnectionProperties(System.getProperty("os.name", "unknown").toLowerCase(java.util.Locale.ROOT),
				LibraryInfo.NAME, LibraryInfo.NAME);
	}

}
