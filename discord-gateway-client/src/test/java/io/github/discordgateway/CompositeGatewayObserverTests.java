package io.github.discordgateway;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.discordgateway.session.GatewayObserver;
import io.github.discordgateway.transport.OversizeMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every observer hears every callback, even when one before it throws.
 */
class CompositeGatewayObserverTests {

	@Test
	void anObserverThatThrowsKeepsNoOtherFromHearing() {
		List<String> heard = new ArrayList<>();
		GatewayObserver throwing = new GatewayObserver() {

			@Override
			public void connectionClosed(int shardId, int closeCode) {
				throw new IllegalStateException("broken observer");
			}

			@Override
			public void malformedMessageSkipped(int shardId) {
				throw new IllegalStateException("broken observer");
			}

		};
		GatewayObserver recording = new GatewayObserver() {

			@Override
			public void connectionClosed(int shardId, int closeCode) {
				heard.add("closed " + closeCode);
			}

			@Override
			public void malformedMessageSkipped(int shardId) {
				heard.add("malformed " + shardId);
			}

			@Override
			public void messageSkipped(int shardId, OversizeMessage message) {
				heard.add("skipped " + message.type());
			}

		};
		CompositeGatewayObserver composite = new CompositeGatewayObserver(List.of(throwing, recording));

		composite.connectionClosed(0, 4000);
		composite.malformedMessageSkipped(2);
		composite.messageSkipped(1, new OversizeMessage("GUILD_CREATE", 7, 2_000_000, 1_000_000));

		assertThat(heard).containsExactly("closed 4000", "malformed 2", "skipped GUILD_CREATE");
	}

}
