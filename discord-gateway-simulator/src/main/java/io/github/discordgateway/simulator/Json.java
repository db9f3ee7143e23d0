package io.github.discordgateway.simulator;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of the simulator (thread-safe once built).
 */
final class Json {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

}
