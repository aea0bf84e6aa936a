package org.civic.branches.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.civic.branches.domain.OrgKind;
import org.civic.branches.domain.OrgUnit;
import org.civic.localinfra.LocalInfraTestResource;
import org.civic.web.persistence.InList;
import org.civic.web.security.Scope;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.hibernate.query.sqm.spi.InterpretationsKeySource;
import org.junit.jupiter.api.Test;

/**
 * One level of an org tree ({@code childrenOf}) on the real database: any number of parents, in
 * chunks of single-valued parameters whose query translation Hibernate can cache (ADR 0009).
 */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "branches"))
class OrgUnitRepositoryTests {
  @Inject OrgUnitRepository units;

  @Test
  void aLevelOfAnyWidthIsReadWhole() {
    // More parents than one chunk binds (256): a street of 300 communities, each with one unit.
    int width = 300;
    OrgUnit street =
        new OrgUnit(OrgKind.STREET_WORKING_COMMITTEE, null, "街道" + UUID.randomUUID(), null);
    List<OrgUnit> communities = new ArrayList<>();
    List<OrgUnit> leaves = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      OrgUnit c = new OrgUnit(OrgKind.COMMUNITY_COMMITTEE, street, "社区" + i, null);
      communities.add(c);
      leaves.add(new OrgUnit(OrgKind.UNIT_ORGANISATION, c, "单位" + i, null));
    }
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              units.persist(street);
              units.persist(communities);
              units.persist(leaves);
            });
    Set<UUID> communityIds = communities.stream().map(c -> c.id).collect(Collectors.toSet());
    Scope.Clause visible = OrgUnitRepository.visible(new Scope.Communities(communityIds), null);

    List<OrgUnit> level =
        QuarkusTransaction.requiringNew().call(() -> units.childrenOf(communityIds, visible));
    assertThat(level).extracting(u -> u.id).containsExactlyInAnyOrderElementsOf(ids(leaves));

    OrgUnit one = communities.get(7);
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> units.childrenOf(List.of(one.id), visible)))
        .extracting(u -> u.name)
        .containsExactly("单位7");
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> units.childrenOf(List.of(street.id), visible)))
        .extracting(u -> u.id)
        .containsExactlyInAnyOrderElementsOf(ids(communities));
    assertThat(QuarkusTransaction.requiringNew().call(() -> units.childrenOf(List.of(), visible)))
        .isEmpty();
    // Out of scope: a caller bound to other communities sees none of them.
    Scope.Clause other =
        OrgUnitRepository.visible(new Scope.Communities(Set.of(UUID.randomUUID())), null);
    assertThat(QuarkusTransaction.requiringNew().call(() -> units.childrenOf(communityIds, other)))
        .isEmpty();
  }

  @Test
  void theLevelQueryKeepsItsTranslationCached() {
    Scope.Clause visible =
        OrgUnitRepository.visible(
            new Scope.Communities(Set.of(UUID.randomUUID(), UUID.randomUUID())), UUID.randomUUID());
    InList parents =
        InList.of("u.parentId", "parent", List.of(UUID.randomUUID(), UUID.randomUUID()));

    QuarkusTransaction.requiringNew()
        .run(
            () ->
                assertThat(
                        QueryInterpretationCache.createInterpretationsKey(
                            units
                                .childrenQuery(parents, visible)
                                .unwrap(InterpretationsKeySource.class)))
                    .isNotNull());
  }

  private static List<UUID> ids(List<OrgUnit> list) {
    return list.stream().map(u -> u.id).toList();
  }
}
