package org.civic.members.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.civic.localinfra.LocalInfraTestResource;
import org.civic.members.domain.Member;
import org.civic.members.domain.MemberStatus;
import org.civic.web.security.Scope;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.hibernate.query.sqm.spi.InterpretationsKeySource;
import org.junit.jupiter.api.Test;

/**
 * Hibernate translates a query anew on every call unless it can cache the translation, and it
 * cannot once a parameter may take several values: a collection, or any parameter passed to a
 * function. That cost a fifth of a member read's CPU (ADR 0009). Scope clauses must stay cacheable.
 */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "members"))
class ScopedQueryPlanTests {
  @Inject EntityManager entityManager;

  @Test
  void aStreetScopedListKeepsItsTranslationCached() {
    Scope.Clause clause = ScopeClauses.members(new Scope.Communities(ids(20)), "m");
    TypedQuery<Member> query =
        entityManager
            .createQuery(
                "select m from Member m where m.status = :status and "
                    + clause.condition()
                    + " order by m.name, m.id",
                Member.class)
            .setParameter("status", MemberStatus.ACTIVE);
    clause.parameters().forEach(query::setParameter);

    assertThat(cacheKey(query)).isNotNull();
  }

  @Test
  void aCollectionParameterWouldNotBeCached() {
    TypedQuery<Member> query =
        entityManager
            .createQuery("select m from Member m where m.communityId in :ids", Member.class)
            .setParameter("ids", List.copyOf(ids(20)));

    assertThat(cacheKey(query)).isNull();
  }

  private static QueryInterpretationCache.Key cacheKey(TypedQuery<?> query) {
    return QueryInterpretationCache.createInterpretationsKey(
        query.unwrap(InterpretationsKeySource.class));
  }

  private static Set<UUID> ids(int count) {
    Set<UUID> ids = new HashSet<>();
    while (ids.size() < count) {
      ids.add(UUID.randomUUID());
    }
    return ids;
  }
}
