package org.civic.eventing;

import java.util.concurrent.ThreadLocalRandom;

/**
 * W3C trace context carried by every event. While an incoming event is applied, its traceparent is
 * the current one, so the events it causes continue the same trace across services.
 */
public final class TraceContext {
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private TraceContext() {}

  public static String currentOrNew() {
    String current = CURRENT.get();
    return current != null ? current : newTraceparent();
  }

  /** Runs {@code work} with {@code traceparent} as the current trace context. */
  public static <T> T with(String traceparent, java.util.concurrent.Callable<T> work)
      throws Exception {
    String previous = CURRENT.get();
    CURRENT.set(traceparent);
    try {
      return work.call();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  static String newTraceparent() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return String.format(
        "00-%016x%016x-%016x-01", random.nextLong(), random.nextLong(), random.nextLong());
  }
}
