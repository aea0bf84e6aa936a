package org.civic.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** How a request's caller follows from its identity, and from a token's claims. */
class CurrentCallerTests {

  /** A verified token as smallrye-jwt hands it over, counting the custom claims read. */
  private static final class Token implements JsonWebToken {
    final Map<String, Object> claims = new HashMap<>();
    final Set<String> groups;
    int customClaimReads;

    Token(Set<String> groups) {
      this.groups = groups;
    }

    @Override
    public String getName() {
      return "someone";
    }

    @Override
    public String getSubject() {
      return "subject-1";
    }

    @Override
    public Set<String> getGroups() {
      return groups;
    }

    @Override
    public Set<String> getClaimNames() {
      return claims.keySet();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
      customClaimReads++;
      return (T) claims.get(name);
    }
  }

  private static SecurityIdentity identity(Token token, Caller verified) {
    QuarkusSecurityIdentity.Builder builder =
        QuarkusSecurityIdentity.builder().setPrincipal(token).addRoles(token.groups);
    if (verified != null) {
      builder.addAttribute(CachingJwtValidator.CALLER, verified);
    }
    return builder.build();
  }

  @Test
  void theCallerVerifiedWithTheTokenIsTakenWithoutReadingAClaim() {
    Token token = new Token(Set.of("STREET_ADMIN"));
    Caller verified = new Caller("subject-1", Role.STREET_ADMIN, UUID.randomUUID(), null);

    assertSame(verified, CurrentCaller.callerOf(identity(token, verified)));
    assertEquals(0, token.customClaimReads);
  }

  @Test
  void aTokensClaimsNameItsCaller() {
    UUID community = UUID.randomUUID();
    Token secretary = new Token(Set.of("COMMUNITY_SECRETARY", "MEMBER"));
    secretary.claims.put(Caller.ORG_UNIT_CLAIM, "\"" + community + "\"");
    Token member = new Token(Set.of("MEMBER"));
    UUID memberId = UUID.randomUUID();
    member.claims.put(Caller.MEMBER_ID_CLAIM, memberId.toString());

    assertEquals(
        new Caller("subject-1", Role.COMMUNITY_SECRETARY, community, null), Caller.of(secretary));
    assertEquals(new Caller("subject-1", Role.MEMBER, null, memberId), Caller.of(member));
  }

  @Test
  void aTokenWithoutAKnownRoleIsRefusedOnEveryRequest() {
    SecurityIdentity identity = identity(new Token(Set.of("GUEST")), null);

    assertThrows(AccessDenied.class, () -> CurrentCaller.callerOf(identity));
    assertThrows(AccessDenied.class, () -> CurrentCaller.callerOf(identity));
  }

  @Test
  void aMalformedOrMissingClaimIsRefused() {
    Token malformed = new Token(Set.of("BRANCH_SECRETARY"));
    malformed.claims.put(Caller.ORG_UNIT_CLAIM, "not-a-uuid");
    Token missing = new Token(Set.of("BRANCH_SECRETARY"));

    assertThrows(AccessDenied.class, () -> CurrentCaller.callerOf(identity(malformed, null)));
    assertThrows(AccessDenied.class, () -> CurrentCaller.callerOf(identity(missing, null)));
  }

  @Test
  void noTokenIsUnauthorized() {
    SecurityIdentity anonymous =
        QuarkusSecurityIdentity.builder().setAnonymous(true).setPrincipal(() -> "").build();

    assertThrows(UnauthorizedException.class, () -> CurrentCaller.callerOf(anonymous));
  }
}
