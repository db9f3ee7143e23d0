package io.github.discordgateway.redis;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a test opened (processes, connections, executors), closed after it in the reverse order of opening.
 * Registered per test instance: {@code @RegisterExtension final CloseAfterEach cleanUp = new CloseAfterEach();}.
 */
final class CloseAfterEach implements AfterEachCallback {

	private final List<AutoCloseable> opened = new ArrayList<>();

	void add(AutoCloseable closeable) {
		this.opened.add(closeable);
	}

	@Override
	public void afterEach(ExtensionContext context) throws Exception {
		for (int i = this.opened.size() - 1; i >= 0; i--) {
			this.opened.get(i).close();
		}
		this.opened.clear();
	}

}
