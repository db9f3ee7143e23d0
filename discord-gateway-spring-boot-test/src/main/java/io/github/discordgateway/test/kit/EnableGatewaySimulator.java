package io.github.discordgateway.test.kit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.discordgateway.protocol.Intent;

/**
 * Runs a {@code @SpringBootTest} bot against a gateway simulator instead of Discord: a real WebSocket and REST
 * server on 127.0.0.1, started with the test's application context and stopped with it. The bot is wired to it
 * through a {@link io.github.discordgateway.autoconfigure.DiscordConnectionDetails} bean, as
 * {@code @ServiceConnection} does for containers, so no property needs to change.
 * <p>
 * Inject {@link SimulatedDiscord} to script Discord and to await what the bot did:
 * <pre>{@code
 * @SpringBootTest
 * @EnableGatewaySimulator(privilegedIntents = Intent.MESSAGE_CONTENT)
 * class PingTests {
 *
 *     @Autowired
 *     SimulatedDiscord discord;
 *
 *     @Test
 *     void answersPing() {
 *         discord.awaitReady();
 *         discord.message("!ping").send();
 *         RestCall reply = discord.awaitRestCall("POST", "/channels/\\d+/messages");
 *         assertThat(reply.body()).contains("pong");
 *     }
 * }
 * }</pre>
 * Before each test method the test kit resets the {@link SimulatedDiscord} (see {@link SimulatedDiscord#reset()}):
 * test classes with the same configuration share one cached context, simulator and bot, but every test's awaits
 * see only what happened during that test.
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface EnableGatewaySimulator {

	/**
	 * The heartbeat interval the simulator announces in Hello, in milliseconds (Discord's is about 41250; a short
	 * one makes heartbeat behaviour observable in a test).
	 */
	long heartbeatIntervalMillis() default 1000;

	/**
	 * Split every compressed gateway message across this many WebSocket frames (0: one frame per message), as
	 * Discord may.
	 */
	int zlibFrameSplit() default 0;

	/**
	 * The privileged intents enabled for the simulated bot, as the developer portal's switches are for a real
	 * one. Identifying with any other privileged intent closes with 4014, as Discord does.
	 */
	Intent[] privilegedIntents() default {};

	/**
	 * Whether the simulator enforces Discord's REST rate limits (5 messages per channel per 5 s, 50 requests per
	 * second), answering with rate limit headers and 429s as Discord does. The bot's RestClient keeps within them.
	 */
	boolean restRateLimits() default true;

}
