package org.civic.web.security;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.civic.web.persistence.InList;

/**
 * What part of the organisation tree a caller may see, in the terms every table has: community,
 * branch and member columns. Each service turns it into a WHERE clause with {@link #clause}, so
 * lists and exports are filtered by the database, not after the fact. A read of one row by its key
 * may check {@link #permits} on the row instead; the two must always agree (ScopeTests).
 */
public sealed interface Scope {

  /** Everything in these communities (street admin, community secretary, city system). */
  record Communities(Set<UUID> ids) implements Scope {
    public Communities {
      ids = Set.copyOf(ids);
    }
  }

  /** Everything of one branch (branch secretary). */
  record Branch(UUID branchId) implements Scope {}

  /** One member and, where a household column is given, their household (member role). */
  record Self(UUID memberId, UUID householdId) implements Scope {}

  /**
   * The caller's scope. Street and city-system scopes become the communities under their org unit,
   * looked up in {@code directory}; a community secretary's is their own community.
   */
  static Scope of(Caller caller, CommunityDirectory directory, Households households) {
    return switch (caller.role()) {
      case STREET_ADMIN, CITY_SYSTEM ->
          new Communities(directory.communitiesUnder(caller.orgUnitId()));
      case COMMUNITY_SECRETARY -> new Communities(Set.of(caller.orgUnitId()));
      case BRANCH_SECRETARY -> new Branch(caller.orgUnitId());
      case MEMBER -> new Self(caller.memberId(), households.householdOf(caller.memberId()));
    };
  }

  /** Whether a record with these coordinates is inside the scope; null coordinates never match. */
  default boolean permits(UUID communityId, UUID branchId, UUID memberId, UUID householdId) {
    // Java 17: no pattern matching for switch yet.
    if (this instanceof Communities c) {
      return communityId != null && c.ids().contains(communityId);
    }
    if (this instanceof Branch b) {
      return branchId != null && branchId.equals(b.branchId());
    }
    Self s = (Self) this;
    return (memberId != null && memberId.equals(s.memberId()))
        || (householdId != null && householdId.equals(s.householdId()));
  }

  /**
   * This scope inside one community, for a query that filters on it: a street's scope becomes just
   * that community (or nothing, if it is outside the street), so its clause binds one id instead of
   * one per community of the street. Other scopes, and a null community, stay as they are.
   */
  default Scope within(UUID communityId) {
    if (communityId != null && this instanceof Communities c) {
      return new Communities(c.ids().contains(communityId) ? Set.of(communityId) : Set.of());
    }
    return this;
  }

  /** Throws {@link AccessDenied} unless a record with these coordinates is inside the scope. */
  default void require(UUID communityId, UUID branchId, UUID memberId, UUID householdId) {
    if (!permits(communityId, branchId, memberId, householdId)) {
      throw new AccessDenied("Outside your organisation scope");
    }
  }

  /**
   * A JPQL/SQL condition limiting rows to the scope. Pass the entity's (or table's) column names; a
   * null column means the table has no such coordinate and that kind of scope sees nothing there.
   * Parameter names start with {@code scope_} so they never clash with the query's own.
   */
  default Clause clause(
      String communityColumn, String branchColumn, String memberColumn, String householdColumn) {
    if (this instanceof Communities c) {
      return communityColumn == null || c.ids().isEmpty()
          ? Clause.NOTHING
          : Clause.of(InList.of(communityColumn, "scope_c", c.ids()));
    }
    if (this instanceof Branch b) {
      return branchColumn == null
          ? Clause.NOTHING
          : new Clause(branchColumn + " = :scope_branch", Map.of("scope_branch", b.branchId()));
    }
    return selfClause((Self) this, memberColumn, householdColumn);
  }

  private static Clause selfClause(Self s, String memberColumn, String householdColumn) {
    if (householdColumn != null && s.householdId() != null) {
      String own = memberColumn == null ? "" : memberColumn + " = :scope_member or ";
      Map<String, Object> params =
          memberColumn == null
              ? Map.of("scope_household", s.householdId())
              : Map.of("scope_member", s.memberId(), "scope_household", s.householdId());
      return new Clause("(" + own + householdColumn + " = :scope_household)", params);
    }
    return memberColumn == null
        ? Clause.NOTHING
        : new Clause(memberColumn + " = :scope_member", Map.of("scope_member", s.memberId()));
  }

  /** A condition and its named parameters. */
  record Clause(String condition, Map<String, Object> parameters) {
    public Clause {
      parameters = Map.copyOf(parameters);
    }

    /** Single-valued parameters padded to a power of two: the query's translation stays cached. */
    static Clause of(InList in) {
      return new Clause(in.condition(), in.parameters());
    }

    /** Matches no row. */
    public static final Clause NOTHING = new Clause("1 = 0", Map.of());
  }
}
