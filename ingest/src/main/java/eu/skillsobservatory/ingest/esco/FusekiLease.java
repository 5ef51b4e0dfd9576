package eu.skillsobservatory.ingest.esco;

import eu.skillsobservatory.analytics.failures.EscoStoreException;
import eu.skillsobservatory.analytics.progress.Progress;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdfconnection.RDFConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease on work that one instance of a cluster may do at a time (an ESCO load into the shared
 * SPARQL server), kept in that server: taking it is one SPARQL update that writes this holder only
 * where no other holder's lease runs (the server runs an update in one write transaction, so two
 * instances cannot both take it), with the server's clock for the expiry, so the instances' clocks
 * do not matter. The holder renews it every {@link #TTL} / 3; a holder that died lets it expire. A
 * second load waits for the first, then runs: loads are serialized, not last-wins.
 */
final class FusekiLease implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FusekiLease.class);

  /** The named graph that holds the leases. */
  static final String GRAPH = "urn:skills-observatory:leases";

  /** How long a lease runs unless renewed. */
  static final Duration TTL = Duration.ofSeconds(60);

  /** This process, as a holder: host and process id, and a random part. */
  static final String INSTANCE =
      (ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID())
          .replaceAll("[^A-Za-z0-9@._-]", "_");

  /** What the lease needs of the server. */
  interface Server {
    void update(String sparqlUpdate);

    /** The holder of a lease that has not expired, if any. */
    Optional<String> holder(String lease);
  }

  /** The leases of the server a function runs connections to. */
  @SuppressWarnings("unchecked")
  static Server over(Function<Function<RDFConnection, Object>, Object> call) {
    return new Server() {
      @Override
      public void update(String sparqlUpdate) {
        call.apply(
            c -> {
              c.update(sparqlUpdate);
              return null;
            });
      }

      @Override
      public Optional<String> holder(String lease) {
        String q =
            "SELECT ?h WHERE { GRAPH <"
                + GRAPH
                + "> { "
                + lease
                + " <urn:skills-observatory:lease#holder> ?h ;"
                + " <urn:skills-observatory:lease#until> ?u } FILTER (?u >= NOW()) }";
        return (Optional<String>)
            call.apply(
                c -> {
                  try (QueryExecution x = c.query(q)) {
                    ResultSet rs = x.execSelect();
                    return rs.hasNext()
                        ? Optional.of(rs.next().getLiteral("h").getLexicalForm())
                        : Optional.empty();
                  }
                });
      }
    };
  }

  private final Server server;
  private final String lease;
  private final String holder;
  private final ScheduledExecutorService renewal;

  private FusekiLease(Server server, String lease, String holder) {
    this.server = server;
    this.lease = lease;
    this.holder = holder;
    this.renewal =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "lease-" + lease);
              t.setDaemon(true);
              return t;
            });
    long every = TTL.toMillis() / 3;
    renewal.scheduleAtFixedRate(this::renew, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Takes a lease, waiting while another holder's runs (and saying so through {@code progress}).
   *
   * @param name the lease, e.g. {@code esco-load}
   * @param holder who takes it
   * @param wait how long to wait at most
   * @throws EscoStoreException when another holder still has it after {@code wait}
   */
  static FusekiLease take(
      Server server, String name, String holder, Duration wait, Progress progress) {
    long deadline = System.nanoTime() + wait.toNanos();
    boolean told = false;
    while (true) {
      server.update(takeOrRenew(name, holder));
      Optional<String> now = server.holder(node(name));
      if (now.isPresent() && now.get().equals(holder)) {
        if (told) {
          progress.finish("the other ESCO load ended; this one runs now");
        }
        return new FusekiLease(server, name, holder);
      }
      if (!told) {
        String other = now.orElse("another instance");
        LOG.info("waiting for the ESCO load of {} to end", other);
        progress.start("Waiting for the ESCO load of " + other + " to end", "seconds", -1);
        told = true;
      }
      if (System.nanoTime() > deadline) {
        throw new EscoStoreException(
            "another ESCO load ("
                + now.orElse("another instance")
                + ") still runs on the shared store after "
                + wait.toSeconds()
                + " s; try again when it has ended",
            null);
      }
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new EscoStoreException("interrupted while waiting for another ESCO load", e);
      }
    }
  }

  private void renew() {
    try {
      server.update(takeOrRenew(lease, holder));
      if (!server.holder(node(lease)).map(holder::equals).orElse(false)) {
        LOG.warn("the lease {} was lost (not renewed in time); another load may run", lease);
      }
    } catch (RuntimeException e) {
      LOG.warn("could not renew the lease {}: {}", lease, e.getMessage());
    }
  }

  /** Ends the lease: the next waiting load may run. */
  @Override
  public void close() {
    renewal.shutdownNow();
    server.update(
        "DELETE WHERE { GRAPH <"
            + GRAPH
            + "> { "
            + node(lease)
            + " <urn:skills-observatory:lease#holder> \""
            + holder
            + "\" ; ?p ?o } }");
  }

  static String node(String name) {
    return "<urn:skills-observatory:lease:" + name + ">";
  }

  /**
   * Writes the holder and an expiry {@link #TTL} from the server's now, where the lease is free,
   * expired, or this holder's already; otherwise changes nothing.
   */
  static String takeOrRenew(String name, String holder) {
    String n = node(name);
    return """
        PREFIX l: <urn:skills-observatory:lease#>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        DELETE { GRAPH <%1$s> { %2$s ?p ?o } }
        INSERT { GRAPH <%1$s> { %2$s l:holder "%3$s" ; l:until ?until } }
        WHERE {
          OPTIONAL { GRAPH <%1$s> { %2$s l:holder ?h ; l:until ?u } }
          FILTER (!BOUND(?u) || ?u < NOW() || ?h = "%3$s")
          OPTIONAL { GRAPH <%1$s> { %2$s ?p ?o } }
          BIND (NOW() + "PT%4$dS"^^xsd:dayTimeDuration AS ?until)
        }
        """
        .formatted(GRAPH, n, holder, TTL.toSeconds());
  }
}
