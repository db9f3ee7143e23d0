package io.github.discordgateway.rest.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTests {

	@Test
	void channelMessagesAreKeyedByTheChannel() {
		Route route = Route.of("POST", "/channels/123/messages");
		assertThat(route.template()).isEqualTo("POST /channels/{channel_id}/messages");
		assertThat(route.majorParameters()).isEqualTo("channels=123;");
		assertThat(Route.of("POST", "/channels/456/messages").majorParameters()).isNotEqualTo(route.majorParameters());
		assertThat(route.global()).isTrue();
	}

	@Test
	void minorIdsAndEmojisBecomePlaceholdersSoTheTemplateHasBoundedCardinality() {
		Route route = Route.of("PUT", "/channels/1/messages/2/reactions/%F0%9F%91%8D/@me");
		assertThat(route.template()).isEqualTo("PUT /channels/{channel_id}/messages/{id}/reactions/{emoji}/@me");
		assertThat(route.majorParameters()).isEqualTo("channels=1;");
	}

	@Test
	void guildRoutesAreKeyedByTheGuild() {
		Route route = Route.of("GET", "/guilds/99/members/5");
		assertThat(route.template()).isEqualTo("GET /guilds/{guild_id}/members/{id}");
		assertThat(route.majorParameters()).isEqualTo("guilds=99;");
	}

	@Test
	void webhookTokensAreMajorParametersButNeverInTheTemplate() {
		Route route = Route.of("POST", "/webhooks/7/secret-token");
		assertThat(route.template()).isEqualTo("POST /webhooks/{webhook_id}/{webhook_token}")
			.doesNotContain("secret-token");
		assertThat(route.majorParameters()).contains("7").contains("secret-token");
		assertThat(route).hasToString("POST /webhooks/{webhook_id}/{webhook_token}");
	}

	@Test
	void interactionCallbacksAreOutsideTheGlobalLimit() {
		Route route = Route.of("POST", "/interactions/8/interaction-token/callback");
		assertThat(route.template()).isEqualTo("POST /interactions/{interaction_id}/{interaction_token}/callback");
		assertThat(route.global()).isFalse();
	}

	@Test
	void routesWithoutMajorParametersShareOneKey() {
		Route route = Route.of("GET", "/gateway/bot");
		assertThat(route.template()).isEqualTo("GET /gateway/bot");
		assertThat(route.majorParameters()).isEmpty();
	}

}
