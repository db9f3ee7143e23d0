package io.github.discordgateway.event;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.GatewayMessage;

/**
 * The shared protocol folder (surefire names it; the fallback works from the module directory).
 */
final class ProtocolFiles {

	private ProtocolFiles() {
	}

	static File file(String name) {
		return new File(System.getProperty("discord.protocol.dir", "../../shared/protocol"), name);
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
		return events.create(message.type(), 0, message.sequence(), message.data());
	}

}
