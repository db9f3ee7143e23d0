package io.github.discordgateway.test.kit;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Resets every {@link SimulatedDiscord} of a test's application context before each test method, as Spring's
 * {@code MockRestServiceServer} and WireMock are reset: a cached context is shared by many test classes, and a
 * test must not pass on what an earlier one made the bot do. Registered in {@code META-INF/spring.factories}.
 */
class SimulatedDiscordTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		// After dependency injection (2000), which loads the context.
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			ApplicationContext context = testContext.getApplicationContext();
			context.getBeansOfType(SimulatedDiscord.class, false, false).values().forEach(SimulatedDiscord::reset);
		}
	}

}
