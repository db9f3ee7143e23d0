package io.github.discordgateway.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.GatewayMessage;
import io.github.discordgateway.protocol.Hello;
import io.github.discordgateway.protocol.MalformedMessageException;
import tools.jackson.core.JacksonException;

/**
 * Decodes each received message and routes it by opcode. A malformed message or an opcode this client does not
 * know is logged and skipped: the gateway may add opcodes, and one bad frame must not end a session. Malformed
 * messages are also counted, through {@link GatewayObserver#malformedMessageSkipped}.
 */
final class OpcodeDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(OpcodeDispatcher.class);

	private final GatewayJson json;

	private final int shardId;

	private final GatewayObserver observer;

	OpcodeDispatcher(GatewayJson json, int shardId, GatewayObserver observer) {
		this.json = json;
		this.shardId = shardId;
		this.observer = observer;
	}

	void dispatch(byte[] bytes, GatewayMessageHandler handler) {
		GatewayMessage message;
		try {
			message = this.json.decode(bytes, bytes.length);
		}
		catch (MalformedMessageException ex) {
			logger.warn("Shard {} skipped a malformed gateway message ({}): {}", this.shardId, ex.getMessage(),
					abbreviate(bytes));
			this.observer.malformedMessageSkipped(this.shardId);
			return;
		}
		try {
			route(message, handler);
		}
		catch (JacksonException ex) {
			logger.warn("Shard {} skipped op {} whose data is malformed ({}): {}", this.shardId, message.op(),
					ex.getOriginalMessage(), abbreviate(bytes));
			this.observer.malformedMessageSkipped(this.shardId);
		}
	}

	private void route(GatewayMessage message, GatewayMessageHandler handler) {
		switch (message.op()) {
			case 0 -> {
				if (message.type() == null) {
					logger.warn("Shard {} skipped a Dispatch without an event name (sequence {})", this.shardId,
							message.sequence());
					this.observer.malformedMessageSkipped(this.shardId);
					return;
				}
				handler.onDispatch(message);
			}
			case 1 -> handler.onHeartbeatRequest();
			case 7 -> handler.onReconnect();
			case 9 -> handler.onInvalidSession("true".equals(message.data().toString()));
			case 10 -> handler.onHello(hello(message));
			case 11 -> handler.onHeartbeatAck();
			default -> logger.warn("Shard {} skipped op {}, which this client does not know", this.shardId,
					message.op());
		}
	}

	/**
	 * The Hello's data. A Hello without usable data is malformed, and is handed on without a heartbeat interval,
	 * so the session reconnects rather than wait for a Hello that will not come.
	 */
	private Hello hello(GatewayMessage message) {
		try {
			Hello hello = this.json.read(message.data(), Hello.class);
			if (hello != null) {
				return hello;
			}
			logger.warn("Shard {} got a Hello without data", this.shardId);
		}
		catch (JacksonException ex) {
			logger.warn("Shard {} got a Hello whose data is malformed ({}): {}", this.shardId,
					ex.getOriginalMessage(), message.data());
		}
		this.observer.malformedMessageSkipped(this.shardId);
		return new Hello(0);
	}

	private static String abbreviate(byte[] bytes) {
		String text = new String(bytes, 0, Math.min(bytes.length, 200), java.nio.charset.StandardCharsets.UTF_8);
		return (bytes.length > 200) ? text + "..." : text;
	}

}
