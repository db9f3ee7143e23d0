package io.github.discordgateway.sharding;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShardRouterTests {

	@Test
	void routesByTheGuildIdsTimestampBits() {
		// 197038439483310086 >> 22 = 46977624770, which is 5 mod 9 and 2 mod 16
		assertThat(ShardRouter.shardFor(197038439483310086L, 9)).isEqualTo(5);
		assertThat(ShardRouter.shardFor(197038439483310086L, 16)).isEqualTo(2);
		assertThat(ShardRouter.shardFor(197038439483310086L, 1)).isZero();
	}

	@Test
	void treatsTheIdAsUnsigned() {
		long highBitId = Long.MIN_VALUE | (5L << 22);
		assertThat(ShardRouter.shardFor(highBitId, 2)).isEqualTo((int) (2199023255557L % 2));
		assertThat(ShardRouter.shardFor(highBitId, 7)).isEqualTo((int) (2199023255557L % 7));
	}

}
