package org.civic.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.civic.localinfra.demo.DemoData;
import org.civic.localinfra.demo.DemoDataSet;
import org.civic.localinfra.security.JwtKeys;
import org.civic.localinfra.security.Tokens;
import sun.misc.Signal;

/**
 * The local launcher behind {@code ./run-local.sh}: PostgreSQL and Kafka in this JVM, the three
 * packaged services as child processes, an ordered stop on Ctrl-C. Data lives in {@code .local/}.
 */
public final class LocalRun {

  /** The services in start order, on consecutive ports from {@code firstPort} (8081 by default). */
  static List<ServiceProcess.Spec> services(int firstPort) {
    return List.of(
        new ServiceProcess.Spec("members-service", firstPort, "members"),
        new ServiceProcess.Spec("branches-service", firstPort + 1, "branches"),
        new ServiceProcess.Spec("activities-service", firstPort + 2, "activities"));
  }

  // Generous on purpose: three JVMs start together on 2 cores (~12 s of CPU each on Java 17, ~25 %
  // more while recording an AOT cache), and 120 s ran out at load 12-15 from other builds.
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);
  // Three JVMs assembling their caches at once on 2 cores: ~20 s each alone, 71 s together at load
  // 17.
  private static final Duration AOT_CACHE_STOP_GRACE = Duration.ofSeconds(180);

  private final LocalRunOptions options;
  private final List<ServiceProcess.Spec> specs;
  private final Path local;
  private final Path logs;
  private final LeftoverServices leftovers;
  private final List<ServiceProcess> services = new ArrayList<>();
  private final Deque<AutoCloseable> infrastructure = new ArrayDeque<>(); // newest first
  private LocalPostgres postgres;
  private LocalKafka kafka;
  private FileLock runLock;
  private KeyPair keys;
  private boolean stopping;
  private final Map<ServiceProcess, Path> recordingAotCaches = new ConcurrentHashMap<>();
  private String encryptionKeys;

  private LocalRun(LocalRunOptions options) {
    this.options = options;
    this.specs = services(options.firstServicePort());
    this.local = options.root().resolve(".local");
    this.logs = local.resolve("logs");
    this.leftovers = new LeftoverServices(local.resolve("services.pids"));
  }

  public static void main(String[] args) {
    // Route JUL (and so Kafka's SLF4J logging) through JBoss LogManager, as in the services.
    // Must happen before anything touches java.util.logging; run-local.sh sets it as well.
    System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
    QuietLogging.applyForLauncher();
    LocalRunOptions options;
    try {
      Path root = Path.of(System.getProperty("localrun.root", ".")).toAbsolutePath().normalize();
      options = LocalRunOptions.parse(args, System.getenv(), root);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n\n" + LocalRunOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.println(LocalRunOptions.USAGE);
      return;
    }
    LocalRun run = new LocalRun(options);
    run.handleShutdownSignals();
    try {
      run.start();
    } catch (Exception e) {
      if (!run.isStopping()) {
        System.err.println("\nLocal run failed: " + e.getMessage());
        run.stopAll();
        System.exit(1);
      }
    }
    awaitForever();
  }

  private void start() throws IOException {
    long started = System.nanoTime();
    Files.createDirectories(local);
    lockRunDirectory();
    Path postgresData = local.resolve("postgres");
    // Leftovers of a run killed with SIGKILL: services are our children, PostgreSQL is detached.
    leftovers.stopAll();
    LocalPostgres.stopOrphanedPostmaster(postgresData);
    if (options.reset()) {
      Dirs.deleteChildrenExcept(local, "run.lock");
      say("Wiped %s", local);
    }
    Files.createDirectories(logs);
    checkBeforeStarting();

    long postgresStarted = System.nanoTime();
    postgres =
        register(
            LocalPostgres.start(
                postgresData, options.postgresPort(), logs.resolve("postgres.log")));
    specs.forEach(service -> postgres.createDatabaseIfMissing(service.database()));
    say("PostgreSQL ready on port %d (%d ms)", postgres.port(), millisSince(postgresStarted));

    long kafkaStarted = System.nanoTime();
    kafka = register(LocalKafka.start(local.resolve("kafka"), options.kafkaPort()));
    say("Kafka ready on %s (%d ms)", kafka.bootstrapServers(), millisSince(kafkaStarted));

    keys = JwtKeys.loadOrCreate(local.resolve("jwt"));
    String demo = null;
    if (!options.noServices()) {
      launchServices();
      awaitServicesReady();
      writeToken("street-admin", "STREET_ADMIN", DemoDataSet.STREET_ID, null);
      writeToken("city-system", "CITY_SYSTEM", DemoDataSet.STREET_ID, null);
      if (options.demoData()) {
        demo = loadDemoData();
      }
    }
    printSummary(millisSince(started), demo);
  }

  /**
   * Loads the demo community through the services' public APIs when the system is empty. A failure
   * is reported but does not stop the platform: the services are up and usable.
   */
  private String loadDemoData() {
    say("Loading demo data (skip with --no-demo or LOCAL_DEMO_DATA=false)...");
    DemoData demo =
        new DemoData(
            URI.create(specs.get(0).url()),
            URI.create(specs.get(1).url()),
            URI.create(specs.get(2).url()),
            streetAdminToken(),
            line -> say("demo: %s", line));
    try {
      DemoData.Outcome outcome = demo.loadIfEmpty();
      writeToken("community-secretary", "COMMUNITY_SECRETARY", outcome.community(), null);
      writeToken("branch-secretary", "BRANCH_SECRETARY", outcome.branch(), null);
      writeToken("member", "MEMBER", null, outcome.member());
      return outcome.summary();
    } catch (RuntimeException e) {
      if (isStopping()) {
        throw e;
      }
      String message =
          String.format(
              "Demo data could not be loaded: %s%n"
                  + "  The services keep running. Logs: %s. To start over: ./run-local.sh --reset"
                  + " (or skip the demo: --no-demo).%n",
              e.getMessage(), logs);
      System.err.print(message);
      return message;
    }
  }

  private String streetAdminToken() {
    return Tokens.mint(
        keys.getPrivate(),
        "demo-loader",
        "STREET_ADMIN",
        DemoDataSet.STREET_ID,
        null,
        Duration.ofHours(1));
  }

  /**
   * Writes a ready-made token of a demo user to .local/tokens/NAME.jwt (valid 30 days); skipped
   * when the id it would be bound to is not known (no demo data).
   */
  private void writeToken(String name, String role, UUID orgUnit, UUID memberId) {
    if (orgUnit == null && memberId == null) {
      return;
    }
    try {
      Path tokens = Files.createDirectories(local.resolve("tokens"));
      Files.writeString(
          tokens.resolve(name + ".jwt"),
          Tokens.mint(keys.getPrivate(), name, role, orgUnit, memberId, Duration.ofDays(30)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The key that encrypts ID numbers in the local run: made once, kept in .local/secrets. */
  private String encryptionKeys() throws IOException {
    Path file = local.resolve("secrets").resolve("encryption.keys");
    if (!Files.isRegularFile(file)) {
      Files.createDirectories(file.getParent());
      byte[] key = new byte[32]; // AES-256, format id:base64 (see web-commons FieldCipher)
      new SecureRandom().nextBytes(key);
      Files.writeString(file, "local1:" + Base64.getEncoder().encodeToString(key));
    }
    return Files.readString(file).trim();
  }

  /** Fail fast, before anything starts: ports taken, jars missing. */
  private void checkBeforeStarting() {
    Ports.requireFree(options.postgresPort(), "PostgreSQL");
    Ports.requireFree(options.kafkaPort(), "Kafka");
    if (options.noServices()) {
      return;
    }
    for (ServiceProcess.Spec service : specs) {
      if (!Files.isRegularFile(service.jar(options.root()))) {
        throw new IllegalStateException(
            service.jar(options.root())
                + " is missing: build with ./run-local.sh (it builds what is missing) or"
                + " ./mvnw -DskipTests package");
      }
      Ports.requireFree(service.port(), service.name());
    }
  }

  private void launchServices() throws IOException {
    ServiceJvm jvm = ServiceJvm.fromEnvironment(System.getenv());
    List<String> jvmOptions =
        Arrays.stream(
                System.getenv()
                    .getOrDefault("LOCAL_SERVICE_JAVA_OPTS", jvm.defaultOptions())
                    .split("\\s+"))
            .filter(option -> !option.isBlank())
            .collect(Collectors.toList());
    say("Services run on Java %s (%s)", jvm.version(), jvm.java());
    encryptionKeys = encryptionKeys();
    recordMissingAotCaches(jvm, jvmOptions);
    for (ServiceProcess.Spec spec : specs) {
      List<String> serviceOptions = new ArrayList<>(jvmOptions);
      serviceOptions.addAll(jvm.aotCache(spec.jar(options.root()), jvmOptions).options());
      ServiceProcess service =
          launch(jvm, spec, serviceOptions, logs.resolve(spec.name() + ".log"));
      say("Started %s (pid %d), log: %s", spec.name(), service.pid(), service.logFile());
    }
  }

  /**
   * On Java 25+, a service without an AOT cache for this build and these options is started once to
   * record it: until ready, then stopped, and the JVM writes the cache as it exits (ADR 0010).
   * Start-up alone, so the cache holds what a start needs and no more: one recorded over the demo
   * data held 15 MB more at ready (all of a cache's classes are loaded at start). Once per build,
   * about a minute for the three on 2 cores.
   */
  private void recordMissingAotCaches(ServiceJvm jvm, List<String> jvmOptions) throws IOException {
    Map<ServiceProcess, Path> recording = new LinkedHashMap<>();
    for (ServiceProcess.Spec spec : specs) {
      ServiceJvm.AotCache cache = jvm.aotCache(spec.jar(options.root()), jvmOptions);
      if (cache.recording()) {
        List<String> serviceOptions = new ArrayList<>(jvmOptions);
        serviceOptions.addAll(cache.options());
        Path log = logs.resolve(spec.name() + "-aot-recording.log");
        ServiceProcess process = launch(jvm, spec, serviceOptions, log);
        recording.put(process, cache.file());
        recordingAotCaches.put(process, cache.file()); // a stop meanwhile deletes the cache
      }
    }
    if (recording.isEmpty()) {
      return;
    }
    long started = System.nanoTime();
    say(
        "Recording AOT caches for %s (once for this build): each starts, then stops and writes"
            + " its cache...",
        recording.keySet().stream().map(p -> p.spec().name()).collect(Collectors.joining(", ")));
    awaitReady(List.copyOf(recording.keySet()), READY_TIMEOUT, false);
    recording.keySet().forEach(ServiceProcess::requestStop);
    for (Map.Entry<ServiceProcess, Path> entry : recording.entrySet()) {
      if (!entry.getKey().awaitStopOrKill(AOT_CACHE_STOP_GRACE)) {
        deleteCutShort(entry.getValue()); // half written: the next run records it again
      }
      forgetService(entry.getKey());
    }
    say("AOT caches recorded (%d ms)", millisSince(started));
  }

  private ServiceProcess launch(
      ServiceJvm jvm, ServiceProcess.Spec spec, List<String> jvmOptions, Path logFile)
      throws IOException {
    ServiceProcess service =
        register(
            ServiceProcess.launch(
                spec, options.root(), serviceEnvironment(spec), jvm.java(), jvmOptions, logFile));
    leftovers.remember(service);
    return service;
  }

  private Map<String, String> serviceEnvironment(ServiceProcess.Spec spec) {
    return Map.of(
        "QUARKUS_HTTP_PORT", Integer.toString(spec.port()),
        "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(spec.database()),
        "QUARKUS_DATASOURCE_USERNAME", postgres.username(),
        "QUARKUS_DATASOURCE_PASSWORD", postgres.password(),
        "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
        // The local run is its own identity provider: tokens signed with .local/jwt.
        "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
            local.resolve("jwt").resolve(JwtKeys.PUBLIC_KEY_FILE).toAbsolutePath().toString(),
        "MP_JWT_VERIFY_ISSUER", Tokens.ISSUER,
        "SECURITY_ENCRYPTION_KEYS", encryptionKeys,
        // A new connection (a PostgreSQL backend, SCRAM authentication) took over Agroal's
        // default 5 s at load 25 from other builds, and Flyway's first one failed the start.
        "QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "30S",
        // glibc gives every thread that mallocs an arena of its own (up to 8 per core):
        // tens of MB of RSS in a JVM with many threads, for no gain at this load.
        "MALLOC_ARENA_MAX", "2");
  }

  private void awaitServicesReady() {
    awaitReady(List.copyOf(services), READY_TIMEOUT, true);
  }

  /** Until each answers /q/health/ready; {@code watch}: report it if it stops later on its own. */
  private void awaitReady(List<ServiceProcess> processes, Duration timeout, boolean watch) {
    long started = System.nanoTime();
    long deadline = started + timeout.toNanos();
    List<ServiceProcess> waiting = new ArrayList<>(processes);
    while (!waiting.isEmpty()) {
      for (ServiceProcess service : List.copyOf(waiting)) {
        if (!service.isAlive()) {
          throw new IllegalStateException(
              failure(service, "exited with code " + service.process().exitValue()));
        }
        if (service.isReady()) {
          waiting.remove(service);
          say("%s is ready (%d ms)", service.spec().name(), millisSince(started));
          if (watch) {
            reportUnexpectedExit(service);
          }
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            waiting.stream()
                .map(s -> failure(s, "was not ready within " + timeout.toSeconds() + " s"))
                .collect(Collectors.joining("\n")));
      }
      Dirs.sleep(250);
    }
  }

  private static String failure(ServiceProcess service, String what) {
    String tail = service.logTail(40);
    // Local data outlives schema edits during development; Flyway then refuses to start.
    String hint =
        tail.contains("FlywayValidateException")
            ? "Its database no longer matches the migrations: ./run-local.sh --reset starts empty.\n"
            : "";
    return String.format(
        "%s %s. Last lines of %s:%n%s%n%s",
        service.spec().name(), what, service.logFile(), tail, hint);
  }

  private void reportUnexpectedExit(ServiceProcess service) {
    service
        .process()
        .onExit()
        .thenRun(
            () -> {
              if (!isStopping()) {
                System.err.println(failure(service, "stopped unexpectedly"));
              }
            });
  }

  private void printSummary(long millis, String demo) {
    StringBuilder text = new StringBuilder();
    text.append(String.format("%nLocal platform is up (%.1f s).%n%n", millis / 1000.0));
    if (!options.noServices()) {
      for (ServiceProcess.Spec s : specs) {
        text.append(String.format("  %-19s %s%n", s.name(), s.url()))
            .append(String.format("  %-19s Swagger UI %s/q/swagger-ui%n", "", s.url()))
            .append(String.format("  %-19s OpenAPI    %s/q/openapi%n", "", s.url()))
            .append(String.format("  %-19s health     %s/q/health%n%n", "", s.url()));
      }
    }
    for (ServiceProcess.Spec s : specs) {
      text.append(String.format("  PostgreSQL          %s%n", postgres.jdbcUrl(s.database())));
    }
    text.append(
            String.format(
                "  %-19s user %s, password %s%n", "", postgres.username(), postgres.password()))
        .append(String.format("  Kafka               %s%n", kafka.bootstrapServers()))
        .append(String.format("  Logs                %s%n", logs))
        .append(
            String.format("  Data                %s (./run-local.sh --reset wipes it)%n", local));
    if (options.noServices()) {
      text.append(
          String.format(
              "%n  Services are not started (--no-services). Point one at this infrastructure with%n"
                  + "  QUARKUS_DATASOURCE_JDBC_URL=%s KAFKA_BOOTSTRAP_SERVERS=%s%n",
              postgres.jdbcUrl("members"), kafka.bootstrapServers()));
    }
    if (demo != null) {
      text.append(String.format("%n")).append(demo);
    }
    text.append(String.format("%nPress Ctrl-C to stop.%n"));
    System.out.print(text);
  }

  /**
   * Ctrl-C, SIGTERM and SIGHUP (terminal closed) stop things in order: services, then Kafka, then
   * PostgreSQL. We handle the signals ourselves because a plain shutdown hook would run next to
   * zonky's own hook, which stops PostgreSQL while the services are still shutting down. The hook
   * remains for other exits.
   */
  private void handleShutdownSignals() {
    for (String name : List.of("INT", "TERM", "HUP")) {
      Signal.handle(
          new Signal(name),
          signal -> {
            stopAll();
            System.exit(128 + signal.getNumber()); // the hooks that still run find nothing to do
          });
    }
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "local-run-shutdown"));
  }

  private void stopAll() {
    List<ServiceProcess> runningServices;
    List<AutoCloseable> runningInfrastructure;
    synchronized (this) {
      if (stopping) {
        return;
      }
      stopping = true;
      runningServices = List.copyOf(services);
      runningInfrastructure = List.copyOf(infrastructure);
    }
    say("Stopping...");
    runningServices.forEach(ServiceProcess::requestStop); // all at once, then wait for each
    for (ServiceProcess service : runningServices) {
      Path cache = recordingAotCaches.get(service);
      service.awaitStopOrKill(cache == null ? STOP_GRACE : AOT_CACHE_STOP_GRACE);
      if (cache != null) {
        deleteCutShort(cache); // a recording cut short: the next run records it again
      }
    }
    leftovers.forget();
    runningInfrastructure.forEach(LocalRun::closeQuietly); // newest first: Kafka, then PostgreSQL
    say("Stopped.");
  }

  private synchronized boolean isStopping() {
    return stopping;
  }

  /** A service process that has stopped on our request before the end (an AOT recording). */
  private synchronized void forgetService(ServiceProcess service) {
    services.remove(service);
    recordingAotCaches.remove(service);
  }

  /** Keeps what was started for stopAll(); if a stop began meanwhile, stops it right away. */
  private synchronized <T> T register(T started) {
    if (started instanceof ServiceProcess service) {
      services.add(service);
      if (stopping) {
        service.requestStop();
      }
    } else if (started instanceof AutoCloseable closeable) {
      infrastructure.addFirst(closeable);
      if (stopping) {
        closeQuietly(closeable);
      }
    }
    if (stopping) {
      throw new IllegalStateException("stopping");
    }
    return started;
  }

  /** One launcher per .local/: a second one would fight over ports, data and leftovers. */
  private void lockRunDirectory() throws IOException {
    FileChannel channel =
        FileChannel.open(
            local.resolve("run.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    runLock = channel.tryLock();
    if (runLock == null) {
      throw new IllegalStateException(
          "Another ./run-local.sh is already running on " + local + "; stop it first.");
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      System.err.println("Could not stop " + closeable.getClass().getSimpleName() + ": " + e);
    }
  }

  /** A cache whose recording was cut short, and the JVM's intermediate file beside it. */
  private static void deleteCutShort(Path cache) {
    deleteQuietly(cache);
    deleteQuietly(cache.resolveSibling(cache.getFileName() + ".config"));
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      System.err.println("Could not delete " + file + ": " + e);
    }
  }

  private static void say(String format, Object... args) {
    System.out.printf("[local] " + format + "%n", args);
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private static void awaitForever() {
    try {
      new CountDownLatch(1).await(); // the signal handler ends the JVM
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
