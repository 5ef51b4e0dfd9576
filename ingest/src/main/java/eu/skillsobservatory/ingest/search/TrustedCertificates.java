package eu.skillsobservatory.ingest.search;

import eu.skillsobservatory.analytics.failures.SearchStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The CA certificate an {@code https} cluster is checked against. */
final class TrustedCertificates {
  private TrustedCertificates() {}

  /** An SSL context that trusts the certificates in a PEM file (and nothing else). */
  static SSLContext context(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      Collection<? extends Certificate> certs =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw new SearchStoreException(
            "observatory.elasticsearch.ca-certificate: " + pem + " holds no certificate");
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate c : certs) {
        store.setCertificateEntry("ca-" + i++, c);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (NoSuchFileException e) {
      throw new SearchStoreException(
          "observatory.elasticsearch.ca-certificate: " + pem + " does not exist", e);
    } catch (IOException | GeneralSecurityException e) {
      throw new SearchStoreException(
          "observatory.elasticsearch.ca-certificate: "
              + pem
              + " is not a PEM certificate: "
              + e.getMessage(),
          e);
    }
  }
}
