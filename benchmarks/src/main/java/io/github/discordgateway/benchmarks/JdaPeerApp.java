package io.github.discordgateway.benchmarks;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * The peer {@link SpringPathBenchmark} floods side by side with {@link SpringPathApp}: a JDA bot (its light
 * configuration: no member or presence cache) whose listener reads each message's content and author id. JDA's REST
 * base URL and gateway URL point at the load server on 127.0.0.1.
 * <p>
 * Arguments: the load server's port, {@code plain} or {@code zlib}.
 */
public final class JdaPeerApp {

	private JdaPeerApp() {
	}

	public static void main(String[] args) throws Exception {
		FloodProbe.listen();
		String gatewayUrl = "ws://127.0.0.1:" + args[0];
		boolean zlib = "zlib".equals(args[1]);
		JDA jda = JDABuilder.createLight("bench-token", GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT)
			.setRestConfig(new RestConfig().setBaseUrl("http://127.0.0.1:" + args[0] + "/api/v10/"))
			.setSessionController(new LoopbackSessionController(gatewayUrl))
			.setCompression(zlib ? Compression.ZLIB : Compression.NONE)
			.addEventListeners(new ListenerAdapter() {

				@Override
				public void onReady(ReadyEvent event) {
					FloodProbe.ready();
				}

				@Override
				public void onMessageReceived(MessageReceivedEvent event) {
					Message message = event.getMessage();
					FloodProbe.delivered(message.getContentRaw().length() + event.getAuthor().getIdLong());
				}

			})
			.build();
		jda.awaitReady();
	}

	/** Names the loopback gateway instead of asking Discord. */
	private static final class LoopbackSessionController extends SessionControllerAdapter {

		private final String gatewayUrl;

		LoopbackSessionController(String gatewayUrl) {
			this.gatewayUrl = gatewayUrl;
		}

		@Override
		public String getGateway() {
			return this.gatewayUrl;
		}

		@Override
		public ShardedGateway getShardedGateway(JDA api) {
			return new ShardedGateway(this.gatewayUrl, 1, 1);
		}

	}

}
