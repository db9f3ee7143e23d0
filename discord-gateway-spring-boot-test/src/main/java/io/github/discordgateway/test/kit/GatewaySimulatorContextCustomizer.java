package io.github.discordgateway.test.kit;

import java.time.Duration;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.RestRateLimit;
import io.github.discordgateway.simulator.SimulatorOptions;

/**
 * Starts a simulator for a test's application context and registers it, its connection details and a
 * {@link SimulatedDiscord}. The simulator is destroyed with the context, after the bot has stopped, so the bot's
 * shutdown is not mistaken for a network failure. Equal customizers share a cached context.
 */
record GatewaySimulatorContextCustomizer(long heartbeatIntervalMillis, int zlibFrameSplit,
		long privilegedIntents, boolean restRateLimits) implements ContextCustomizer {

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		GatewaySimulator simulator = GatewaySimulator.start(SimulatorOptions.builder()
			.heartbeatInterval(Duration.ofMillis(this.heartbeatIntervalMillis))
			.zlibFrameSplit(this.zlibFrameSplit)
			.enabledPrivilegedIntents(this.privilegedIntents)
			.restRateLimit(this.restRateLimits ? RestRateLimit.DISCORD : RestRateLimit.OFF)
			.build());
		DefaultListableBeanFactory beanFactory = (DefaultListableBeanFactory) context.getBeanFactory();
		beanFactory.registerSingleton("gatewaySimulator", simulator);
		beanFactory.registerDisposableBean("gatewaySimulator", simulator::close);
		beanFactory.registerSingleton("simulatorConnectionDetails", new SimulatorConnectionDetails(simulator));
		beanFactory.registerSingleton("simulatedDiscord", new SimulatedDiscord(simulator));
	}

}
