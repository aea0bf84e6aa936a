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
import org.civic.localinfra.ServiceJvm;
import org.civic.localinfra.ServiceProcess;
import org.civic.localinfra.security.TestTokens;
import org.civic.localinfra.security.Tokens;

/**
 * The whole system as it runs in production: the three packaged services (target/quarkus-app) as
 * separate processes on a real PostgreSQL and a real Kafka broker. One per test JVM.
 */
final class SystemUnderTest implements AutoCloseable {
  static final List<String> SERVICES =
      List.of("members-service", "branches-service", "activities-service");
  private static SystemUnderTest instance;

  final Path root;
  final Path logs;
  final LocalPostgres postgres;
  final LocalKafka kafka;

  /** Receives the services' traces: tracing is on in the system tests, as with a collector. */
  final OtlpReceiver traces = new OtlpReceiver();

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
        ports.put(service, Ports.freePortOtherThan(ports.values()));
      }
      try {
        for (String service : SERVICES) {
          start(service);
        }
        for (String service : SERVICES) {
          awaitReady(service);
        }
      } catch (IOException | RuntimeException e) {
        close(); // no instance yet, so no shutdown hook: leave no process behind
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** ID-number encryption key of the services under test (format of web-commons FieldCipher). */
  private static final String ENCRYPTION_KEYS =
      "it1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

  String url(String service) {
    return "http://localhost:" + ports.get(service);
  }

  /** Starts (or restarts) one service on its port; the caller waits with {@link #awaitReady}. */
  synchronized void start(String service) throws IOException {
    start(service, service);
  }

  /**
   * Starts a second replica of a service (same database, same consumer group) under another name
   * and port, and waits until it is ready; stop it with {@link #stop(String)}.
   */
  synchronized String startReplica(String service) throws IOException {
    String name = service + "-replica";
    ports.put(name, Ports.freePortOtherThan(ports.values()));
    start(name, service);
    awaitReady(name);
    return name;
  }

  /**
   * Starts another instance of {@code service} under {@code name} with extra environment (e.g. the
   * container configuration of docker-compose.yml), same database and consumer group, and waits
   * until it is ready; stop it with {@link #stop(String)}.
   */
  synchronized void startInstance(String name, String service, Map<String, String> env)
      throws IOException {
    launchInstance(name, service, env);
    awaitReady(name);
  }

  /**
   * Like {@link #startInstance} without waiting: several instances boot side by side (each start is
   * mostly one thread's work, so two cores start two at once); the caller waits with {@link
   * #awaitReady} and stops each with {@link #stop(String)}.
   */
  synchronized void launchInstance(String name, String service, Map<String, String> env)
      throws IOException {
    ports.put(name, Ports.freePortOtherThan(ports.values()));
    start(name, service, env);
  }

  Path logFile(String name) {
    return running.get(name).logFile();
  }

  private void start(String name, String service) throws IOException {
    start(name, service, Map.of());
  }

  private void start(String name, String service, Map<String, String> extraEnv) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    // Tracing on, exported over OTLP/HTTP to the in-test receiver, in small batches.
    env.put("QUARKUS_OTEL_SDK_DISABLED", "false");
    env.put("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint());
    env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
    env.putAll(extraEnv);
    env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.get(name)));
    env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database(service)));
    env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
    env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    // Tokens are verified for real, against the key TestTokens signs with.
    env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestTokens.publicKeyFile().toString());
    env.put("MP_JWT_VERIFY_ISSUER", Tokens.ISSUER);
    env.put("SECURITY_ENCRYPTION_KEYS", ENCRYPTION_KEYS);
    List<String> jvm = new ArrayList<>(List.of("-Xmx256m"));
    if (Boolean.parseBoolean(System.getProperty("systemtests.c1-only", "true"))) {
      // C1 only: a service here serves a few hundred requests in all, so C2's compilations (on
      // Java 17 about as much CPU as the start itself, bench/README.md "Start-up") would only
      // compete with the services starting and working beside it on two cores. Behaviour is the
      // same. The probes (-Dprobes) run on the full JIT, as their earlier figures did.
      jvm.add("-XX:TieredStopAtLevel=1");
    }
    running.put(
        name,
        ServiceProcess.launch(
            new ServiceProcess.Spec(service, ports.get(name), database(service)),
            root,
            env,
            ServiceJvm.current().java(),
            jvm,
            logs.resolve(name + "-" + System.currentTimeMillis() + ".log")));
  }

  /** The service process's CPU time so far (user + system), to compare work per event. */
  Duration cpu(String service) {
    return running.get(service).process().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  void awaitReady(String service) {
    ServiceProcess process = running.get(service);
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!process.isReady()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(service + " did not become ready:\n" + process.logTail(60));
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
    traces.close();
  }

  /** A JDBC connection to a service's database, to check what it stored (never to change it). */
  java.sql.Connection db(String service) throws java.sql.SQLException {
    return java.sql.DriverManager.getConnection(
        postgres.jdbcUrl(database(service)), postgres.username(), postgres.password());
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
