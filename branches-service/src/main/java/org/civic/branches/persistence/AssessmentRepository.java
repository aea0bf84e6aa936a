package org.civic.branches.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.civic.branches.domain.AnnualAssessment;
import org.civic.web.persistence.HqlCount;
import org.civic.web.security.Scope;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<AnnualAssessment, UUID> {

  static Scope.Clause visible(Scope scope) {
    return scope.clause("a.communityId", "a.branchId", null, null);
  }

  /** Whether the branch has a record for the year (not scoped: for the uniqueness rule). */
  public boolean exists(UUID branchId, int year) {
    return HqlCount.any(
        getEntityManager(),
        AnnualAssessment.class,
        "branchId = :branch and year = :year",
        Map.of("branch", branchId, "year", year));
  }

  public Optional<AnnualAssessment> of(UUID branchId, int year, Scope scope) {
    return Scoped.query(
            getEntityManager(),
            AnnualAssessment.class,
            "select a from AnnualAssessment a",
            "a.branchId = :branch and a.year = :year",
            visible(scope),
            null,
            Scoped.params("branch", branchId, "year", year))
        .getResultStream()
        .findFirst();
  }

  public List<AnnualAssessment> ofBranch(UUID branchId, Scope scope) {
    return Scoped.query(
            getEntityManager(),
            AnnualAssessment.class,
            "select a from AnnualAssessment a",
            "a.branchId = :branch",
            visible(scope),
            "order by a.year desc",
            Scoped.params("branch", branchId))
        .getResultList();
  }
}
