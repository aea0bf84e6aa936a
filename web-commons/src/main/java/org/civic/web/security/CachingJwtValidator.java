package org.civic.web.security;

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
import jakarta.inject.Inject;
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
 * credential, the user attribute) and nothing of the request it was first verified in: each request
 * gets it with its own routing context, as smallrye-jwt attaches it.
 */
@ApplicationScoped
public class CachingJwtValidator implements IdentityProvider<TokenAuthenticationRequest> {
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
        .invoke(identity -> remember(rawToken, identity));
  }

  private void remember(String rawToken, SecurityIdentity identity) {
    if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt) {
      identities.put(rawToken, jwt.getExpirationTime(), withoutRequest(identity));
    }
  }

  /**
   * The identity as the token alone makes it: every attribute but the request's routing context.
   */
  static SecurityIdentity withoutRequest(SecurityIdentity identity) {
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
    return builder.build();
  }

  private static SecurityIdentity forRequest(
      SecurityIdentity known, TokenAuthenticationRequest request) {
    RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
    return routingContext == null ? known : new RequestIdentity(known, routingContext);
  }
}
