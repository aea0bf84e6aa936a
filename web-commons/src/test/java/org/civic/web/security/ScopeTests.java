package org.civic.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScopeTests {
  private static final UUID STREET = UUID.randomUUID();
  private static final UUID COMMUNITY_A = UUID.randomUUID();
  private static final UUID COMMUNITY_B = UUID.randomUUID();
  private static final UUID BRANCH = UUID.randomUUID();
  private static final UUID MEMBER = UUID.randomUUID();
  private static final UUID HOUSEHOLD = UUID.randomUUID();

  private final CommunityDirectory directory =
      unit -> unit.equals(STREET) ? Set.of(COMMUNITY_A, COMMUNITY_B) : Set.of();
  private final Households households = member -> member.equals(MEMBER) ? HOUSEHOLD : null;

  private Scope scopeOf(Role role, UUID orgUnit, UUID member) {
    return Scope.of(new Caller("user", role, orgUnit, member), directory, households);
  }

  @Test
  void streetAdminSeesEveryCommunityOfTheirStreetOnly() {
    Scope scope = scopeOf(Role.STREET_ADMIN, STREET, null);
    assertThat(scope.permits(COMMUNITY_A, null, null, null)).isTrue();
    assertThat(scope.permits(COMMUNITY_B, BRANCH, null, null)).isTrue();
    assertThat(scope.permits(UUID.randomUUID(), BRANCH, MEMBER, HOUSEHOLD)).isFalse();
    Scope.Clause clause = scope.clause("m.communityId", "m.branchId", "m.id", null);
    assertThat(clause.condition()).isEqualTo("m.communityId in (:scope_c0, :scope_c1)");
    assertThat(clause.parameters().values()).containsExactlyInAnyOrder(COMMUNITY_A, COMMUNITY_B);
  }

  @Test
  void communitySecretarySeesTheirCommunity() {
    Scope scope = scopeOf(Role.COMMUNITY_SECRETARY, COMMUNITY_A, null);
    assertThat(scope.permits(COMMUNITY_A, null, null, null)).isTrue();
    assertThat(scope.permits(COMMUNITY_B, null, null, null)).isFalse();
    Scope.Clause clause = scope.clause("m.communityId", "m.branchId", "m.id", null);
    assertThat(clause.condition()).isEqualTo("m.communityId = :scope_c0");
    assertThat(clause.parameters()).isEqualTo(Map.of("scope_c0", COMMUNITY_A));
  }

  @Test
  void manyCommunitiesArePaddedToThePowerOfTwoSoQueryTextsStayFew() {
    for (int count : new int[] {2, 3, 4, 5, 8, 9, 20, 33}) {
      Set<UUID> ids = new HashSet<>();
      while (ids.size() < count) {
        ids.add(UUID.randomUUID());
      }
      Scope.Clause clause = new Scope.Communities(ids).clause("m.communityId", null, null, null);
      int slots = Integer.highestOneBit(count - 1) * 2;
      assertThat(clause.parameters()).as("%d communities", count).hasSize(slots);
      assertThat(new HashSet<>(clause.parameters().values())).isEqualTo(ids);
      assertThat(clause.condition().split(",")).hasSize(slots);
      assertThat(clause.condition()).startsWith("m.communityId in (:scope_c0, ");
    }
  }

  @Test
  void branchSecretarySeesTheirBranchAndNothingWithoutABranchColumn() {
    Scope scope = scopeOf(Role.BRANCH_SECRETARY, BRANCH, null);
    assertThat(scope.permits(COMMUNITY_A, BRANCH, null, null)).isTrue();
    assertThat(scope.permits(COMMUNITY_A, UUID.randomUUID(), null, null)).isFalse();
    assertThat(scope.permits(COMMUNITY_A, null, null, null)).isFalse();
    assertThat(scope.clause("x.communityId", null, null, null)).isEqualTo(Scope.Clause.NOTHING);
    assertThat(scope.clause("x.communityId", "x.branchId", null, null).parameters())
        .containsEntry("scope_branch", BRANCH);
  }

  @Test
  void memberSeesThemselvesAndTheirHousehold() {
    Scope scope = scopeOf(Role.MEMBER, null, MEMBER);
    assertThat(scope.permits(COMMUNITY_A, BRANCH, MEMBER, null)).isTrue();
    assertThat(scope.permits(COMMUNITY_A, BRANCH, UUID.randomUUID(), HOUSEHOLD)).isTrue();
    assertThat(scope.permits(COMMUNITY_A, BRANCH, UUID.randomUUID(), UUID.randomUUID())).isFalse();
    assertThat(scope.clause("m.communityId", "m.branchId", "m.id", "m.householdId").condition())
        .isEqualTo("(m.id = :scope_member or m.householdId = :scope_household)");
    assertThat(scope.clause("v.communityId", "v.branchId", null, null))
        .isEqualTo(Scope.Clause.NOTHING);
  }

  @Test
  void aStreetNarrowedToOneOfItsCommunitiesBindsOnlyThatOne() {
    Scope street = new Scope.Communities(Set.of(COMMUNITY_A, COMMUNITY_B));
    Scope.Clause clause = street.within(COMMUNITY_B).clause("m.communityId", null, null, null);
    assertThat(clause.condition()).isEqualTo("m.communityId = :scope_c0");
    assertThat(clause.parameters()).isEqualTo(Map.of("scope_c0", COMMUNITY_B));
    assertThat(street.within(UUID.randomUUID()).clause("m.communityId", null, null, null))
        .isEqualTo(Scope.Clause.NOTHING);
    assertThat(street.within(null)).isEqualTo(street);
    Scope branch = new Scope.Branch(BRANCH);
    assertThat(branch.within(COMMUNITY_A)).isEqualTo(branch);
  }

  @Test
  void aStreetWithNoKnownCommunitiesSeesNothing() {
    Scope scope = scopeOf(Role.CITY_SYSTEM, UUID.randomUUID(), null);
    assertThat(scope.clause("m.communityId", null, null, null)).isEqualTo(Scope.Clause.NOTHING);
  }

  @Test
  void requireRefusesRecordsOutsideTheScope() {
    Scope scope = scopeOf(Role.COMMUNITY_SECRETARY, COMMUNITY_A, null);
    assertThatThrownBy(() -> scope.require(COMMUNITY_B, null, null, null))
        .isInstanceOf(AccessDenied.class);
  }

  @Test
  void tokensMustNameWhatTheRoleIsBoundTo() {
    assertThatThrownBy(() -> new Caller("u", Role.MEMBER, null, null))
        .isInstanceOf(AccessDenied.class)
        .hasMessageContaining("member_id");
    assertThatThrownBy(() -> new Caller("u", Role.BRANCH_SECRETARY, null, null))
        .isInstanceOf(AccessDenied.class)
        .hasMessageContaining("org_unit");
    assertThat(Caller.strongest(Set.of("MEMBER", "BRANCH_SECRETARY")))
        .isEqualTo(Role.BRANCH_SECRETARY);
    assertThat(Caller.strongest(Set.of("admin"))).isNull();
  }
}
