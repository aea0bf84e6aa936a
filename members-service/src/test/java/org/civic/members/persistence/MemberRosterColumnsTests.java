package org.civic.members.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
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
import org.junit.jupiter.api.Test;

/**
 * A member's branch and roster version belong to branches-service's RosterChanged, which the
 * consumer writes with its own statement and without the member's version; an edit of the record
 * (update, relocation, status change) must not write them back from what it loaded.
 */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "members"))
class MemberRosterColumnsTests {
  @Inject EntityManager em;
  @Inject MemberRepository members;

  @Test
  void anEditCommittedAfterARosterChangeKeepsTheBranchTheChangeSet() {
    UUID id = QuarkusTransaction.requiringNew().call(this::newMember);
    UUID branch = UUID.randomUUID();

    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Member loaded = members.findById(id);
              // RosterChanged applied while the edit is in flight (the consumer's transaction).
              QuarkusTransaction.requiringNew()
                  .run(() -> assertThat(members.applyRoster(id, branch, true, 1)).isTrue());
              loaded.phone = "13911112222";
            });

    Member after = QuarkusTransaction.requiringNew().call(() -> members.findById(id));
    assertThat(after.phone).isEqualTo("13911112222");
    assertThat(after.version).as("the edit is a new version").isEqualTo(1);
    assertThat(after.branchId).as("the branch RosterChanged set").isEqualTo(branch);
    assertThat(after.rosterVersion).isEqualTo(1);
  }

  private UUID newMember() {
    UUID community = UUID.randomUUID();
    Household household = new Household();
    household.id = UUID.randomUUID();
    household.communityId = community;
    household.buildingId = UUID.randomUUID();
    household.unit = "1";
    household.room = "101";
    household.createdAt = OffsetDateTime.now();
    em.persist(household);
    MemberDetails details =
        new MemberDetails(
            "王芳",
            Gender.FEMALE,
            LocalDate.of(1960, 5, 1),
            "汉族",
            "13800000000",
            Standing.FULL,
            null,
            null,
            Category.RETIRED,
            MembershipHeld.COMMUNITY,
            null,
            null,
            null,
            List.of());
    Member member = new Member(details, community, household, MemberStatus.ACTIVE, LocalDate.now());
    em.persist(member);
    return member.id;
  }
}
