package io.github.discordgateway.autoconfigure.redis;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.discordgateway.autoconfigure.DiscordGatewayAutoConfiguration;
import io.github.discordgateway.redis.BotKey;
import io.github.discordgateway.redis.RedisSessionStore;
import io.github.discordgateway.session.InMemorySessionStore;
import io.github.discordgateway.session.SessionStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which session store the properties choose. No Redis runs here: making the store connects to nothing.
 */
class DiscordRedisSessionStoreAutoConfigurationTests {

	private static final String TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.secret-part";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
				DiscordRedisSessionStoreAutoConfiguration.class, DiscordGatewayAutoConfiguration.class))
		.withPropertyValues("discord.token=" + TOKEN, "discord.gateway.auto-startup=false",
				"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=1");

	@Test
	void sessionsStayInMemoryUnlessRedisIsChosen() {
		this.contextRunner
			.run((context) -> assertThat(context).getBean(SessionStore.class).isInstanceOf(InMemorySessionStore.class));
	}

	@Test
	void redisKeepsTheSessionsUnderTheBotKeyNeverTheToken() {
		this.contextRunner.withPropertyValues("discord.gateway.session.store=redis").run((context) -> {
			assertThat(context).getBean(SessionStore.class).isInstanceOf(RedisSessionStore.class);
			RedisSessionStore store = context.getBean(RedisSessionStore.class);
			assertThat(store.key(3)).isEqualTo("discord-gateway:{" + BotKey.fromToken(TOKEN) + "}:session:3");
			for (String segment : TOKEN.split("\\.")) {
				assertThat(store.key(3) + store).doesNotContain(segment);
			}
		});
	}

	@Test
	void withShardLeasesASessionIsWrittenOnlyWhileThisProcessHoldsTheShardsLease() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DiscordRedisCoordinationAutoConfiguration.class))
			.withPropertyValues("discord.gateway.session.store=redis", "discord.gateway.coordination.mode=redis")
			.run((context) -> assertThat(context.getBean(RedisSessionStore.class))
				.hasToString("RedisSessionStore[discord-gateway:{" + BotKey.fromToken(TOKEN)
						+ "}:session:*, fenced by the shard leases]"));
	}

	@Test
	void withFixedShardIdsSessionsAreWrittenUnconditionally() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DiscordRedisCoordinationAutoConfiguration.class))
			.withPropertyValues("discord.gateway.session.store=redis", "discord.gateway.coordination.mode=redis",
					"discord.gateway.shard-count=2", "discord.gateway.shard-ids=0-1")
			.run((context) -> assertThat(context.getBean(RedisSessionStore.class))
				.hasToString("RedisSessionStore[discord-gateway:{" + BotKey.fromToken(TOKEN) + "}:session:*]"));
	}

	@Test
	void aSessionStoreBeanOfYourOwnWins() {
		this.contextRunner.withPropertyValues("discord.gateway.session.store=redis")
			.withBean("mySessionStore", SessionStore.class, InMemorySessionStore::new)
			.run((context) -> assertThat(context).getBean(SessionStore.class).isInstanceOf(InMemorySessionStore.class));
	}

	@Test
	void redisWithoutTheRedisModuleFailsNamingIt() {
		this.contextRunner.withPropertyValues("discord.gateway.session.store=redis")
			.withClassLoader(new FilteredClassLoader(RedisSessionStore.class))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("io.github.discordgateway:discord-gateway-redis"));
	}

	@Test
	void theSaveIntervalReachesTheClient() {
		this.contextRunner.withPropertyValues("discord.gateway.session.save-interval=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("sessionSaveInterval must be positive"));
	}

}
