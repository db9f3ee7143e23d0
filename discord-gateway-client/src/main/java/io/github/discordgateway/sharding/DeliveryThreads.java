package io.github.discordgateway.sharding;

import java.util.concurrent.ThreadFactory;

/**
 * Makes the shards' delivery threads: virtual threads when the JVM has them (Java 21 and later), so that
 * hundreds of shards do not hold hundreds of platform threads; daemon platform threads otherwise.
 */
final class DeliveryThreads {

	private DeliveryThreads() {
	}

	static ThreadFactory create() {
		try {
			Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
			return (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
		}
		catch (ReflectiveOperationException ex) {
			return Thread::new;
		}
	}

}
