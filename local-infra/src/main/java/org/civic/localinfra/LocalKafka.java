package org.civic.localinfra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A real Kafka broker running in this JVM: KRaft combined mode (broker and controller), one node.
 *
 * <p>It can be stopped and restarted on the same port and data directory, which is how tests
 * simulate "the broker is down".
 */
public final class LocalKafka implements AutoCloseable {

  private static final int NODE_ID = 1;
  private static final String CONTROLLER_LISTENER = "CONTROLLER";

  private final Path dataDir;
  private final Path ownedTempDir;
  private final int port;
  private final int controllerPort;
  private KafkaRaftServer server;
  private Duration lastStartup = Duration.ZERO;

  private LocalKafka(Path dataDir, Path ownedTempDir, int port, int controllerPort) {
    this.dataDir = dataDir;
    this.ownedTempDir = ownedTempDir;
    this.port = port;
    this.controllerPort = controllerPort;
  }

  /**
   * Starts a broker.
   *
   * @param dataDirOrNull null = a temporary log directory deleted on {@link #close()}; otherwise
   *     that directory is reused (formatted on first use), so topics survive restarts
   * @param portOrZero client port; 0 = any free port
   */
  public static LocalKafka start(Path dataDirOrNull, int portOrZero) throws IOException {
    QuietLogging.apply();
    Path tempDir = dataDirOrNull == null ? Files.createTempDirectory("local-kafka-") : null;
    Path dataDir = tempDir != null ? tempDir : dataDirOrNull.toAbsolutePath();
    int port = portOrZero == 0 ? Ports.freePort() : Ports.requireFree(portOrZero, "Kafka");
    // Nobody outside this JVM talks to the controller, so its port is always picked freshly.
    LocalKafka kafka =
        new LocalKafka(dataDir, tempDir, port, Ports.freePortOtherThan(List.of(port)));
    try {
      kafka.formatIfNeeded();
      kafka.startServer();
      return kafka;
    } catch (IOException | RuntimeException e) {
      kafka.close();
      throw e;
    }
  }

  public String bootstrapServers() {
    return "localhost:" + port;
  }

  public int port() {
    return port;
  }

  public Path dataDirectory() {
    return dataDir;
  }

  /** How long the last (re)start took until the broker accepted clients. */
  public Duration lastStartupTime() {
    return lastStartup;
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  /** Shuts the broker down cleanly; its data and port stay reserved for {@link #restart()}. */
  public synchronized void stop() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
    }
  }

  /** Starts the broker again on the same port and data directory (stopping it first if needed). */
  public synchronized void restart() {
    stop();
    startServer();
  }

  /** Stops the broker; a temporary data directory is deleted. */
  @Override
  public synchronized void close() {
    stop();
    if (ownedTempDir != null) {
      Dirs.deleteRecursively(ownedTempDir);
    }
  }

  /**
   * Formats the log directory once. A formatted directory keeps its meta.properties: formatting it
   * again with a new cluster id would make the broker refuse to start ("Invalid cluster.id").
   */
  private void formatIfNeeded() throws IOException {
    if (Files.exists(dataDir.resolve("meta.properties"))) {
      return;
    }
    Files.createDirectories(dataDir);
    try {
      new Formatter()
          .setNodeId(NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .setDirectories(List.of(dataDir.toString()))
          .setMetadataLogDirectory(dataDir.toString())
          .setControllerListenerName(CONTROLLER_LISTENER)
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .run();
    } catch (Exception e) {
      throw new IOException("Could not format Kafka storage in " + dataDir, e);
    }
  }

  private synchronized void startServer() {
    long started = System.nanoTime();
    KafkaRaftServer candidate =
        new KafkaRaftServer(new KafkaConfig(brokerConfig(), false), Time.SYSTEM);
    try {
      candidate.startup(); // returns once the broker is registered and unfenced
    } catch (RuntimeException e) {
      candidate.shutdown();
      candidate.awaitShutdown();
      throw e;
    }
    server = candidate;
    lastStartup = Duration.ofNanos(System.nanoTime() - started);
  }

  private Map<String, Object> brokerConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put("process.roles", "broker,controller");
    config.put("node.id", NODE_ID);
    config.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
    config.put("controller.listener.names", CONTROLLER_LISTENER);
    config.put(
        "listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
    config.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
    config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    config.put("inter.broker.listener.name", "PLAINTEXT");
    config.put("log.dirs", dataDir.toString());

    // Services rely on topics appearing on first use, with room for parallel consumers.
    config.put("auto.create.topics.enable", "true");
    config.put("num.partitions", "3");

    // One node: every replication factor and ISR minimum is 1, internal topics are small.
    config.put("default.replication.factor", "1");
    config.put("min.insync.replicas", "1");
    config.put("offsets.topic.replication.factor", "1");
    config.put("offsets.topic.num.partitions", "10");
    config.put("transaction.state.log.replication.factor", "1");
    config.put("transaction.state.log.min.isr", "1");
    config.put("transaction.state.log.num.partitions", "5");
    config.put("share.coordinator.state.topic.replication.factor", "1");
    config.put("share.coordinator.state.topic.min.isr", "1");

    // Consumers in tests should not wait 3 s for a rebalance that has nobody else to wait for.
    config.put("group.initial.rebalance.delay.ms", "0");

    // Local data is tiny and replays should work: keep records, use small files and buffers.
    config.put("log.retention.ms", "-1");
    config.put("log.segment.bytes", Integer.toString(16 * 1024 * 1024));
    config.put("log.index.size.max.bytes", Integer.toString(1024 * 1024));
    config.put("log.cleaner.dedupe.buffer.size", Integer.toString(4 * 1024 * 1024));
    config.put("num.network.threads", "2");
    config.put("num.io.threads", "2");
    config.put("background.threads", "2");
    return config;
  }
}
