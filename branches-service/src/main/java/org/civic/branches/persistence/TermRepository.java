package org.civic.branches.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.civic.branches.domain.Term;

@ApplicationScoped
public class TermRepository implements PanacheRepositoryBase<Term, UUID> {

  public List<Term> ofBranch(UUID branchId) {
    return list("branchId = ?1 order by number desc", branchId);
  }

  public Optional<Term> current(UUID branchId) {
    return find("branchId = ?1 and current = true", branchId).firstResultOptional();
  }

  public int lastNumber(UUID branchId) {
    Integer n =
        getEntityManager()
            .createQuery("select max(t.number) from Term t where t.branchId = :b", Integer.class)
            .setParameter("b", branchId)
            .getSingleResult();
    return n == null ? 0 : n;
  }

  /** Current terms ending on or before {@code until} (including overdue ones), soonest first. */
  public List<Term> currentEndingBy(LocalDate until) {
    return list("current = true and endDate <= ?1 order by endDate, id", until);
  }
}
