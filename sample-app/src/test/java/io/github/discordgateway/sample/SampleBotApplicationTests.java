package io.github.discordgateway.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.discordgateway.protocol.Intent;
import io.github.discordgateway.test.kit.EnableGatewaySimulator;
import io.github.discordgateway.test.kit.SimulatedDiscord;
import io.github.discordgateway.simulator.RestCall;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample bot against the simulator, through the public test kit only: the example to copy.
 */
@SpringBootTest
@EnableGatewaySimulator(privilegedIntents = Intent.MESSAGE_CONTENT)
class SampleBotApplicationTests {

	@Autowired
	SimulatedDiscord discord;

	@Test
	void answersPingWithPong() {
		this.discord.awaitReady();
		this.discord.message("!ping").send();
		RestCall reply = this.discord.awaitRestCall("POST", "/channels/\\d+/messages");
		assertThat(reply.path()).endsWith("/channels/" + this.discord.guild().textChannelId() + "/messages");
		assertThat(reply.body()).contains("\"content\":\"pong\"");
		assertThat(reply.header("Authorization")).hasValue("Bot " + this.discord.simulator().options().token());
	}

}
