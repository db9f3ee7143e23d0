package io.github.discordgateway.redis;

import java.util.List;

import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RedisKeysTests {

	private static final BotKey BOT = BotKey.fromToken("MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.not-a-real-secret");

	@Test
	void everyKeyOfOneBotHashesToOneClusterSlotSoItsTwoKeyScriptsRunOnARedisCluster() {
		RedisKeys keys = RedisKeys.forBot("discord-gateway", BOT);
		List<String> all = List.of(keys.session(0), keys.session(1023), keys.shardLease(0), keys.shardLease(1023),
				keys.identifyBucket(0), keys.identifyBucket(15), keys.sessionStartBudget());
		int slot = SlotHash.getSlot(keys.session(0));
		assertThat(all).allSatisfy((key) -> assertThat(SlotHash.getSlot(key)).as(key).isEqualTo(slot));
		assertThat(keys.session(3)).isEqualTo("discord-gateway:{" + BOT.value() + "}:session:3");
	}

	@Test
	void differentBotsSpreadOverTheClusterInsteadOfSharingOneSlot() {
		RedisKeys one = RedisKeys.forBot("discord-gateway", BOT);
		RedisKeys other = RedisKeys.forBot("discord-gateway",
				BotKey.fromToken("OTg3NjU0MzIxMDk4NzY1NDMy.Gxyz.another-secret"));
		assertThat(SlotHash.getSlot(one.session(0))).isNotEqualTo(SlotHash.getSlot(other.session(0)));
	}

	@Test
	void aBlankPrefixIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RedisKeys(" "))
			.withMessageContaining("prefix");
	}

}
