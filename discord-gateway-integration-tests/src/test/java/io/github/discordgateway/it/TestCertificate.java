package io.github.discordgateway.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;

/**
 * A self-signed certificate made for one test run by the JDK's keytool, in a temporary directory: nothing secret
 * is committed.
 *
 * @param keyStore PKCS12 key store with the key and certificate
 * @param certificatePem the certificate alone, PEM-encoded, to trust
 */
record TestCertificate(Path keyStore, Path certificatePem) {

	private static final String PASSWORD = "test-only";

	/**
	 * @param directory where to write the files
	 * @param subjectAlternativeNames e.g. {@code ip:127.0.0.1}
	 */
	static TestCertificate generate(Path directory, String subjectAlternativeNames) throws IOException {
		Path keyStore = directory.resolve("simulator.p12");
		Path pem = directory.resolve("simulator.pem");
		keytool("-genkeypair", "-alias", "simulator", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
				"-dname", "CN=simulator", "-ext", "SAN=" + subjectAlternativeNames, "-storetype", "PKCS12",
				"-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
		keytool("-exportcert", "-rfc", "-alias", "simulator", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
				"-file", pem.toString());
		return new TestCertificate(keyStore, pem);
	}

	/**
	 * A Netty server context serving the certificate.
	 */
	SslContext serverContext() throws IOException, GeneralSecurityException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(this.keyStore)) {
			store.load(in, PASSWORD.toCharArray());
		}
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(store, PASSWORD.toCharArray());
		return SslContextBuilder.forServer(keyManagers).build();
	}

	private static void keytool(String... arguments) throws IOException {
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		List<String> command = new ArrayList<>(List.of(keytool.toString()));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException("keytool did not finish in 60 s");
			}
			String output = new String(process.getInputStream().readAllBytes());
			if (process.exitValue() != 0) {
				throw new IOException("keytool failed: " + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IOException("Interrupted while waiting for keytool", ex);
		}
	}

}
