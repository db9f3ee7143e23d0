package io.github.discordgateway.sharding;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ShardIdsTests {

	@Test
	void idsAndRangesBecomeAscendingDistinctIds() {
		assertThat(ShardIds.parse("20, 0-3,2")).containsExactly(0, 1, 2, 3, 20);
		assertThat(ShardIds.parse(List.of("4-5", " 7 "))).containsExactly(4, 5, 7);
		assertThat(ShardIds.parse(" ")).isEmpty();
	}

	@Test
	void somethingThatIsNeitherAnIdNorARangeIsRejectedNamingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> ShardIds.parse("0-3,x")).withMessageContaining("'x'");
		assertThatIllegalArgumentException().isThrownBy(() -> ShardIds.parse("-1")).withMessageContaining("'-1'");
		assertThatIllegalArgumentException().isThrownBy(() -> ShardIds.parse("5-2")).withMessageContaining("5-2");
		assertThatIllegalArgumentException().isThrownBy(() -> ShardIds.parse("0-2000000000"))
			.withMessageContaining("more than");
	}

}
