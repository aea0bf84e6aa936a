package org.civic.members.persistence;

import org.civic.web.security.Scope;
import org.civic.web.security.Scope.Clause;

/**
 * The caller's {@link Scope} as a JPQL condition for each table of the register. Every query that
 * reads members, households, transfers or buildings for a caller ANDs one of these in, so lists,
 * totals, exports and single reads only ever see what the caller may see. (A single member read by
 * id checks {@link Scope#permits} on the row instead: the same rule without binding a street's
 * communities as parameters.)
 *
 * <p>Tables without a branch column (households, transfers, buildings) reach a branch secretary's
 * scope through the members of the branch: a household or transfer of one of the branch's members,
 * a building of a community the branch's members live in.
 */
public final class ScopeClauses {
  private ScopeClauses() {}

  /** Members (alias {@code m}): community, branch, the member and (MEMBER) their household. */
  public static Clause members(Scope scope, String alias) {
    return scope.clause(
        alias + ".communityId", alias + ".branchId", alias + ".id", alias + ".householdId");
  }

  /** As {@link #members}, in SQL: the {@code member} table's columns (alias {@code m}). */
  public static Clause memberRows(Scope scope, String alias) {
    return scope.clause(
        alias + ".community_id", alias + ".branch_id", alias + ".id", alias + ".household_id");
  }

  /** Households (alias {@code h}): community; branch through its members; MEMBER their own. */
  public static Clause households(Scope scope, String alias) {
    if (scope instanceof Scope.Branch) {
      Clause branch = scope.clause(null, "hm.branchId", null, null);
      return new Clause(
          "exists (select 1 from Member hm where hm.householdId = "
              + alias
              + ".id and "
              + branch.condition()
              + ")",
          branch.parameters());
    }
    return scope.clause(alias + ".communityId", null, null, alias + ".id");
  }

  /** Transfers (alias {@code t}): community; branch through the transferred member. */
  public static Clause transfers(Scope scope, String alias) {
    if (scope instanceof Scope.Branch) {
      Clause branch = scope.clause(null, "tm.branchId", null, null);
      return new Clause(
          "exists (select 1 from Member tm where tm.id = "
              + alias
              + ".memberId and "
              + branch.condition()
              + ")",
          branch.parameters());
    }
    return scope.clause(alias + ".communityId", null, alias + ".memberId", null);
  }

  /**
   * Known buildings (alias {@code b}, reference data): community; a branch secretary the buildings
   * of the communities the branch's members live in (to relocate them); nothing for a MEMBER.
   */
  public static Clause buildings(Scope scope, String alias) {
    if (scope instanceof Scope.Branch) {
      Clause branch = scope.clause(null, "bm.branchId", null, null);
      return new Clause(
          alias
              + ".communityId in (select bm.communityId from Member bm where "
              + branch.condition()
              + ")",
          branch.parameters());
    }
    return scope.clause(alias + ".communityId", null, null, null);
  }
}
