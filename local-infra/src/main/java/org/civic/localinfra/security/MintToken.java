package org.civic.localinfra.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * {@code ./token.sh ROLE ORG_UNIT_ID} (or {@code ./token.sh MEMBER MEMBER_ID}): prints a token
 * signed with the local run's key (.local/jwt), valid for 12 hours.
 */
public final class MintToken {
  private static final Set<String> ROLES =
      Set.of("STREET_ADMIN", "COMMUNITY_SECRETARY", "BRANCH_SECRETARY", "CITY_SYSTEM", "MEMBER");

  private MintToken() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || !ROLES.contains(args[0])) {
      System.err.println(
          "usage: ./token.sh ROLE ID [HOURS]\n"
              + "  ROLE  one of STREET_ADMIN COMMUNITY_SECRETARY BRANCH_SECRETARY CITY_SYSTEM"
              + " MEMBER\n"
              + "  ID    the org unit the role is bound to (a street, community or branch id);\n"
              + "        for MEMBER the member's id\n"
              + "  e.g.  ./token.sh STREET_ADMIN "
              + Tokens.DEMO_STREET
              + "   (the demo street)");
      System.exit(2);
    }
    String role = args[0];
    UUID id = UUID.fromString(args[1]);
    long hours = args.length > 2 ? Long.parseLong(args[2]) : 12;
    Path keyDir = Path.of(System.getProperty("local.dir", ".local")).resolve("jwt");
    boolean member = role.equals("MEMBER");
    System.out.println(
        Tokens.mint(
            JwtKeys.loadOrCreate(keyDir).getPrivate(),
            role.toLowerCase() + "-" + id.toString().substring(0, 8),
            role,
            member ? null : id,
            member ? id : null,
            Duration.ofHours(hours)));
  }
}
