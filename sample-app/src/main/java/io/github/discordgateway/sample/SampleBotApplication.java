package io.github.discordgateway.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small Discord bot: logs every message and answers {@code !ping} with {@code pong}. Without a token it plays
 * against the embedded gateway simulator.
 */
@SpringBootApplication
public class SampleBotApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleBotApplication.class, args);
	}

}
