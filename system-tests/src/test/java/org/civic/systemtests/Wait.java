package org.civic.systemtests;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition across services (eventual consistency), failing with what was awaited. */
final class Wait {
  static final Duration DEFAULT = Duration.ofSeconds(60);

  /**
   * Between two checks of a condition. Each check is one or more HTTP requests or queries to the
   * services, which share the machine's cores with the work being waited for: 25 ms adds at most
   * that much to a wait, where 5 ms polling took CPU from the events in flight.
   */
  static final Duration POLL = Duration.ofMillis(25);

  /** The latency probe's polling (RelocationFlowIT): its figures were always taken at 5 ms. */
  static final Duration PROBE_POLL = Duration.ofMillis(5);

  private Wait() {}

  static void until(String what, BooleanSupplier condition) {
    until(what, DEFAULT, condition);
  }

  /**
   * @return how long it took
   */
  static Duration until(String what, Duration timeout, BooleanSupplier condition) {
    return until(what, timeout, POLL, condition);
  }

  /**
   * @return how long it took
   */
  static Duration until(String what, Duration timeout, Duration poll, BooleanSupplier condition) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (true) {
      boolean ok;
      try {
        ok = condition.getAsBoolean();
      } catch (RuntimeException | AssertionError e) {
        ok = false; // a service may be briefly unavailable or not know the resource yet
      }
      if (ok) {
        return Duration.ofNanos(System.nanoTime() - start);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + timeout + " waiting until " + what);
      }
      SystemUnderTest.sleep(poll.toMillis());
    }
  }

  /** Polls until {@code lookup} finds something, and returns it. */
  static <T> T untilPresent(String what, Supplier<Optional<T>> lookup) {
    AtomicReference<T> found = new AtomicReference<>();
    until(
        what,
        () -> {
          lookup.get().ifPresent(found::set);
          return found.get() != null;
        });
    return found.get();
  }
}
