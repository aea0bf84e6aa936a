package org.civic.activities.events;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the statements Hibernate prepares, per thread (tests only): a batch's own statements,
 * without those the outbox relay runs meanwhile on its own thread.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class ThreadStatements implements StatementInspector {
  private static final ThreadLocal<long[]> COUNT = ThreadLocal.withInitial(() -> new long[1]);

  /** Statements prepared on this thread so far. */
  static long count() {
    return COUNT.get()[0];
  }

  @Override
  public String inspect(String sql) {
    COUNT.get()[0]++;
    return sql;
  }
}
