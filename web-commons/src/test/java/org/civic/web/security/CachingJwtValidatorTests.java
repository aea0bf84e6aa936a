package org.civic.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.smallrye.jwt.runtime.auth.MpJwtValidator;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import java.lang.reflect.Proxy;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/**
 * Real RS256 tokens verified by smallrye-jwt's own {@link MpJwtValidator} and parser behind the
 * cache (no framework): what a cached identity says, and when the cache must not answer.
 */
class CachingJwtValidatorTests {
  private static final String ISSUER = "https://issuer.test";
  private static final String ORG_UNIT = "0b5c2f4e-8a59-4b1e-9d7c-3f1a2b3c4d5e";
  private static final AuthenticationRequestContext INLINE =
      supplier -> Uni.createFrom().item(supplier);

  private static final KeyPair KEYS = rsa();
  private static final KeyPair OTHER_KEYS = rsa();
  private final AtomicInteger verifications = new AtomicInteger();
  private final AtomicLong clock = new AtomicLong(System.currentTimeMillis());
  private static final MpJwtValidator SMALLRYE = verifier(KEYS);
  private final CachingJwtValidator validator =
      new CachingJwtValidator(counting(SMALLRYE), new VerifiedTokens<>(clock::get, 100));

  @Test
  void refusesToStartBesideAnotherBearerTokenProviderOrWithoutItself() {
    String self = CachingJwtValidator.class.getName();
    CachingJwtValidator.requireAlone(List.of(self)); // the services' configuration: no failure
    assertThatThrownBy(
            () -> CachingJwtValidator.requireAlone(List.of(MpJwtValidator.class.getName(), self)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("quarkus.arc.exclude-types=" + MpJwtValidator.class.getName());
    assertThatThrownBy(() -> CachingJwtValidator.requireAlone(List.of()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aVerifiedTokensIdentityIsReusedWithoutVerifyingAgain() {
    String token = sign(KEYS, "alice", 600);
    authenticate(token);
    SecurityIdentity second = authenticate(token);
    assertThat(verifications).hasValue(1);
    assertThat(second.getPrincipal().getName()).isEqualTo("alice");
  }

  @Test
  void aCachedIdentitySaysWhatSmallRyesOwnSaysOfTheToken() {
    String token = sign(KEYS, "alice", 600);
    authenticate(token);
    SecurityIdentity cached = authenticate(token);
    SecurityIdentity direct =
        SMALLRYE.authenticate(request(token, null), INLINE).await().indefinitely();
    assertThat(verifications).hasValue(1);
    assertThat(cached.getRoles()).isEqualTo(direct.getRoles()).isEqualTo(Set.of("STREET_ADMIN"));
    assertThat(cached.isAnonymous()).isFalse();
    JsonWebToken jwt = (JsonWebToken) cached.getPrincipal();
    assertThat(jwt.getSubject()).isEqualTo("alice");
    assertThat(jwt.getRawToken()).isEqualTo(token);
    assertThat(jwt.<Object>getClaim("org_unit").toString()).contains(ORG_UNIT);
    assertThat(cached.getCredential(JsonWebTokenCredential.class).getToken()).isEqualTo(token);
    assertThat(cached.<Object>getAttribute(SecurityIdentity.USER_ATTRIBUTE)).isSameAs(jwt);
    assertThat(cached.getAttributes().keySet())
        .containsAll(direct.getAttributes().keySet())
        .hasSize(direct.getAttributes().size() + 1)
        .contains(CachingJwtValidator.CALLER);
  }

  @Test
  void theTokensCallerIsReadOnceAndTravelsWithItsIdentity() {
    String token = sign(KEYS, "alice", 600);
    SecurityIdentity first = authenticate(token);
    SecurityIdentity second = authenticate(token);
    Caller expected = new Caller("alice", Role.STREET_ADMIN, UUID.fromString(ORG_UNIT), null);
    assertThat(first.<Caller>getAttribute(CachingJwtValidator.CALLER)).isEqualTo(expected);
    assertThat(second.<Caller>getAttribute(CachingJwtValidator.CALLER))
        .isSameAs(first.getAttribute(CachingJwtValidator.CALLER));
    assertThat(CurrentCaller.callerOf(second)).isEqualTo(expected);
  }

  @Test
  void aValidTokenNamingNoCallerIsAuthenticatedAndThenRefusedByCurrentCaller() {
    String token = sign(KEYS, "guest", 600, "GUEST");
    SecurityIdentity identity = authenticate(token); // a valid token: not a 401
    assertThat(identity.<Caller>getAttribute(CachingJwtValidator.CALLER)).isNull();
    assertThatThrownBy(() -> CurrentCaller.callerOf(identity))
        .isInstanceOf(AccessDenied.class)
        .hasMessageContaining("none of the roles");
    assertThatThrownBy(() -> CurrentCaller.callerOf(authenticate(token)))
        .isInstanceOf(AccessDenied.class);
    assertThat(verifications).hasValue(1);
  }

  @Test
  void aTokenSignedByAnotherKeyIsRefusedThoughTheSameClaimsAreCached() {
    authenticate(sign(KEYS, "alice", 600));
    String forged = sign(OTHER_KEYS, "alice", 600);
    assertThatThrownBy(() -> authenticate(forged))
        .isInstanceOf(AuthenticationFailedException.class);
    assertThatThrownBy(() -> authenticate(forged))
        .isInstanceOf(AuthenticationFailedException.class);
    assertThat(verifications).hasValue(3);
  }

  @Test
  void aCachedTokenWithAnotherSignatureIsVerifiedAndRefused() {
    String token = sign(KEYS, "alice", 600);
    authenticate(token);
    String forged = sign(OTHER_KEYS, "alice", 600);
    String otherSignature =
        token.substring(0, token.lastIndexOf('.')) + forged.substring(forged.lastIndexOf('.'));
    assertThatThrownBy(() -> authenticate(otherSignature))
        .isInstanceOf(AuthenticationFailedException.class);
    assertThat(verifications).hasValue(2);
  }

  @Test
  void anIdentityIsNotServedFromTheTokensExpOn() {
    String token = sign(KEYS, "alice", 600);
    JsonWebToken jwt = (JsonWebToken) authenticate(token).getPrincipal();
    clock.set(jwt.getExpirationTime() * 1000L);
    authenticate(token); // really still valid: verified again, not served
    assertThat(verifications).hasValue(2);
  }

  @Test
  void anIdentityIsVerifiedAgainAfterTheReuseTime() {
    String token = sign(KEYS, "alice", 3_600);
    authenticate(token);
    clock.addAndGet(VerifiedTokens.REUSE.toMillis());
    authenticate(token);
    assertThat(verifications).hasValue(2);
  }

  @Test
  void aTokenThatExpiredAfterItWasCachedIsRefused() throws Exception {
    // Real time on both sides: valid for two seconds (exp is whole seconds), then refused.
    CachingJwtValidator realTime =
        new CachingJwtValidator(counting(SMALLRYE), new VerifiedTokens<>());
    String token = sign(KEYS, "bob", 2);
    SecurityIdentity first =
        realTime.authenticate(request(token, null), INLINE).await().indefinitely();
    long expMillis = ((JsonWebToken) first.getPrincipal()).getExpirationTime() * 1000L;
    Thread.sleep(Math.max(0, expMillis - System.currentTimeMillis()) + 200);
    assertThatThrownBy(
            () -> realTime.authenticate(request(token, null), INLINE).await().indefinitely())
        .isInstanceOf(AuthenticationFailedException.class);
    assertThat(verifications).hasValue(2);
  }

  @Test
  void eachRequestSeesItsOwnRoutingContextAndNoneOfTheFirst() {
    String token = sign(KEYS, "alice", 600);
    RoutingContext first = routingContext();
    RoutingContext second = routingContext();
    SecurityIdentity a =
        validator.authenticate(request(token, first), INLINE).await().indefinitely();
    SecurityIdentity b =
        validator.authenticate(request(token, second), INLINE).await().indefinitely();
    assertThat(verifications).hasValue(1);
    assertThat(HttpSecurityUtils.getRoutingContextAttribute(a)).isSameAs(first);
    assertThat(HttpSecurityUtils.getRoutingContextAttribute(b)).isSameAs(second);
    assertThat(b.getAttributes().values()).doesNotContain(first).contains(second);
    SecurityIdentity c =
        validator.authenticate(request(token, null), INLINE).await().indefinitely();
    assertThat(c.getAttributes().values()).doesNotContain(first, second);
  }

  @Test
  void aCredentialThatIsNotABearerJwtIsLeftToSmallRye() {
    TokenAuthenticationRequest other =
        new TokenAuthenticationRequest(new TokenCredential("x.y.z", "cookie"));
    assertThat(validator.authenticate(other, INLINE).await().indefinitely()).isNull();
    assertThat(verifications).hasValue(1);
  }

  private SecurityIdentity authenticate(String token) {
    return validator.authenticate(request(token, null), INLINE).await().indefinitely();
  }

  private static TokenAuthenticationRequest request(String token, RoutingContext context) {
    TokenAuthenticationRequest request =
        new TokenAuthenticationRequest(new JsonWebTokenCredential(token));
    if (context != null) {
      HttpSecurityUtils.setRoutingContextAttribute(request, context);
    }
    return request;
  }

  private static RoutingContext routingContext() {
    return (RoutingContext)
        Proxy.newProxyInstance(
            RoutingContext.class.getClassLoader(),
            new Class<?>[] {RoutingContext.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  case "toString" -> "routing context " + System.identityHashCode(proxy);
                  default -> null;
                });
  }

  private IdentityProvider<TokenAuthenticationRequest> counting(MpJwtValidator real) {
    return new IdentityProvider<>() {
      @Override
      public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
      }

      @Override
      public Uni<SecurityIdentity> authenticate(
          TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        verifications.incrementAndGet();
        return real.authenticate(request, context);
      }
    };
  }

  private static MpJwtValidator verifier(KeyPair pair) {
    JWTAuthContextInfo info = new JWTAuthContextInfo((RSAPublicKey) pair.getPublic(), ISSUER);
    info.setClockSkew(0);
    return new MpJwtValidator(new DefaultJWTParser(info), null, "NONE", "NONE");
  }

  private static String sign(KeyPair pair, String subject, int secondsValid) {
    return sign(pair, subject, secondsValid, "STREET_ADMIN");
  }

  private static String sign(KeyPair pair, String subject, int secondsValid, String group) {
    try {
      JwtClaims claims = new JwtClaims();
      claims.setIssuer(ISSUER);
      claims.setSubject(subject);
      claims.setIssuedAtToNow();
      claims.setExpirationTimeMinutesInTheFuture(secondsValid / 60f);
      claims.setStringListClaim("groups", group);
      claims.setClaim("org_unit", ORG_UNIT);
      JsonWebSignature jws = new JsonWebSignature();
      jws.setPayload(claims.toJson());
      jws.setKey(pair.getPrivate());
      jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
      return jws.getCompactSerialization();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
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
