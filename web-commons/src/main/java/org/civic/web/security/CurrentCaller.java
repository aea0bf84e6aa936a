package org.civic.web.security;

import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
      Role role = Caller.strongest(jwt.getGroups());
      if (role == null) {
        throw new AccessDenied(
            "The token carries none of the roles " + java.util.List.of(Role.values()));
      }
      caller =
          new Caller(
              jwt.getSubject() == null ? jwt.getName() : jwt.getSubject(),
              role,
              uuidClaim(ORG_UNIT_CLAIM),
              uuidClaim(MEMBER_ID_CLAIM));
    }
    return caller;
  }

  public Scope scope() {
    if (scope == null) {
      scope = Scope.of(caller(), directory, households);
    }
    return scope;
  }

  private UUID uuidClaim(String name) {
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
