package io.github.discordgateway.session;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.discordgateway.protocol.ConnectionProperties;

import static org.assertj.core.api.Assertions.assertThat;

class ShardSettingsTests {

	private final ShardSettings settings = new ShardSettings(3, 8,
			new IdentifySettings("secret-token", 513, 50, new ConnectionProperties("linux", "lib", "lib"), null),
			new ConnectionSettings(null, ConnectionSettings.DEFAULT_HELLO_TIMEOUT,
					new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.5), Duration.ofSeconds(1),
					Duration.ofSeconds(5), 3),
			DeliverySettings.withQueueCapacity(100), DispatchWatchdog.OFF);

	@Test
	void theTokenNeverAppearsInToString() {
		assertThat(this.settings.toString()).doesNotContain("secret-token").contains("shard=3/8");
		assertThat(this.settings.identify().toString()).doesNotContain("secret-token");
	}

	@Test
	void settingsForAnotherShardKeepEverythingButTheShard() {
		ShardSettings other = this.settings.forShard(5, 16);
		assertThat(other.shardId()).isEqualTo(5);
		assertThat(other.shardCount()).isEqualTo(16);
		assertThat(other.identify()).isSameAs(this.settings.identify());
		assertThat(other.connection()).isSameAs(this.settings.connection());
		assertThat(other.delivery()).isSameAs(this.settings.delivery());
		assertThat(other.watchdog()).isSameAs(this.settings.watchdog());
	}

	@Test
	void anIdentifyCarriesTheShardAndTheIdentifySettings() {
		assertThat(this.settings.identify().identify(3, 8).shard()).containsExactly(3, 8);
		assertThat(this.settings.identify().identify(3, 8).intents()).isEqualTo(513);
	}

}
