package io.github.discordgateway.session;

import io.github.discordgateway.protocol.GatewayMessage;
import io.github.discordgateway.protocol.Hello;

/**
 * One handler per opcode a client receives; {@link OpcodeDispatcher} routes each message to its handler.
 */
interface GatewayMessageHandler {

	void onDispatch(GatewayMessage message);

	void onHeartbeatRequest();

	void onReconnect();

	void onInvalidSession(boolean resumable);

	void onHello(Hello hello);

	void onHeartbeatAck();

}
