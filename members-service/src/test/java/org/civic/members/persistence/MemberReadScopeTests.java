package org.civic.members.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.civic.localinfra.LocalInfraTestResource;
import org.civic.members.domain.Category;
import org.civic.members.domain.Gender;
import org.civic.members.domain.Household;
import org.civic.members.domain.Member;
import org.civic.members.domain.MemberDetails;
import org.civic.members.domain.MemberStatus;
import org.civic.members.domain.MembershipHeld;
import org.civic.members.domain.Standing;
import org.civic.web.security.Scope;
import org.junit.jupiter.api.Test;

/**
 * A member read by id checks the scope on the loaded row ({@link Scope#permits}); lists filter with
 * the scope's WHERE clause. Both must let exactly the same members through, for every kind of
 * scope, or a caller would see in one place what another hides.
 */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "members"))
class MemberReadScopeTests {
  static final UUID COMMUNITY_A = UUID.randomUUID();
  static final UUID COMMUNITY_B = UUID.randomUUID();
  static final UUID BRANCH_1 = UUID.randomUUID();
  static final UUID BRANCH_2 = UUID.randomUUID();

  @Inject EntityManager em;
  @Inject MemberRepository members;

  @Test
  @TestTransaction
  void readsByIdAndNarrowedListsSeeExactlyWhatTheScopeClauseSees() {
    Household shared = household(COMMUNITY_A);
    Household other = household(COMMUNITY_B);
    Member inBranch = member(COMMUNITY_A, shared, BRANCH_1);
    Member sameHousehold = member(COMMUNITY_A, shared, null);
    Member otherBranch = member(COMMUNITY_B, other, BRANCH_2);
    Member noBranch = member(COMMUNITY_B, other, null);
    em.flush();
    em.clear();
    List<Member> all = List.of(inBranch, sameHousehold, otherBranch, noBranch);
    List<Scope> scopes =
        List.of(
            new Scope.Communities(Set.of(COMMUNITY_A)),
            new Scope.Communities(Set.of(COMMUNITY_A, COMMUNITY_B)),
            new Scope.Communities(Set.of()),
            new Scope.Branch(BRANCH_1),
            new Scope.Branch(UUID.randomUUID()),
            new Scope.Self(inBranch.id, shared.id),
            new Scope.Self(noBranch.id, null));

    int visibleReads = 0;
    for (Scope scope : scopes) {
      for (Member m : all) {
        boolean byClause = passes(m.id, ScopeClauses.members(scope, "m"));
        boolean byId = members.findVisible(m.id, scope).isPresent();
        assertThat(byId).as("findVisible %s in %s", m.id, scope).isEqualTo(byClause);
        boolean shown = members.readVisible(m.id, scope).isPresent();
        assertThat(shown).as("readVisible %s in %s", m.id, scope).isEqualTo(byClause);
        boolean ownByClause =
            passes(m.id, scope.clause("m.communityId", "m.branchId", "m.id", null));
        boolean ownById = members.findOwnRecords(m.id, scope).isPresent();
        assertThat(ownById).as("findOwnRecords %s in %s", m.id, scope).isEqualTo(ownByClause);
        visibleReads += byId ? 1 : 0;
      }
    }
    // 2 (community A) + 4 (A and B) + 0 + 1 (branch 1) + 0 + 2 (self and household) + 1 (self).
    assertThat(visibleReads).isEqualTo(10);
    // A list filtered on one community: the same members whatever the scope is narrowed to.
    for (Scope scope : scopes) {
      for (UUID community : List.of(COMMUNITY_A, COMMUNITY_B)) {
        List<UUID> listed =
            members.all(MemberQuery.inCommunity(community), scope, LocalDate.now()).stream()
                .map(ListedMember::id)
                .toList();
        List<UUID> paged =
            members
                .page(MemberQuery.inCommunity(community), scope, LocalDate.now(), 0, 50)
                .items()
                .stream()
                .map(ListedMember::id)
                .toList();
        List<UUID> expected =
            all.stream()
                .filter(m -> m.communityId.equals(community))
                .filter(m -> passes(m.id, ScopeClauses.members(scope, "m")))
                .map(m -> m.id)
                .toList();
        assertThat(listed)
            .as("community %s in %s", community, scope)
            .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(paged).as("page of community %s in %s", community, scope).isEqualTo(listed);
      }
    }
    // A MEMBER's own records exclude the rest of their household.
    assertThat(members.findOwnRecords(sameHousehold.id, new Scope.Self(inBranch.id, shared.id)))
        .isEmpty();
  }

  private boolean passes(UUID id, Scope.Clause clause) {
    TypedQuery<UUID> q =
        em.createQuery(
                "select m.id from Member m where m.id = :id and " + clause.condition(), UUID.class)
            .setParameter("id", id);
    clause.parameters().forEach(q::setParameter);
    return !q.getResultList().isEmpty();
  }

  private Household household(UUID community) {
    Household h = new Household();
    h.id = UUID.randomUUID();
    h.communityId = community;
    h.buildingId = UUID.randomUUID();
    h.unit = "1";
    h.room = "101";
    h.createdAt = OffsetDateTime.now();
    em.persist(h);
    return h;
  }

  private Member member(UUID community, Household household, UUID branch) {
    MemberDetails details =
        new MemberDetails(
            "王芳",
            Gender.FEMALE,
            LocalDate.of(1960, 5, 1),
            "汉族",
            null,
            Standing.FULL,
            null,
            null,
            Category.RETIRED,
            MembershipHeld.COMMUNITY,
            null,
            null,
            null,
            List.of());
    Member m = new Member(details, community, household, MemberStatus.ACTIVE, LocalDate.now());
    m.branchId = branch;
    em.persist(m);
    return m;
  }
}
