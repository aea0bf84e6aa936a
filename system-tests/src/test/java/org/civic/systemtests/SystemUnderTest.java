package org.civic.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civic.localinfra.LocalKafka;
import org.civic.localinfra.LocalPostgres;
import org.civic.localinfra.Ports;
import org.civic.localinfra.ServiceProcess;

/**
 * The whole system as it runs in production: the three packaged services (target/quarkus-app)
 * as separate processes on a real PostgreSQL and a real Kafka broker. One per test JVM.
 */
final class SystemUnderTest implements AutoCloseable {
  static final List<String> SERVICES = List.of("members-service", "branches-service", "activities-service");
  private static SystemUnderTest instance;

  final Path root;
  final Path logs;
  final LocalPostgres postgres;
  final LocalKafka kafka;
  private final Map<String, ServiceProcess> running = new LinkedHashMap<>();
  private final Map<String, Integer> ports = new LinkedHashMap<>();

  static synchronized SystemUnderTest get() {
    if (instance == null) {
      instance = new SystemUnderTest();
      Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "system-under-test-stop"));
    }
    return instance;
  }

  private SystemUnderTest() {
    try {
      root = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
      logs = root.resolve("system-tests/target/service-logs");
      Files.createDirectories(logs);
      postgres = LocalPostgres.start(null, 0);
      kafka = LocalKafka.start(null, 0);
      for (String service : SERVICES) {
        postgres.createDatabaseIfMissing(database(service));
        ports.put(service, Ports.freePort());
      }
      for (String service : SERVICES) {
        start(service);
      }
      for (String service : SERVICES) {
        awaitReady(service);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url(String service) {
    return "http://localhost:" + ports.get(service);
  }

  /** Starts (or restarts) one service on its port; the caller waits with {@link #awaitReady}. */
  synchronized void start(String service) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.get(service)));
    env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database(service)));
    env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
    env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    List<String> jvm = new ArrayList<>(List.of("-Xmx256m"));
    running.put(
        service,
        ServiceProcess.launch(
            new ServiceProcess.Spec(service, ports.get(service), database(service)),
            root,
            env,
            jvm,
            logs.resolve(service + "-" + System.currentTimeMillis() + ".log")));
  }

  void awaitReady(String service) {
    ServiceProcess process = running.get(service);
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!process.isReady()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            service + " did not become ready:\n" + process.logTail(60));
      }
      sleep(200);
    }
  }

  /** Stops one service gracefully (SIGTERM), e.g. to show it catches up after a restart. */
  synchronized void stop(String service) {
    ServiceProcess process = running.remove(service);
    if (process != null) {
      process.requestStop();
      process.awaitStopOrKill(Duration.ofSeconds(20));
    }
  }

  @Override
  public synchronized void close() {
    for (String service : new ArrayList<>(running.keySet())) {
      stop(service);
    }
    kafka.close();
    postgres.close();
  }

  private static String database(String service) {
    return service.replace("-service", "");
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
