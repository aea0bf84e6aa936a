package org.civic.branches.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.civic.branches.domain.AnnualAssessment;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<AnnualAssessment, UUID> {
  public Optional<AnnualAssessment> of(UUID branchId, int year) {
    return find("branchId = ?1 and year = ?2", branchId, year).firstResultOptional();
  }

  public List<AnnualAssessment> ofBranch(UUID branchId) {
    return list("branchId = ?1 order by year desc", branchId);
  }
}
