package io.github.discordgateway.event;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;

import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.GatewayMessage;

/**
 * The protocol data ({@code gateway-v10.json}, {@code payloads/}) the build puts on the test class path from the
 * repository's {@code protocol} folder.
 */
public final class ProtocolFiles {

	private ProtocolFiles() {
	}

	public static File file(String name) {
		URL resource = ProtocolFiles.class.getResource("/protocol/" + name);
		if (resource == null) {
			throw new IllegalStateException("protocol/" + name + " is not on the test class path: build with Maven");
		}
		try {
			return new File(resource.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An example payload from {@code payloads/}, through the same envelope decoding a shard uses.
	 */
	static GatewayMessage payload(GatewayJson json, String name) {
		try {
			byte[] bytes = Files.readAllBytes(file("payloads/" + name).toPath());
			return json.decode(bytes, bytes.length);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * An example dispatch from {@code payloads/}, made into an event by the factory, on shard 0.
	 */
	static DispatchEvent dispatch(GatewayJson json, DispatchEventFactory events, String name) {
		GatewayMessage message = payload(json, name);
		return events.create(message.type(), 0, message.sequence(), false, message.data());
	}

}
