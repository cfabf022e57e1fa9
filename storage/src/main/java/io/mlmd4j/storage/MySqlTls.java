package io.mlmd4j.storage;

import io.mlmd4j.MlmdException;
import io.mlmd4j.proto.MySQLDatabaseConfig;
import io.mlmd4j.proto.MySQLDatabaseConfig.SSLOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * Connector/J properties for MLMD's {@code SSLOptions}. MLMD names PEM files (as the MySQL C
 * client does); Connector/J wants key stores, so the PEM files are loaded into PKCS#12 stores
 * written to private temporary files.
 */
final class MySqlTls {

  private static final char[] STORE_PASSWORD = "mlmd4j".toCharArray();

  /** How long a connection attempt waits for the server: an unreachable host fails in time. */
  static final int CONNECT_TIMEOUT_MILLIS = 10_000;

  private MySqlTls() {}

  static Properties connectionProperties(MySQLDatabaseConfig mysql) {
    Properties props = new Properties();
    props.setProperty("rewriteBatchedStatements", "true");
    // Connector/J otherwise asks the server for its read-only state before every batch.
    props.setProperty("useLocalSessionState", "true");
    props.setProperty("characterEncoding", "UTF-8");
    props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_MILLIS));
    if (!mysql.hasSslOptions()) {
      // TLS when the server offers it; without it, caching_sha2_password needs the server's key.
      props.setProperty("sslMode", "PREFERRED");
      props.setProperty("allowPublicKeyRetrieval", "true");
      return props;
    }
    SSLOptions ssl = mysql.getSslOptions();
    props.setProperty("sslMode", ssl.getVerifyServerCert() ? "VERIFY_IDENTITY" : "REQUIRED");
    try {
      List<Certificate> trusted = new ArrayList<>();
      if (!ssl.getCa().isEmpty()) {
        trusted.addAll(certificates(Path.of(ssl.getCa())));
      }
      if (!ssl.getCapath().isEmpty()) {
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of(ssl.getCapath()))) {
          for (Path file : dir) {
            if (Files.isRegularFile(file)) {
              trusted.addAll(certificates(file));
            }
          }
        }
      }
      if (!trusted.isEmpty()) {
        KeyStore store = emptyStore();
        for (int i = 0; i < trusted.size(); i++) {
          store.setCertificateEntry("ca" + i, trusted.get(i));
        }
        props.setProperty("trustCertificateKeyStoreUrl", save(store, "trust").toUri().toString());
        props.setProperty("trustCertificateKeyStoreType", "PKCS12");
        props.setProperty("trustCertificateKeyStorePassword", new String(STORE_PASSWORD));
      }
      if (!ssl.getCert().isEmpty() || !ssl.getKey().isEmpty()) {
        if (ssl.getCert().isEmpty() || ssl.getKey().isEmpty()) {
          throw MlmdException.invalidArgument("SSL options need both key and cert, or neither");
        }
        KeyStore store = emptyStore();
        store.setKeyEntry("client", privateKey(Path.of(ssl.getKey())), STORE_PASSWORD,
            certificates(Path.of(ssl.getCert())).toArray(new Certificate[0]));
        props.setProperty("clientCertificateKeyStoreUrl", save(store, "key").toUri().toString());
        props.setProperty("clientCertificateKeyStoreType", "PKCS12");
        props.setProperty("clientCertificateKeyStorePassword", new String(STORE_PASSWORD));
      }
    } catch (IOException | GeneralSecurityException e) {
      throw MlmdException.invalidArgument("Cannot load the MySQL SSL files: %s", e.getMessage());
    }
    if (!ssl.getCipher().isEmpty()) {
      props.setProperty("tlsCiphersuites", ssl.getCipher().replace(':', ','));
    }
    return props;
  }

  private static List<Certificate> certificates(Path pem)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(pem)) {
      return new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
    }
  }

  private static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
    String text = Files.readString(pem, StandardCharsets.US_ASCII);
    if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
      throw new GeneralSecurityException(pem + " is not a PKCS#8 PEM key ('BEGIN PRIVATE KEY');"
          + " convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key8.pem");
    }
    String base64 = text.substring(text.indexOf("-----BEGIN PRIVATE KEY-----") + 27,
        text.indexOf("-----END PRIVATE KEY-----")).replaceAll("\\s", "");
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64));
    GeneralSecurityException last = null;
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw last;
  }

  private static KeyStore emptyStore() throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    return store;
  }

  private static Path save(KeyStore store, String kind)
      throws IOException, GeneralSecurityException {
    Path file = Files.createTempFile("mlmd4j-" + kind, ".p12");
    file.toFile().deleteOnExit();
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, STORE_PASSWORD);
    }
    return file;
  }
}
