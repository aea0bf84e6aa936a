package org.civic.web.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request and their {@link Scope}, built once per request from the
 * verified token. Services ask it for the scope and pass that to their repositories.
 */
@RequestScoped
public class CurrentCaller {
  @Inject SecurityIdentity identity;
  @Inject CommunityDirectory directory;
  @Inject Households households;

  private Caller caller;
  private Scope scope;

  public Caller caller() {
    if (caller == null) {
      caller = callerOf(identity);
    }
    return caller;
  }

  /**
   * The caller {@link CachingJwtValidator} read from the token when it verified it (once per token,
   * not per request); read here only from a token it could not name a caller for, to refuse it.
   */
  static Caller callerOf(SecurityIdentity identity) {
    Caller verified = identity.getAttribute(CachingJwtValidator.CALLER);
    if (verified != null) {
      return verified;
    }
    if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
      throw new UnauthorizedException();
    }
    return Caller.of(jwt);
  }

  public Scope scope() {
    if (scope == null) {
      scope = Scope.of(caller(), directory, households);
    }
    return scope;
  }
}
