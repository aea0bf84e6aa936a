package org.civic.web.security;

import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request and their {@link Scope}, built once per request from the
 * verified token. Services ask it for the scope and pass that to their repositories.
 */
@RequestScoped
public class CurrentCaller {
  public static final String ORG_UNIT_CLAIM = "org_unit";
  public static final String MEMBER_ID_CLAIM = "member_id";

  /**
   * Callers by their token: a caller follows from the token's claims alone, and a phone sends the
   * same token with every request. Reading a custom claim costs smallrye-jwt an exception (it tries
   * {@code Claims.valueOf} first): two per request were 6-9 % of a member read's CPU (session 7).
   * Only tokens verified for this request get here; bounded like {@link VerifiedTokens}.
   */
  private static final ExpiringCache<String, Caller> BY_TOKEN =
      new ExpiringCache<>(Duration.ofSeconds(60), 10_000);

  @Inject JsonWebToken jwt;
  @Inject CommunityDirectory directory;
  @Inject Households households;

  private Caller caller;
  private Scope scope;

  public Caller caller() {
    if (caller == null) {
      if (jwt == null || jwt.getRawToken() == null) {
        throw new UnauthorizedException();
      }
      caller = BY_TOKEN.get(jwt.getRawToken(), token -> callerOf(jwt));
    }
    return caller;
  }

  /** The caller a verified token names; refused (and not remembered) without a known role. */
  static Caller callerOf(JsonWebToken jwt) {
    Role role = Caller.strongest(jwt.getGroups());
    if (role == null) {
      throw new AccessDenied(
          "The token carries none of the roles " + java.util.List.of(Role.values()));
    }
    return new Caller(
        jwt.getSubject() == null ? jwt.getName() : jwt.getSubject(),
        role,
        uuidClaim(jwt, ORG_UNIT_CLAIM),
        uuidClaim(jwt, MEMBER_ID_CLAIM));
  }

  public Scope scope() {
    if (scope == null) {
      scope = Scope.of(caller(), directory, households);
    }
    return scope;
  }

  private static UUID uuidClaim(JsonWebToken jwt, String name) {
    Object value = jwt.getClaim(name);
    if (value == null) {
      return null;
    }
    String text = value.toString().replace("\"", "");
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new AccessDenied("The token's " + name + " claim is not a UUID");
    }
  }
}
