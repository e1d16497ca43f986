package dev.vigil.testing;

import dev.vigil.testing.services.ServiceProcess;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Certificate authorities and server certificates made at test time with the JDK's {@code keytool}
 * (EC P-256, valid two days), for TLS tests against a local HTTPS server: nothing secret or expiring
 * is checked in.
 */
public final class TestCertificates {

    /** The password of every key store made here. */
    public static final String PASSWORD = "changeit";

    private final Path dir;

    public TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** A new CA named {@code name}; its certificate as PEM is {@code <name>.pem}, its key store {@code <name>.p12}. */
    public Path authority(String name) {
        keytool("-genkeypair", "-keystore", name + ".p12", "-alias", "ca", "-dname", "CN=" + name,
                "-keyalg", "EC", "-groupname", "secp256r1", "-ext", "bc:c", "-validity", "2");
        keytool("-exportcert", "-rfc", "-keystore", name + ".p12", "-alias", "ca", "-file", name + ".pem");
        return dir.resolve(name + ".pem");
    }

    /**
     * A PKCS12 key store holding a server key and its certificate for {@code san} (keytool's
     * {@code -ext san=} syntax: {@code dns:localhost,ip:127.0.0.1}), signed by the CA {@code authority}.
     */
    public Path server(String name, String authority, String san) {
        keytool("-genkeypair", "-keystore", name + ".p12", "-alias", "server", "-dname", "CN=" + name,
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2");
        keytool("-certreq", "-keystore", name + ".p12", "-alias", "server", "-file", name + ".csr");
        keytool("-gencert", "-keystore", authority + ".p12", "-alias", "ca", "-infile", name + ".csr",
                "-outfile", name + ".pem", "-rfc", "-ext", "san=" + san, "-validity", "2");
        keytool("-importcert", "-noprompt", "-keystore", name + ".p12", "-alias", "ca", "-file", authority + ".pem");
        keytool("-importcert", "-keystore", name + ".p12", "-alias", "server", "-file", name + ".pem");
        return dir.resolve(name + ".p12");
    }

    /** A PKCS12 trust store holding only the CA certificate {@code authority}. */
    public Path trustStore(String name, String authority) {
        keytool("-importcert", "-noprompt", "-keystore", name + ".p12", "-storetype", "PKCS12", "-alias", "ca",
                "-file", authority + ".pem");
        return dir.resolve(name + ".p12");
    }

    /** A TLS context presenting the server key store {@code keyStore}. */
    public static SSLContext serverContext(Path keyStore) {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storepass", PASSWORD));
        ServiceProcess.runToCompletion(command, dir, dir.resolve("keytool.log"), Duration.ofMinutes(1));
    }
}
