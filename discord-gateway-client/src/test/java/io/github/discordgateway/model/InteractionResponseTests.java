package io.github.discordgateway.model;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interaction responses as Discord wants them on {@code POST /interactions/{id}/{token}/callback}, and the
 * modal inputs that come back.
 */
class InteractionResponseTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aMessageIsTypeFourWithItsContent() {
		assertThat(this.json.writeValueAsString(InteractionResponse.message("pong")))
			.isEqualTo("{\"type\":4,\"data\":{\"content\":\"pong\"}}");
	}

	@Test
	void anEphemeralMessageCarriesFlag64() {
		assertThat(this.json.readTree(this.json.writeValueAsString(InteractionResponse.ephemeralMessage("psst")))
			.path("data")
			.path("flags")
			.asInt()).isEqualTo(64);
	}

	@Test
	void deferredResponsesHaveNoData() {
		assertThat(this.json.writeValueAsString(InteractionResponse.deferredMessage())).isEqualTo("{\"type\":5}");
		assertThat(this.json.writeValueAsString(InteractionResponse.deferredUpdate())).isEqualTo("{\"type\":6}");
	}

	@Test
	void aModalHasOneTextInputPerRowInOrder() {
		Map<String, String> inputs = new LinkedHashMap<>();
		inputs.put("name", "Your name");
		inputs.put("why", "Why?");
		String modal = this.json.writeValueAsString(InteractionResponse.modal("apply", "Apply", inputs));
		assertThat(this.json.readTree(modal).path("type").asInt()).isEqualTo(9);
		assertThat(this.json.readTree(modal).path("data").path("components").get(1).path("components").get(0)
			.path("custom_id").asString()).isEqualTo("why");
	}

	@Test
	void modalSubmitValuesAreFoundInActionRowsAndLabels() {
		InteractionData data = new GatewayJson().read(RawJson.of("""
				{"custom_id":"apply","components":[
				  {"type":1,"components":[{"type":4,"custom_id":"name","value":"Ada"}]},
				  {"type":18,"id":3,"component":{"type":4,"custom_id":"why","value":"engines"}}]}
				"""), InteractionData.class);
		assertThat(data.textInputValue("name")).isEqualTo("Ada");
		assertThat(data.textInputValue("why")).isEqualTo("engines");
		assertThat(data.textInputValue("missing")).isNull();
	}

}
