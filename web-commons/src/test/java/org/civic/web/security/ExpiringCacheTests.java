package org.civic.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExpiringCacheTests {
  private final AtomicLong now = new AtomicLong();
  private final AtomicInteger loads = new AtomicInteger();
  private final ExpiringCache<String, Integer> cache =
      new ExpiringCache<>(Duration.ofSeconds(5), 3, now::get);

  private Integer load(String key) {
    return loads.incrementAndGet();
  }

  @Test
  void keepsAValueForItsTimeToLiveThenReloads() {
    assertThat(cache.get("street", this::load)).isEqualTo(1);
    now.addAndGet(Duration.ofSeconds(4).toNanos());
    assertThat(cache.get("street", this::load)).isEqualTo(1);
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(cache.get("street", this::load)).isEqualTo(2);
  }

  @Test
  void clearingForgetsEverything() {
    cache.get("a", this::load);
    cache.clear();
    assertThat(cache.get("a", this::load)).isEqualTo(2);
  }

  @Test
  void staysBoundedWhenAskedForManyKeys() {
    for (int i = 0; i < 10; i++) {
      cache.get("k" + i, this::load);
    }
    assertThat(loads.get()).isEqualTo(10);
    // The last key is still cached; older ones were dropped when the bound was reached.
    assertThat(cache.get("k9", this::load)).isEqualTo(10);
    assertThat(cache.get("k0", this::load)).isEqualTo(11);
  }
}
