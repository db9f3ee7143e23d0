package io.github.discordgateway.test.kit;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

import io.github.discordgateway.protocol.Intent;

/**
 * Finds {@link EnableGatewaySimulator} on a test class.
 */
class GatewaySimulatorContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		EnableGatewaySimulator annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				EnableGatewaySimulator.class);
		return (annotation != null) ? new GatewaySimulatorContextCustomizer(annotation.heartbeatIntervalMillis(),
				annotation.zlibFrameSplit(), Intent.bitfield(List.of(annotation.privilegedIntents())),
				annotation.restRateLimits()) : null;
	}

}
