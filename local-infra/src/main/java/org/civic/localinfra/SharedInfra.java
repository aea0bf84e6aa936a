package org.civic.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;

/** One PostgreSQL and one Kafka per JVM for tests: started lazily, removed at JVM exit. */
final class SharedInfra {

  private static final Logger LOG = Logger.getLogger(SharedInfra.class.getName());
  private static SharedInfra instance;

  private final LocalPostgres postgres;
  private final LocalKafka kafka;

  private SharedInfra(LocalPostgres postgres, LocalKafka kafka) {
    this.postgres = postgres;
    this.kafka = kafka;
  }

  static synchronized SharedInfra get() {
    if (instance == null) {
      long started = System.nanoTime();
      instance = startBoth();
      LOG.info(
          String.format(
              "PostgreSQL on port %d and Kafka on %s started in %d ms",
              instance.postgres.port(),
              instance.kafka.bootstrapServers(),
              (System.nanoTime() - started) / 1_000_000));
      Runtime.getRuntime().addShutdownHook(new Thread(instance::stopBoth, "local-infra-shutdown"));
    }
    return instance;
  }

  LocalPostgres postgres() {
    return postgres;
  }

  LocalKafka kafka() {
    return kafka;
  }

  /** Both take a few seconds and most of it is waiting: start them side by side. */
  private static SharedInfra startBoth() {
    CompletableFuture<LocalKafka> kafka =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return LocalKafka.start(null, 0);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    LocalPostgres postgres;
    try {
      postgres = LocalPostgres.start(null, 0);
    } catch (IOException e) {
      kafka.thenAccept(LocalKafka::close);
      throw new UncheckedIOException(e);
    }
    try {
      return new SharedInfra(postgres, kafka.join());
    } catch (CompletionException e) {
      postgres.close();
      throw e;
    }
  }

  private void stopBoth() {
    try {
      kafka.close();
    } finally {
      postgres.close();
    }
  }
}
