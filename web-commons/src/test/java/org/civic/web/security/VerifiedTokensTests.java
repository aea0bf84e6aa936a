package org.civic.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The cache's rules with a clock of its own: no framework, no waiting. */
class VerifiedTokensTests {
  private static final long NOW = 1_800_000_000_000L; // millis
  private static final long NOW_SECONDS = NOW / 1000;
  private final AtomicLong clock = new AtomicLong(NOW);
  private final VerifiedTokens<String> tokens = new VerifiedTokens<>(clock::get, 3);

  @Test
  void aTokenIsServedUntilJustBeforeItsExpAndNotFromItsExpOn() {
    tokens.put("a.b.c", NOW_SECONDS + 10, "alice");
    clock.set(NOW + 9_999);
    assertThat(tokens.get("a.b.c")).isEqualTo("alice");
    clock.set(NOW + 10_000);
    assertThat(tokens.get("a.b.c")).isNull();
  }

  @Test
  void aTokenValidForHoursIsServedForAtMostTheReuseTime() {
    tokens.put("a.b.c", NOW_SECONDS + 3_600, "alice");
    clock.set(NOW + VerifiedTokens.REUSE.toMillis() - 1);
    assertThat(tokens.get("a.b.c")).isEqualTo("alice");
    clock.set(NOW + VerifiedTokens.REUSE.toMillis());
    assertThat(tokens.get("a.b.c")).isNull();
  }

  @Test
  void aTokenAlreadyPastItsExpIsNotRemembered() {
    // The verifier accepts a token within its clock skew after exp; the cache does not.
    tokens.put("a.b.c", NOW_SECONDS - 30, "alice");
    assertThat(tokens.get("a.b.c")).isNull();
    assertThat(tokens.size()).isZero();
  }

  @Test
  void onlyTheWholeRawTokenFindsAnEntry() {
    tokens.put("header.claims.signature", NOW_SECONDS + 600, "alice");
    assertThat(tokens.get("header.claims.signaturf")).isNull(); // another signature
    assertThat(tokens.get("header.claims.")).isNull();
    assertThat(tokens.get("header.claims")).isNull();
    assertThat(tokens.get("header.claims.signature")).isEqualTo("alice");
  }

  @Test
  void theCacheNeverHoldsMoreThanItsBound() {
    for (int i = 0; i < 10; i++) {
      tokens.put("token-" + i, NOW_SECONDS + 600, "caller-" + i);
      assertThat(tokens.size()).isLessThanOrEqualTo(3);
    }
    assertThat(tokens.get("token-9")).isEqualTo("caller-9");
  }

  @Test
  void anEntryFoundTooOldIsDropped() {
    tokens.put("a.b.c", NOW_SECONDS + 3_600, "alice");
    clock.set(NOW + VerifiedTokens.REUSE.toMillis());
    assertThat(tokens.get("a.b.c")).isNull();
    assertThat(tokens.size()).isZero();
  }
}
