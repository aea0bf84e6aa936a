package org.civic.web.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.smallrye.jwt.runtime.auth.MpJwtValidator;
import io.quarkus.smallrye.jwt.runtime.auth.SmallRyeJwtConfig;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The services' one identity provider for bearer JWTs, in place of smallrye-jwt's {@link
 * MpJwtValidator} (which each service excludes: {@code quarkus.arc.exclude-types}; a second
 * provider beside it would put Quarkus on its slower multi-provider path). A token not seen before
 * goes to an {@code MpJwtValidator} exactly as it would without this class (signature, issuer,
 * audience, expiry; blocking when the keys are fetched); the identity it yields is remembered by
 * the whole raw token under the rules of {@link VerifiedTokens} (≤ 60 s, never past {@code exp},
 * bounded). A phone sends the same token with every request, and building the identity again each
 * time was 5-7 % of a member read (bench/README.md, sessions 9 and 10).
 *
 * <p>The remembered identity holds what the token says (principal, roles from {@code groups}, the
 * credential, the user attribute), the {@link Caller} its claims name (attribute {@link #CALLER};
 * read once per token: a custom claim costs smallrye-jwt an exception per read) and nothing of the
 * request it was first verified in: each request, the first included, gets it with its own routing
 * context, as smallrye-jwt attaches it.
 */
@ApplicationScoped
public class CachingJwtValidator implements IdentityProvider<TokenAuthenticationRequest> {
  /**
   * The identity's attribute holding the token's {@link Caller}; absent when the token names none
   * (no known role, a malformed claim), which {@link CurrentCaller} then refuses with the reason.
   */
  static final String CALLER = Caller.class.getName();

  private final IdentityProvider<TokenAuthenticationRequest> verifier;
  private final VerifiedTokens<SecurityIdentity> identities;

  @Inject
  public CachingJwtValidator(
      JWTParser parser,
      SmallRyeJwtConfig config,
      @ConfigProperty(name = "mp.jwt.verify.publickey.location", defaultValue = "NONE")
          String publicKeyLocation,
      @ConfigProperty(name = "mp.jwt.decrypt.key.location", defaultValue = "NONE")
          String decryptKeyLocation) {
    this(
        new MpJwtValidator(parser, config, publicKeyLocation, decryptKeyLocation),
        new VerifiedTokens<>());
  }

  CachingJwtValidator(
      IdentityProvider<TokenAuthenticationRequest> verifier,
      VerifiedTokens<SecurityIdentity> identities) {
    this.verifier = verifier;
    this.identities = identities;
  }

  /**
   * Refuses to start beside another identity provider for bearer tokens (smallrye-jwt's, when a
   * service does not exclude it): Quarkus would take its multi-provider path for every request and
   * this cache would be one of two answers.
   */
  void refuseAnotherBearerTokenProvider(
      @Observes StartupEvent start, @Any Instance<IdentityProvider<?>> providers) {
    requireAlone(
        providers
            .handlesStream()
            .filter(h -> h.get().getRequestType() == TokenAuthenticationRequest.class)
            .map(h -> h.getBean().getBeanClass().getName())
            .toList());
  }

  /** Fails unless this class is the one provider named. */
  static void requireAlone(List<String> bearerTokenProviders) {
    if (!bearerTokenProviders.equals(List.of(CachingJwtValidator.class.getName()))) {
      throw new IllegalStateException(
          "Bearer tokens need exactly one identity provider, "
              + CachingJwtValidator.class.getName()
              + ", but the application has "
              + bearerTokenProviders
              + ": exclude smallrye-jwt's with"
              + " quarkus.arc.exclude-types=io.quarkus.smallrye.jwt.runtime.auth.MpJwtValidator"
              + " (ADR 0012)");
    }
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    if (!(request.getToken() instanceof JsonWebTokenCredential credential)) {
      return verifier.authenticate(request, context); // not a bearer JWT: its answer, unchanged
    }
    String rawToken = credential.getToken();
    SecurityIdentity known = identities.get(rawToken);
    if (known != null) {
      return Uni.createFrom().item(forRequest(known, request));
    }
    return verifier
        .authenticate(request, context)
        .onItem()
        .transform(verified -> remember(rawToken, verified, request));
  }

  /** Keeps the verified token's identity and answers this request with it. */
  private SecurityIdentity remember(
      String rawToken, SecurityIdentity verified, TokenAuthenticationRequest request) {
    if (verified == null || !(verified.getPrincipal() instanceof JsonWebToken jwt)) {
      return verified;
    }
    SecurityIdentity identity = ofToken(verified, jwt);
    identities.put(rawToken, jwt.getExpirationTime(), identity);
    return forRequest(identity, request);
  }

  /**
   * The identity as the token alone makes it: every attribute but the request's routing context,
   * and the caller the token names.
   */
  static SecurityIdentity ofToken(SecurityIdentity identity, JsonWebToken jwt) {
    QuarkusSecurityIdentity.Builder builder =
        QuarkusSecurityIdentity.builder()
            .setPrincipal(identity.getPrincipal())
            .setAnonymous(identity.isAnonymous())
            .addRoles(identity.getRoles())
            .addCredentials(identity.getCredentials())
            .addPermissions(identity.getPermissions());
    identity
        .getAttributes()
        .forEach(
            (name, value) -> {
              if (!(value instanceof RoutingContext)) {
                builder.addAttribute(name, value);
              }
            });
    try {
      builder.addAttribute(CALLER, Caller.of(jwt));
    } catch (AccessDenied refused) {
      // no caller: every request with this token is refused, by CurrentCaller, with the reason
    }
    return builder.build();
  }

  private static SecurityIdentity forRequest(
      SecurityIdentity known, TokenAuthenticationRequest request) {
    RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
    return routingContext == null ? known : new RequestIdentity(known, routingContext);
  }
}
