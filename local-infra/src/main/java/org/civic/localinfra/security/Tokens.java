package org.civic.localinfra.security;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Mints the bearer tokens the services accept: RS256, issuer {@link #ISSUER}, audience {@link
 * #AUDIENCE}, the role in {@code groups}, and {@code org_unit} / {@code member_id} claims. The same
 * claims a city's identity provider (Keycloak in docker-compose) puts in its tokens.
 */
public final class Tokens {
  /** Issuer of local and test tokens; the services' default {@code mp.jwt.verify.issuer}. */
  public static final String ISSUER = "https://civic.local/issuer";

  public static final String AUDIENCE = "civic-platform";

  /** The demo street (and the street every test works in). */
  public static final UUID DEMO_STREET = UUID.fromString("00000000-0000-0000-0000-00000000a001");

  private Tokens() {}

  /**
   * A signed token.
   *
   * @param lifetime how long from now it is valid; negative for a token that has already expired
   */
  public static String mint(
      PrivateKey key, String subject, String role, UUID orgUnit, UUID memberId, Duration lifetime) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(ISSUER);
    claims.setAudience(AUDIENCE);
    claims.setSubject(subject);
    claims.setClaim("upn", subject);
    claims.setStringListClaim("groups", List.of(role));
    if (orgUnit != null) {
      claims.setClaim("org_unit", orgUnit.toString());
    }
    if (memberId != null) {
      claims.setClaim("member_id", memberId.toString());
    }
    Instant now = Instant.now();
    Instant expires = now.plus(lifetime);
    claims.setIssuedAt(NumericDate.fromSeconds(min(now, expires).getEpochSecond() - 60));
    claims.setExpirationTime(NumericDate.fromSeconds(expires.getEpochSecond()));
    claims.setGeneratedJwtId();
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key);
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", "JWT");
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("Could not sign the token", e);
    }
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
