package org.civic.web.security;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A small map whose entries are reloaded after a fixed time. Used for facts every request needs and
 * that change rarely (which communities lie under a street): a database round trip per request
 * otherwise. {@link #clear()} after a local change; other replicas see it within the time to live.
 */
public final class ExpiringCache<K, V> {
  private record Entry<V>(V value, long expiresAt) {}

  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final long ttlNanos;
  private final LongSupplier clock;
  private final int maxEntries;

  public ExpiringCache(Duration ttl, int maxEntries) {
    this(ttl, maxEntries, System::nanoTime);
  }

  ExpiringCache(Duration ttl, int maxEntries, LongSupplier clock) {
    this.ttlNanos = ttl.toNanos();
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  public V get(K key, Function<K, V> load) {
    long now = clock.getAsLong();
    Entry<V> entry = entries.get(key);
    if (entry != null && now - entry.expiresAt() < 0) {
      return entry.value();
    }
    V value = load.apply(key);
    if (entries.size() >= maxEntries) {
      entries.clear(); // bounded: org units are few; a flood of unknown ids must not grow it
    }
    entries.put(key, new Entry<>(value, now + ttlNanos));
    return value;
  }

  public void clear() {
    entries.clear();
  }

  /**
   * For a change made in the current transaction: clears now and again once it ends, so a request
   * that reloaded between the change and its commit cannot keep the old value.
   */
  public void clearNowAndAfterCommit(TransactionSynchronizationRegistry transactions) {
    clear();
    if (transactions.getTransactionKey() != null) {
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              clear();
            }
          });
    }
  }
}
