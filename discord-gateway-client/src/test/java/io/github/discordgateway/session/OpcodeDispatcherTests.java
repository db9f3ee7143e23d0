package io.github.discordgateway.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.GatewayMessage;
import io.github.discordgateway.protocol.Hello;

import static org.assertj.core.api.Assertions.assertThat;

class OpcodeDispatcherTests {

	private final AtomicInteger malformed = new AtomicInteger();

	private final OpcodeDispatcher dispatcher = new OpcodeDispatcher(new GatewayJson(), 3, new GatewayObserver() {

		@Override
		public void malformedMessageSkipped(int shardId) {
			assertThat(shardId).isEqualTo(3);
			OpcodeDispatcherTests.this.malformed.incrementAndGet();
		}

	});

	private final RecordingHandler handler = new RecordingHandler();

	@Test
	void routesEveryOpcodeTheClientReceivesWithoutCountingIt() {
		dispatch("{\"t\":\"READY\",\"s\":1,\"op\":0,\"d\":{}}");
		dispatch("{\"op\":10,\"d\":{\"heartbeat_interval\":41250}}");
		dispatch("{\"op\":11}");
		dispatch("{\"op\":1,\"d\":null}");
		dispatch("{\"op\":7,\"d\":null}");
		dispatch("{\"op\":9,\"d\":true}");
		dispatch("{\"op\":9,\"d\":false}");
		assertThat(this.handler.calls).containsExactly("dispatch READY", "hello 41250", "ack", "heartbeat request",
				"reconnect", "invalid session true", "invalid session false");
		assertThat(this.malformed).hasValue(0);
	}

	@Test
	void skipsAndCountsEachMalformedMessage() {
		dispatch("not json");
		dispatch("{\"op\":\"ten\"}");
		dispatch("{\"op\":0,\"s\":5,\"d\":{}}");
		assertThat(this.handler.calls).isEmpty();
		assertThat(this.malformed).hasValue(3);
	}

	@Test
	void handsOnAHelloWithoutUsableDataAsOneWithoutAHeartbeatIntervalAndCountsIt() {
		dispatch("{\"op\":10}");
		dispatch("{\"op\":10,\"d\":null}");
		dispatch("{\"op\":10,\"d\":[\"no\",\"hello\"]}");
		assertThat(this.handler.calls).containsExactly("hello 0", "hello 0", "hello 0");
		assertThat(this.malformed).hasValue(3);
	}

	@Test
	void skipsAnUnknownOpcodeWithoutCountingItAsMalformed() {
		dispatch("{\"op\":42,\"d\":null}");
		assertThat(this.handler.calls).isEmpty();
		assertThat(this.malformed).hasValue(0);
	}

	private void dispatch(String json) {
		this.dispatcher.dispatch(json.getBytes(StandardCharsets.UTF_8), this.handler);
	}

	static final class RecordingHandler implements GatewayMessageHandler {

		final List<String> calls = new ArrayList<>();

		@Override
		public void onDispatch(GatewayMessage message) {
			this.calls.add("dispatch " + message.type());
		}

		@Override
		public void onHeartbeatRequest() {
			this.calls.add("heartbeat request");
		}

		@Override
		public void onReconnect() {
			this.calls.add("reconnect");
		}

		@Override
		public void onInvalidSession(boolean resumable) {
			this.calls.add("invalid session " + resumable);
		}

		@Override
		public void onHello(Hello hello) {
			this.calls.add("hello " + hello.heartbeatInterval());
		}

		@Override
		public void onHeartbeatAck() {
			this.calls.add("ack");
		}

	}

}
