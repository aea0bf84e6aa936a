package org.civic.web.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * SmallRye JWT's parser, remembering tokens it has verified. A phone sends the same bearer token
 * with every request; checking its RS256 signature and parsing its JSON again each time was a fifth
 * of the CPU of a member read. A verified token is reused for at most {@link #REUSE} and never past
 * its {@code exp}; anything not in the cache (or expired there) is verified in full as before.
 *
 * <p>Consequence: a signing key withdrawn from the issuer's key set stops being honoured up to
 * {@link #REUSE} later for tokens already seen (tokens cannot be revoked anyway).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser implements JWTParser {
  static final Duration REUSE = Duration.ofSeconds(60);
  private static final int MAX_TOKENS = 10_000;

  private record Verified(JsonWebToken token, long reusableUntilMillis) {}

  private final JWTParser delegate;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  @Inject
  public CachingJwtParser(JWTAuthContextInfo authContextInfo) {
    this(new DefaultJWTParser(authContextInfo));
  }

  CachingJwtParser(JWTParser delegate) {
    this.delegate = delegate;
  }

  @Override
  public JsonWebToken parse(String token) throws ParseException {
    long now = System.currentTimeMillis();
    Verified hit = verified.get(token);
    if (hit != null && now < hit.reusableUntilMillis()) {
      return hit.token();
    }
    JsonWebToken parsed = delegate.parse(token);
    long expiresMillis = parsed.getExpirationTime() * 1000L;
    if (verified.size() >= MAX_TOKENS) {
      verified.clear(); // bounded; the cost of a flood of new tokens is one verification each
    }
    verified.put(token, new Verified(parsed, Math.min(expiresMillis, now + REUSE.toMillis())));
    return parsed;
  }

  @Override
  public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
    return delegate.parse(token, context);
  }

  @Override
  public JsonWebToken verify(String token, PublicKey key) throws ParseException {
    return delegate.verify(token, key);
  }

  @Override
  public JsonWebToken verify(String token, SecretKey key) throws ParseException {
    return delegate.verify(token, key);
  }

  @Override
  public JsonWebToken verify(String token, String secret) throws ParseException {
    return delegate.verify(token, secret);
  }

  @Override
  public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
    return delegate.decrypt(token, key);
  }

  @Override
  public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
    return delegate.decrypt(token, key);
  }

  @Override
  public JsonWebToken decrypt(String token, String secret) throws ParseException {
    return delegate.decrypt(token, secret);
  }

  @Override
  public JsonWebToken parseOnly(String token) throws ParseException {
    return delegate.parseOnly(token);
  }
}
