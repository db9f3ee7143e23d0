package io.github.discordgateway.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's side of the protocol for one WebSocket connection: checks the query, sends Hello, and
 * answers each client payload as Discord would, closing with Discord's close code on every violation.
 * Runs on the connection's event loop only.
 */
final class GatewayConnectionHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

	private static final Logger logger = LoggerFactory.getLogger(GatewayConnectionHandler.class);

	private static final int MAX_PAYLOAD_BYTES = 4096;

	/** Send opcodes that need an identified or resumed session. */
	private static final Set<Integer> SESSION_COMMANDS = Set.of(3, 4, 8, 31, 43);

	private final SimulatorContext context;

	private final GatewayPort port;

	private final SendRateLimit rateLimit = new SendRateLimit();

	private final SendRateLimit presenceRateLimit = SendRateLimit.presenceUpdates();

	private LiveConnection connection;

	/** An Identify or Resume was sent on this connection; a second one closes with 4005. */
	private boolean handshakeAttempted;

	GatewayConnectionHandler(SimulatorContext context, GatewayPort port) {
		this.context = context;
		this.port = port;
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
		if (!(event instanceof HandshakeComplete handshake)) {
			ctx.fireUserEventTriggered(event);
			return;
		}
		QueryStringDecoder uri = new QueryStringDecoder(handshake.requestUri());
		Map<String, String> query = new LinkedHashMap<>();
		uri.parameters().forEach((name, values) -> query.put(name, values.get(0)));
		this.connection = new LiveConnection(this.context.nextConnectionId(), this.port, uri.path(), query,
				ctx.channel());
		this.context.recorder.connection(this.connection);
		if (this.port == GatewayPort.RESUME && this.context.resumeUrlDown()) {
			this.connection.drop();
			return;
		}
		if (!"10".equals(query.get("v"))) {
			close(CloseCodes.INVALID_API_VERSION);
			return;
		}
		if (!"json".equals(query.get("encoding"))) {
			// ETF is not simulated; an encoding Discord cannot decode is a decode error.
			close(CloseCodes.DECODE_ERROR);
			return;
		}
		TransportEncoder encoder = TransportEncoder.forCompress(query.get("compress"), this.context.options)
			.orElse(null);
		if (encoder == null) {
			close(CloseCodes.DECODE_ERROR);
			return;
		}
		this.connection.useEncoder(encoder);
		if (this.context.takeHelloWithheld()) {
			return;
		}
		this.connection.send(this.context.takeReconnectInsteadOfHello() ? Payloads.reconnect()
				: Payloads.hello(this.context.options.heartbeatInterval().toMillis()));
	}

	@Override
	protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
		if (frame instanceof CloseWebSocketFrame close) {
			int code = (close.statusCode() == -1) ? CloseCodes.NO_STATUS : close.statusCode();
			this.connection.onClientClose(code, close.reasonText());
		}
		else if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
			onPayload(frame.content(), frame instanceof BinaryWebSocketFrame);
		}
	}

	private void onPayload(ByteBuf content, boolean binary) {
		long nanos = System.nanoTime();
		String text = content.toString(StandardCharsets.UTF_8);
		JsonNode payload = parse(text);
		JsonNode op = (payload != null) ? payload.get("op") : null;
		boolean opReadable = !binary && op != null && op.isIntegralNumber() && op.canConvertToInt();
		this.context.recorder.frame(new ClientFrame(this.connection.id(), nanos, Instant.now(),
				opReadable ? op.intValue() : ClientFrame.UNPARSEABLE, text));
		if (this.connection.isClosing()) {
			return;
		}
		if (!this.rateLimit.tryAcquire(nanos)) {
			close(CloseCodes.RATE_LIMITED);
		}
		else if (binary || content.readableBytes() > MAX_PAYLOAD_BYTES || payload == null || !payload.isObject()) {
			// Clients cannot send compressed data, and only JSON objects up to 4096 bytes decode.
			close(CloseCodes.DECODE_ERROR);
		}
		else if (!opReadable || !payload.has("d")) {
			close(CloseCodes.UNKNOWN_OPCODE);
		}
		else {
			onCommand(op.intValue(), payload.get("d"));
		}
	}

	private static JsonNode parse(String text) {
		try {
			return Json.MAPPER.readTree(text);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private void onCommand(int op, JsonNode d) {
		switch (op) {
			case 1 -> onHeartbeat(d);
			case 2 -> onIdentify(d);
			case 6 -> onResume(d);
			default -> {
				if (!SESSION_COMMANDS.contains(op)) {
					close(CloseCodes.UNKNOWN_OPCODE);
				}
				else if (!authenticated()) {
					close(CloseCodes.NOT_AUTHENTICATED);
				}
				else if (!d.isObject()) {
					close(CloseCodes.UNKNOWN_OPCODE);
				}
				else if (op == 3 && !this.presenceRateLimit.tryAcquire(System.nanoTime())) {
					close(CloseCodes.RATE_LIMITED);
				}
				else {
					int problem = this.context.commands.answer(op, d, this.connection.session());
					if (problem != SessionCommands.ANSWERED) {
						close(problem);
					}
				}
			}
		}
	}

	private void onHeartbeat(JsonNode d) {
		if (!d.isNull() && !(d.isIntegralNumber() && d.canConvertToLong())) {
			close(CloseCodes.UNKNOWN_OPCODE);
			return;
		}
		if (this.context.acksPaused()) {
			return;
		}
		long delayMillis = this.context.ackDelay().toMillis();
		if (delayMillis > 0) {
			this.connection.sendLater(Payloads.heartbeatAck(), delayMillis);
		}
		else {
			this.connection.send(Payloads.heartbeatAck());
		}
	}

	private void onIdentify(JsonNode d) {
		if (this.handshakeAttempted) {
			close(CloseCodes.ALREADY_AUTHENTICATED);
			return;
		}
		this.handshakeAttempted = true;
		int problem = IdentifyValidator.validate(d, this.context.options);
		if (problem != IdentifyValidator.VALID) {
			close(problem);
			return;
		}
		if (this.context.sessions.start(d, this.connection) == null) {
			this.connection.send(Payloads.invalidSession(false));
		}
	}

	private void onResume(JsonNode d) {
		if (this.handshakeAttempted) {
			close(CloseCodes.ALREADY_AUTHENTICATED);
			return;
		}
		this.handshakeAttempted = true;
		JsonNode seq = d.path("seq");
		if (!d.path("token").isString() || !d.path("session_id").isString() || !seq.isIntegralNumber()
				|| !seq.canConvertToLong()) {
			close(CloseCodes.UNKNOWN_OPCODE);
			return;
		}
		if (!IdentifyValidator.tokenMatches(d.get("token").asString(), this.context.options.token())) {
			close(CloseCodes.AUTHENTICATION_FAILED);
			return;
		}
		SessionState session = this.context.sessions.find(d.get("session_id").asString());
		int outcome = (session != null) ? session.resume(seq.longValue(), this.connection)
				: SessionState.INVALID_SESSION;
		if (outcome == SessionState.INVALID_SESSION) {
			this.connection.send(Payloads.invalidSession(false));
		}
		else if (outcome != SessionState.RESUMED) {
			close(outcome);
		}
	}

	private boolean authenticated() {
		SessionState session = this.connection.session();
		return session != null && session.isValid() && session.live() == this.connection;
	}

	private void close(int code) {
		this.connection.close(code, CloseCodes.reason(code));
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		if (this.connection != null) {
			this.connection.onInactive();
		}
		ctx.fireChannelInactive();
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		// A broken client connection is something to record, not to crash on: it ends as "dropped".
		logger.debug("Gateway connection failed", cause);
		ctx.close();
	}

}
