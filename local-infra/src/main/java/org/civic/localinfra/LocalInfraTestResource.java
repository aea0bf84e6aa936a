package org.civic.localinfra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.civic.localinfra.security.TestTokens;
import org.civic.localinfra.security.Tokens;

/**
 * Quarkus test resource: the shared PostgreSQL and Kafka of this JVM, and a fresh database for
 * every start.
 *
 * <pre>{@code
 * @QuarkusTestResource(value = LocalInfraTestResource.class,
 *     initArgs = @ResourceArg(name = "database", value = "members"))
 * }</pre>
 *
 * <p>PostgreSQL and Kafka start once per JVM, on the first start(), with random ports and temporary
 * directories; a JVM shutdown hook stops them and deletes the directories. Each start() creates a
 * new database named {@code <database>_<random>}, so test classes never see each other's rows.
 */
public class LocalInfraTestResource implements QuarkusTestResourceLifecycleManager {

  /** Init argument: the base name of the database to create. */
  public static final String DATABASE_ARG = "database";

  private static final Map<String, String> LATEST_JDBC_URLS = new ConcurrentHashMap<>();

  private String database = "app";

  @Override
  public void init(Map<String, String> initArgs) {
    database = initArgs.getOrDefault(DATABASE_ARG, database);
  }

  @Override
  public Map<String, String> start() {
    SharedInfra infra = SharedInfra.get();
    if (!infra.kafka().isRunning()) {
      // A "broker down" test that failed before its restart must not break the next test class.
      infra.kafka().restart();
    }
    String name = database + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    infra.postgres().createDatabaseIfMissing(name);
    String jdbcUrl = infra.postgres().jdbcUrl(name);
    LATEST_JDBC_URLS.put(database, jdbcUrl);
    return Map.of(
        "quarkus.datasource.jdbc.url", jdbcUrl,
        "quarkus.datasource.username", infra.postgres().username(),
        "quarkus.datasource.password", infra.postgres().password(),
        "kafka.bootstrap.servers", infra.kafka().bootstrapServers(),
        // Real token verification against the test key pair (TestTokens mints the tokens).
        "mp.jwt.verify.publickey.location", TestTokens.publicKeyFile().toString(),
        "mp.jwt.verify.issuer", Tokens.ISSUER,
        "mp.jwt.verify.audiences", Tokens.AUDIENCE);
  }

  @Override
  public void stop() {
    // Nothing per test class: the database is abandoned and the shared servers live until the
    // JVM exits, so the next test class does not pay for their startup again.
  }

  /** The shared broker's bootstrap servers (starts the infrastructure if needed). */
  public static String kafkaBootstrapServers() {
    return SharedInfra.get().kafka().bootstrapServers();
  }

  /** JDBC URL of the database most recently created for the given base name, e.g. "members". */
  public static String jdbcUrl(String database) {
    String url = LATEST_JDBC_URLS.get(database);
    if (url == null) {
      throw new IllegalStateException("No database was created for '" + database + "' yet");
    }
    return url;
  }

  /** The shared broker, e.g. to {@link LocalKafka#stop()} and {@link LocalKafka#restart()} it. */
  public static LocalKafka kafka() {
    return SharedInfra.get().kafka();
  }

  /** The shared PostgreSQL server. */
  public static LocalPostgres postgres() {
    return SharedInfra.get().postgres();
  }
}
