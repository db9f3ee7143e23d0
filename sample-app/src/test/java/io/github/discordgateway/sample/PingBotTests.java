package io.github.discordgateway.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.discordgateway.protocol.Intent;
import io.github.discordgateway.simulator.RestCall;
import io.github.discordgateway.test.kit.EnableGatewaySimulator;
import io.github.discordgateway.test.kit.SimulatedDiscord;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@EnableGatewaySimulator(privilegedIntents = Intent.MESSAGE_CONTENT)
class PingBotTests {

	@Autowired
	SimulatedDiscord discord;

	@Test
	void answersPing() {
		this.discord.awaitReady();
		this.discord.message("!ping").from("42", "grace").send();
		RestCall reply = this.discord.awaitRestCall("POST", "/channels/\\d+/messages");
		assertThat(reply.body()).contains("\"content\":\"pong\"");
	}

}
