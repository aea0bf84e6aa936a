package org.civic.activities.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.civic.activities.domain.MemberView;
import org.civic.localinfra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

/**
 * Look-ups of members by household and by id on the real database, for lists of any length: none,
 * one, and more than one chunk of single-valued parameters (ADR 0009).
 */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "activities"))
class MemberViewRepositoryTests {
  @Inject MemberViewRepository members;

  @Test
  void membersAreFoundByHouseholdAndByIdWhateverTheListsLength() {
    // 300 households (more than the 256 values a query binds), two members each.
    List<MemberView> all = new ArrayList<>();
    List<UUID> households = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      UUID household = UUID.randomUUID();
      households.add(household);
      all.add(member(household, "b" + i));
      all.add(member(household, "a" + i));
    }
    QuarkusTransaction.requiringNew().run(() -> members.persist(all));
    List<UUID> unknown = List.of(UUID.randomUUID(), UUID.randomUUID());

    List<MemberView> byHousehold =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    members.inHouseholds(
                        Stream.concat(households.stream(), unknown.stream()).toList()));
    assertThat(byHousehold)
        .extracting(m -> m.memberId)
        .containsExactlyInAnyOrderElementsOf(ids(all));

    List<MemberView> one =
        QuarkusTransaction.requiringNew()
            .call(() -> members.inHouseholds(List.of(households.get(5))));
    assertThat(one).extracting(m -> m.name).containsExactly("a5", "b5");

    List<UUID> wanted = Stream.concat(ids(all).stream().limit(299), unknown.stream()).toList();
    assertThat(QuarkusTransaction.requiringNew().call(() -> members.withIds(wanted)))
        .extracting(m -> m.memberId)
        .containsExactlyInAnyOrderElementsOf(ids(all).subList(0, 299));
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> members.withIds(List.of(all.get(3).memberId))))
        .extracting(m -> m.memberId)
        .containsExactly(all.get(3).memberId);

    assertThat(QuarkusTransaction.requiringNew().call(() -> members.inHouseholds(List.of())))
        .isEmpty();
    assertThat(QuarkusTransaction.requiringNew().call(() -> members.withIds(List.of()))).isEmpty();
  }

  private static MemberView member(UUID household, String name) {
    MemberView m = new MemberView();
    m.memberId = UUID.randomUUID();
    m.communityId = UUID.randomUUID();
    m.householdId = household;
    m.buildingId = UUID.randomUUID();
    m.name = name;
    m.status = "ACTIVE";
    m.memberVersion = 1;
    m.updatedAt = OffsetDateTime.now();
    return m;
  }

  private static List<UUID> ids(List<MemberView> list) {
    return list.stream().map(m -> m.memberId).toList();
  }
}
