package org.civic.web.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What was derived from a bearer token after it was verified in full, keyed by the whole raw token
 * (header, claims and signature: a token differing in any character, a forged signature included,
 * is not found and goes to full verification). The rules, in one place:
 *
 * <ul>
 *   <li>an entry is served for at most {@link #REUSE} after its verification,
 *   <li>and never at or past the token's {@code exp} (smallrye-jwt's clock skew is not extended to
 *       the cache: a token past its {@code exp} is verified again on every request),
 *   <li>at most {@link #MAX_TOKENS} entries: a full map is emptied, so a flood of new tokens costs
 *       one verification each and no memory beyond the bound.
 * </ul>
 *
 * <p>Consequence: a signing key withdrawn from the issuer's key set stops being honoured up to
 * {@link #REUSE} later for tokens already seen (tokens cannot be revoked anyway).
 */
public final class VerifiedTokens<V> {
  public static final Duration REUSE = Duration.ofSeconds(60);
  static final int MAX_TOKENS = 10_000;

  private record Verified<V>(V value, long reusableUntilMillis) {}

  private final Map<String, Verified<V>> verified = new ConcurrentHashMap<>();
  private final LongSupplier clockMillis;
  private final int maxTokens;

  public VerifiedTokens() {
    this(System::currentTimeMillis, MAX_TOKENS);
  }

  VerifiedTokens(LongSupplier clockMillis, int maxTokens) {
    this.clockMillis = clockMillis;
    this.maxTokens = maxTokens;
  }

  /** What was remembered for this exact token, or null when unknown, too old or expired. */
  public V get(String rawToken) {
    Verified<V> hit = verified.get(rawToken);
    if (hit == null) {
      return null;
    }
    if (clockMillis.getAsLong() < hit.reusableUntilMillis()) {
      return hit.value();
    }
    verified.remove(rawToken, hit);
    return null;
  }

  /**
   * Remembers what a token verified just now yields.
   *
   * @param expiresAtSeconds the token's {@code exp} (seconds since the epoch)
   */
  public void put(String rawToken, long expiresAtSeconds, V value) {
    long now = clockMillis.getAsLong();
    long until = Math.min(expiresAtSeconds * 1000L, now + REUSE.toMillis());
    if (until <= now) {
      return; // expired (accepted within the verifier's clock skew): never from the cache
    }
    if (verified.size() >= maxTokens) {
      verified.clear();
    }
    verified.put(rawToken, new Verified<>(value, until));
  }

  int size() {
    return verified.size();
  }
}
