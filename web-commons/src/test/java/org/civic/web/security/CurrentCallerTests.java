package org.civic.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class CurrentCallerTests {

  /** A verified token as smallrye-jwt hands it over, counting the custom claims read. */
  private static final class Token implements JsonWebToken {
    final String raw = "token-" + UUID.randomUUID();
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
    public String getRawToken() {
      return raw;
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

  private static Caller callerOfRequest(JsonWebToken token) {
    CurrentCaller current = new CurrentCaller(); // one per request
    current.jwt = token;
    return current.caller();
  }

  @Test
  void aTokensCallerIsReadFromItsClaimsOnceAndReusedByLaterRequests() {
    UUID community = UUID.randomUUID();
    Token token = new Token(Set.of("COMMUNITY_SECRETARY"));
    token.claims.put(CurrentCaller.ORG_UNIT_CLAIM, "\"" + community + "\"");

    Caller first = callerOfRequest(token);
    int reads = token.customClaimReads;
    Caller second = callerOfRequest(token);

    assertEquals(new Caller("subject-1", Role.COMMUNITY_SECRETARY, community, null), first);
    assertEquals(first, second);
    assertEquals(2, reads, "org_unit and member_id, once");
    assertEquals(reads, token.customClaimReads, "the second request read no claim");
  }

  @Test
  void anotherTokenIsAnotherCaller() {
    Token street = new Token(Set.of("STREET_ADMIN"));
    street.claims.put(CurrentCaller.ORG_UNIT_CLAIM, UUID.randomUUID().toString());
    Token member = new Token(Set.of("MEMBER"));
    UUID memberId = UUID.randomUUID();
    member.claims.put(CurrentCaller.MEMBER_ID_CLAIM, memberId.toString());

    assertEquals(Role.STREET_ADMIN, callerOfRequest(street).role());
    assertEquals(new Caller("subject-1", Role.MEMBER, null, memberId), callerOfRequest(member));
  }

  @Test
  void aTokenWithoutAKnownRoleIsRefusedEveryTime() {
    Token token = new Token(Set.of("GUEST"));

    assertThrows(AccessDenied.class, () -> callerOfRequest(token));
    assertThrows(AccessDenied.class, () -> callerOfRequest(token));
  }

  @Test
  void aMalformedClaimIsRefusedEveryTime() {
    Token token = new Token(Set.of("BRANCH_SECRETARY"));
    token.claims.put(CurrentCaller.ORG_UNIT_CLAIM, "not-a-uuid");

    assertThrows(AccessDenied.class, () -> callerOfRequest(token));
    assertThrows(AccessDenied.class, () -> callerOfRequest(token));
    assertEquals(2, token.customClaimReads);
  }
}
