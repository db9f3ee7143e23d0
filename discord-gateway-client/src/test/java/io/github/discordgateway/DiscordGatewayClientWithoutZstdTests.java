package io.github.discordgateway;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.discordgateway.event.DispatchListener;
import io.github.discordgateway.transport.compression.TransportCompression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The builder in an application without zstd-jni: the client's classes loaded again from the test class path,
 * less the zstd-jni jar.
 */
class DiscordGatewayClientWithoutZstdTests {

	@Test
	void zstdStreamWithoutZstdJniIsRefusedAtBuildTimeNamingTheSettingAndTheDependency() throws Exception {
		try (URLClassLoader withoutZstd = new URLClassLoader(classPathWithoutZstdJni(),
				ClassLoader.getPlatformClassLoader())) {
			assertThat(withoutZstd.getResource("com/github/luben/zstd/ZstdDecompressCtx.class")).isNull();
			Object builder = withoutZstd.loadClass(DiscordGatewayClient.class.getName()).getMethod("builder").invoke(null);
			Class<?> builderType = builder.getClass();
			builderType.getMethod("token", String.class).invoke(builder, "token");
			Class<?> listenerType = withoutZstd.loadClass(DispatchListener.class.getName());
			builderType.getMethod("eventSink", listenerType).invoke(builder, ignoring(listenerType));
			Class<?> compressionType = withoutZstd.loadClass(TransportCompression.class.getName());
			builderType.getMethod("compression", compressionType).invoke(builder, zstdStream(compressionType));
			assertThatExceptionOfType(InvocationTargetException.class)
				.isThrownBy(() -> builderType.getMethod("build").invoke(builder))
				.havingCause()
				.isInstanceOf(IllegalArgumentException.class)
				.withMessageContaining("compression ZSTD_STREAM cannot be used")
				.withMessageContaining("com.github.luben:zstd-jni");
		}
	}

	private static URL[] classPathWithoutZstdJni() throws MalformedURLException {
		List<URL> urls = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (!Path.of(entry).getFileName().toString().startsWith("zstd-jni")) {
				urls.add(Path.of(entry).toUri().toURL());
			}
		}
		return urls.toArray(URL[]::new);
	}

	private static Object ignoring(Class<?> listenerType) {
		return Proxy.newProxyInstance(listenerType.getClassLoader(), new Class<?>[] { listenerType },
				(proxy, method, arguments) -> null);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Object zstdStream(Class<?> compressionType) {
		return Enum.valueOf((Class<? extends Enum>) compressionType, TransportCompression.ZSTD_STREAM.name());
	}

}
