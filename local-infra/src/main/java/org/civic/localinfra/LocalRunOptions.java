package org.civic.localinfra;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Command-line and environment settings of {@link LocalRun}. */
record LocalRunOptions(
    Path root,
    int postgresPort,
    int kafkaPort,
    int firstServicePort,
    boolean reset,
    boolean noServices,
    boolean demoData,
    boolean help) {

  static final int DEFAULT_POSTGRES_PORT = 15432;
  static final int DEFAULT_KAFKA_PORT = 19092;
  static final int DEFAULT_FIRST_SERVICE_PORT = 8081;

  static final String USAGE =
      String.join(
          "\n",
          "Usage: ./run-local.sh [options]",
          "",
          "Runs the whole platform on this machine, without Docker: PostgreSQL 17 and Kafka",
          "(embedded), then members-service, branches-service and activities-service from their",
          "packaged jars. Data lives in .local/ and survives restarts. Ctrl-C stops everything.",
          "",
          "Options:",
          "  --reset                 wipe .local/ (databases, Kafka topics, logs) before starting",
          "  --no-services           start only PostgreSQL and Kafka (e.g. to debug a service",
          "                          from the IDE or quarkus:dev against them)",
          "  --no-demo               do not load the demo community (金贡里社区: 32 buildings,",
          "                          289 members, 10 branches, meetings, visits); it is loaded",
          "                          once, through the services' APIs, when the system is empty",
          "                          (same as env LOCAL_DEMO_DATA=false)",
          "  --postgres-port <port>  PostgreSQL port (default 15432, or env LOCAL_POSTGRES_PORT)",
          "  --kafka-port <port>     Kafka port (default 19092, or env LOCAL_KAFKA_PORT)",
          "  --service-ports <port>  members-service's port; branches- and activities-service",
          "                          take the next two (default 8081, or env LOCAL_SERVICE_PORTS)",
          "  --no-build              do not rebuild stale jars first (run-local.sh only)",
          "  -h, --help              show this help",
          "",
          "Services: members-service :8081, branches-service :8082, activities-service :8083",
          "(a second platform can run beside the first with its own ports: see the options)",
          "",
          "Environment:",
          "  LOCAL_SERVICE_JAVA_HOME  the JDK that runs the services (default: this launcher's);",
          "                           Java 25 or later gives each service an AOT cache: the first",
          "                           run after a build records it (~1 min), later starts are",
          "                           2-3 times faster",
          "  LOCAL_SERVICE_JAVA_OPTS  the services' JVM options instead of the default",
          "                           (ServiceJvm.defaultOptions)",
          "  LOCAL_DEMO_DATA=false    start without demo data (like --no-demo)",
          "  Every other variable reaches the services unchanged.");

  static LocalRunOptions parse(String[] args, Map<String, String> env, Path root) {
    int postgresPort = port(env.get("LOCAL_POSTGRES_PORT"), DEFAULT_POSTGRES_PORT);
    int kafkaPort = port(env.get("LOCAL_KAFKA_PORT"), DEFAULT_KAFKA_PORT);
    int firstServicePort = port(env.get("LOCAL_SERVICE_PORTS"), DEFAULT_FIRST_SERVICE_PORT);
    boolean reset = false;
    boolean noServices = false;
    boolean demoData = !isFalse(env.get("LOCAL_DEMO_DATA"));
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--reset" -> reset = true;
        case "--no-services" -> noServices = true;
        case "--no-demo" -> demoData = false;
        case "-h", "--help" -> help = true;
        case "--postgres-port" -> postgresPort = port(valueAfter(args, i++), 0);
        case "--kafka-port" -> kafkaPort = port(valueAfter(args, i++), 0);
        case "--service-ports" -> firstServicePort = port(valueAfter(args, i++), 0);
        default -> throw new IllegalArgumentException("Unknown option: " + arg);
      }
    }
    if (postgresPort == kafkaPort) {
      throw new IllegalArgumentException("PostgreSQL and Kafka need different ports");
    }
    if (firstServicePort > 65535 - 2) {
      throw new IllegalArgumentException(
          "--service-ports " + firstServicePort + " leaves no room for the other two services");
    }
    for (int infraPort : List.of(postgresPort, kafkaPort)) {
      if (infraPort >= firstServicePort && infraPort <= firstServicePort + 2) {
        throw new IllegalArgumentException(
            "Port " + infraPort + " is both infrastructure's and a service's");
      }
    }
    return new LocalRunOptions(
        root,
        postgresPort,
        kafkaPort,
        firstServicePort,
        reset,
        noServices,
        demoData && !noServices,
        help);
  }

  private static boolean isFalse(String text) {
    return text != null
        && List.of("false", "0", "no", "off").contains(text.strip().toLowerCase(Locale.ROOT));
  }

  private static String valueAfter(String[] args, int i) {
    if (i + 1 >= args.length) {
      throw new IllegalArgumentException(args[i] + " needs a value");
    }
    return args[i + 1];
  }

  private static int port(String text, int fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(text.strip());
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not a port: " + text);
    }
  }
}
