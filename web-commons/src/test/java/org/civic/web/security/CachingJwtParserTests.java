package org.civic.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** Real RS256 tokens and SmallRye's real parser behind the cache. */
class CachingJwtParserTests {
  private static final String ISSUER = "https://issuer.test";
  private final KeyPair keys = rsa();
  private final KeyPair otherKeys = rsa();
  private final AtomicInteger verifications = new AtomicInteger();
  private final CachingJwtParser parser = new CachingJwtParser(counting(keys));

  @Test
  void aVerifiedTokenIsReusedWithoutVerifyingAgain() throws Exception {
    String token = sign(keys, "alice", 600);
    JsonWebToken first = parser.parse(token);
    JsonWebToken second = parser.parse(token);
    assertThat(second.getSubject()).isEqualTo("alice");
    assertThat(second).isSameAs(first);
    assertThat(verifications).hasValue(1);
  }

  @Test
  void aTokenSignedByAnotherKeyIsVerifiedAndRefusedEvenWithTheSameClaims() throws Exception {
    parser.parse(sign(keys, "alice", 600));
    assertThatThrownBy(() -> parser.parse(sign(otherKeys, "alice", 600)))
        .isInstanceOf(ParseException.class);
    assertThat(verifications).hasValue(2);
  }

  @Test
  void anExpiredTokenIsNeverServedFromTheCache() throws Exception {
    // Valid for two seconds (exp is whole seconds, so at least one): reusable only until its exp,
    // then verified (and refused) again. One second flaked: signed at x.95 s, expired at once.
    String token = sign(keys, "bob", 2);
    long expMillis = parser.parse(token).getExpirationTime() * 1000L;
    Thread.sleep(Math.max(0, expMillis - System.currentTimeMillis()) + 200);
    assertThatThrownBy(() -> parser.parse(token)).isInstanceOf(ParseException.class);
    assertThat(verifications).hasValue(2);
  }

  private JWTParser counting(KeyPair pair) {
    JWTAuthContextInfo info = new JWTAuthContextInfo((RSAPublicKey) pair.getPublic(), ISSUER);
    info.setClockSkew(0);
    DefaultJWTParser real = new DefaultJWTParser(info);
    return new DefaultJWTParser(info) {
      @Override
      public JsonWebToken parse(String token) throws ParseException {
        verifications.incrementAndGet();
        return real.parse(token);
      }
    };
  }

  private static String sign(KeyPair pair, String subject, int secondsValid) throws Exception {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(ISSUER);
    claims.setSubject(subject);
    claims.setIssuedAtToNow();
    claims.setExpirationTimeMinutesInTheFuture(secondsValid / 60f);
    claims.setStringListClaim("groups", "STREET_ADMIN");
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(pair.getPrivate());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    return jws.getCompactSerialization();
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
