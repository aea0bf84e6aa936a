package org.civic.localinfra;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns the embedded servers' own chatter down to WARN.
 *
 * <p>Kafka and zonky log through SLF4J, which ends in JBoss LogManager both in Quarkus tests and in
 * {@link LocalRun}; JBoss LogManager is the JUL log manager there, so JUL levels apply. A service
 * can still raise a category again through its own {@code quarkus.log.category} settings.
 */
final class QuietLogging {

  private static final List<String> CATEGORIES =
      List.of("kafka", "org.apache.kafka", "state.change.logger", "io.zonky.test");

  // JUL holds loggers weakly: without these references our levels could be garbage collected.
  private static final List<Logger> PINNED = new ArrayList<>();

  private QuietLogging() {}

  static synchronized void apply() {
    CATEGORIES.forEach(category -> setLevel(category, Level.WARNING));
  }

  /**
   * In the launcher's JVM the broker is alone, so two routine start/stop messages that Kafka logs
   * at WARN ("Performing controller activation", "...NetworkClient that has already been closed")
   * would only alarm newcomers.
   */
  static synchronized void applyForLauncher() {
    apply();
    setLevel("org.apache.kafka.controller.QuorumController", Level.SEVERE);
    setLevel("org.apache.kafka.clients.NetworkClient", Level.SEVERE);
  }

  private static void setLevel(String category, Level level) {
    Logger logger = Logger.getLogger(category);
    logger.setLevel(level);
    PINNED.add(logger);
  }
}
