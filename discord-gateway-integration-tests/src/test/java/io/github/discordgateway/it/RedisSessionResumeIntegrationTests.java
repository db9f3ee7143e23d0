package io.github.discordgateway.it;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.discordgateway.autoconfigure.redis.DiscordRedisCoordinationAutoConfiguration;
import io.github.discordgateway.autoconfigure.redis.DiscordRedisSessionStoreAutoConfiguration;
import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.it.BotRunner.RecordingListener;
import io.github.discordgateway.redis.BotKey;
import io.github.discordgateway.redis.RedisKeys;
import io.github.discordgateway.redis.EmbeddedRedisServer;
import io.github.discordgateway.redis.RedisSessionStore;
import io.github.discordgateway.session.Session;
import io.github.discordgateway.session.SessionStore;
import io.github.discordgateway.sharding.ShardManager;
import io.github.discordgateway.simulator.SimulatedSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sessions kept in a real Redis (on loopback) outlive the application: a new context resumes the session the last
 * one saved, on the resume URL, and its listeners get what was sent meanwhile, once, marked replayed. With shard
 * leases, a context that lost its shard cannot write over the session of the one that took it over.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisSessionResumeIntegrationTests extends SessionResilienceSupport {

	@RegisterExtension
	static final EmbeddedRedisServer redis = new EmbeddedRedisServer();

	private ApplicationContextRunner bot(String... properties) {
		return BotRunner.against(this.simulator, properties)
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
					DiscordRedisSessionStoreAutoConfiguration.class))
			.withPropertyValues(redis.springProperties())
			.withPropertyValues("discord.gateway.session.store=redis", "discord.gateway.shard-count=1",
					"discord.gateway.shard-ids=0");
	}

	private Session stored() {
		return new RedisSessionStore(redis.connections(), keys()).load(0);
	}

	private RedisKeys keys() {
		return RedisKeys.forBot("discord-gateway", BotKey.fromToken(this.simulator.options().token()));
	}

	@Test
	void aRestartResumesTheSavedSessionAndReplaysExactlyWhatWasSentWhileDown() {
		long[] seen = new long[1];
		SimulatedSession[] first = new SimulatedSession[1];
		// Saved at READY and at shutdown only: the shutdown save must carry what the listeners finished.
		bot("discord.gateway.session.save-interval=1h").run((context) -> {
			assertThat(context.getBean(SessionStore.class)).isInstanceOf(RedisSessionStore.class);
			first[0] = this.simulator.awaitReady(TIMEOUT);
			seen[0] = dispatchMessages(first[0], 2);
			awaitDelivered(context.getBean(RecordingListener.class), seen[0]);
		});
		SimulatedSession session = first[0];
		await().atMost(TIMEOUT).until(() -> !session.isConnected());
		assertThat(stored()).isEqualTo(new Session(session.sessionId(), stored().resumeGatewayUrl(), seen[0], 1));
		dispatchMessages(session, 3);
		long last = session.lastSequence();
		bot().run((context) -> {
			assertResumed(session, seen[0]);
			RecordingListener listener = context.getBean(RecordingListener.class);
			await().atMost(TIMEOUT).until(() -> !listener.sequences("RESUMED").isEmpty());
			List<DispatchEvent> replayed = listener.events.stream().filter(DispatchEvent::isReplayed).toList();
			assertThat(replayed).extracting(DispatchEvent::getSequence)
				.containsExactlyElementsOf(LongStream.rangeClosed(seen[0] + 1, last).boxed().toList());
			assertThat(replayed).extracting(DispatchEvent::getName).containsOnly("MESSAGE_CREATE");
			assertThat(listener.events).as("nothing but the replay and RESUMED").hasSize(replayed.size() + 1);
			assertThat(listener.events.get(listener.events.size() - 1).isReplayed()).isFalse();
		});
	}

	@Test
	void aSavedSessionDiscordNoLongerKnowsLeadsToOneCleanIdentify() {
		SimulatedSession[] first = new SimulatedSession[1];
		bot().run((context) -> {
			first[0] = this.simulator.awaitReady(TIMEOUT);
			await().atMost(TIMEOUT).until(() -> stored() != null);
		});
		first[0].invalidate();
		// Discord forgot the session; the restart identifies once the first run's Identify is a window ago.
		await().atMost(TIMEOUT).until(() -> this.simulator.acceptsIdentify(0));
		bot("discord.gateway.reconnect.invalid-session-delay-min=10ms",
				"discord.gateway.reconnect.invalid-session-delay-max=20ms")
			.run((context) -> {
				this.simulator.awaitFrame(6, TIMEOUT);
				SimulatedSession second = this.simulator.awaitReady(TIMEOUT);
				await().atMost(TIMEOUT).until(() -> stored() != null && stored().sessionId().equals(second.sessionId()));
				assertThat(this.simulator.framesReceived(6)).as("Resume frames").hasSize(1);
				assertThat(this.simulator.framesReceived(2)).as("Identify frames: the first run's and one more")
					.hasSize(2);
				RecordingListener listener = context.getBean(RecordingListener.class);
				await().atMost(TIMEOUT).until(() -> !listener.sequences("READY").isEmpty());
				assertThat(listener.events).noneMatch(DispatchEvent::isReplayed);
			});
	}

	@Test
	void aCrashResumesFromTheLastSavedSequenceAndReplaysWhatWasNotHandled() {
		long[] saved = new long[1];
		SimulatedSession[] first = new SimulatedSession[1];
		bot("discord.gateway.session.save-interval=100ms", "discord.gateway.shutdown.timeout=100ms")
			.withBean(StuckListener.class)
			.run((context) -> {
				first[0] = this.simulator.awaitReady(TIMEOUT);
				saved[0] = dispatchMessages(first[0], 2);
				awaitDelivered(context.getBean(RecordingListener.class), saved[0]);
				await().atMost(TIMEOUT).until(() -> stored() != null && stored().sequence() == saved[0]);
				StuckListener stuck = context.getBean(StuckListener.class);
				stuck.stickOnNextMessage();
				dispatchMessages(first[0], 3);
				await().atMost(TIMEOUT).until(() -> stuck.stuck);
				// The process dies: nothing it does from now on reaches Redis, not even its shutdown.
				((DisposableBean) context.getBean(RedisConnectionFactory.class)).destroy();
				context.close();
				stuck.release();
			});
		SimulatedSession session = first[0];
		await().atMost(TIMEOUT).until(() -> !session.isConnected());
		assertThat(stored().sequence()).as("the crashed process saved nothing more").isEqualTo(saved[0]);
		dispatchMessages(session, 2);
		long last = session.lastSequence();
		bot().run((context) -> {
			assertResumed(session, saved[0]);
			RecordingListener listener = context.getBean(RecordingListener.class);
			await().atMost(TIMEOUT).until(() -> !listener.sequences("RESUMED").isEmpty());
			assertThat(listener.events.stream().filter(DispatchEvent::isReplayed).map(DispatchEvent::getSequence))
				.as("the three the crashed listener never finished, then the two sent while down")
				.containsExactlyElementsOf(LongStream.rangeClosed(saved[0] + 1, last).boxed().toList());
		});
	}

	@Test
	void aRollingDeployHandsTheShardToTheNewProcessWhichResumesIt() {
		bot().run((old) -> {
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			long handled = dispatchMessages(session, 2);
			awaitDelivered(old.getBean(RecordingListener.class), handled);
			RecordingListener oldListener = old.getBean(RecordingListener.class);
			bot("discord.gateway.auto-startup=false").run((replacement) -> {
				old.close();
				await().atMost(TIMEOUT).until(() -> !session.isConnected());
				dispatchMessages(session, 2);
				long last = session.lastSequence();
				replacement.getBean("discordGatewayLifecycle", SmartLifecycle.class).start();
				assertResumed(session, handled);
				RecordingListener listener = replacement.getBean(RecordingListener.class);
				await().atMost(TIMEOUT).until(() -> !listener.sequences("RESUMED").isEmpty());
				assertThat(listener.events.stream().filter(DispatchEvent::isReplayed).map(DispatchEvent::getSequence))
					.containsExactlyElementsOf(LongStream.rangeClosed(handled + 1, last).boxed().toList());
				long live = session.dispatch("MESSAGE_CREATE", message(this.simulator.options(), 99));
				awaitDelivered(listener, live);
				assertThat(oldListener.sequences("MESSAGE_CREATE")).doesNotContain(live);
			});
		});
	}

	@Test
	void withLeasesAProcessThatLostItsShardCannotWriteOverTheSessionTheNewOwnerSaved(CapturedOutput output) {
		BotRunner.against(this.simulator)
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
					DiscordRedisCoordinationAutoConfiguration.class, DiscordRedisSessionStoreAutoConfiguration.class))
			.withPropertyValues(redis.springProperties())
			.withPropertyValues("discord.gateway.session.store=redis", "discord.gateway.coordination.mode=redis",
					"discord.gateway.coordination.lease-duration=900ms", "discord.gateway.shard-count=1")
			.run((context) -> {
				this.simulator.awaitReady(TIMEOUT);
				await().atMost(TIMEOUT).until(() -> stored() != null);
				Session saved = stored();
				// As after a pause past the lease: another process took the shard over, resumed it and saved.
				EmbeddedRedisServer.template(redis.connections()).opsForValue()
					.set(keys().shardLease(0), "the-new-owner");
				Session theirs = saved.withSequence(saved.sequence() + 10);
				new RedisSessionStore(redis.connections(), keys()).save(0, theirs);
				ShardManager shards = context.getBean(ShardManager.class);
				await().atMost(TIMEOUT).until(() -> shards.shardIds().isEmpty()
						&& output.toString().contains("Shard 0's session save was refused"));
				assertThat(stored()).isEqualTo(theirs);
			});
	}

	/**
	 * Blocks on the first message after {@link #stickOnNextMessage()} until released, like a process that dies
	 * mid-work.
	 */
	static class StuckListener {

		volatile boolean armed;

		volatile boolean stuck;

		private final CountDownLatch latch = new CountDownLatch(1);

		void stickOnNextMessage() {
			this.armed = true;
		}

		@EventListener(condition = "#event.name == 'MESSAGE_CREATE'")
		void on(DispatchEvent event) throws InterruptedException {
			if (this.armed) {
				this.stuck = true;
				this.latch.await(20, TimeUnit.SECONDS);
			}
		}

		void release() {
			this.latch.countDown();
		}

	}

}
