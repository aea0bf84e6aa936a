package org.civic.branches.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.civic.branches.domain.Term;
import org.civic.web.security.Scope;

@ApplicationScoped
public class TermRepository implements PanacheRepositoryBase<Term, UUID> {

  static Scope.Clause visible(Scope scope) {
    return scope.clause("t.communityId", "t.branchId", null, null);
  }

  /** The branch's terms, newest first, if the caller may see them. */
  public List<Term> ofBranch(UUID branchId, Scope scope) {
    return Scoped.query(
            getEntityManager(),
            Term.class,
            "select t from Term t",
            "t.branchId = :branch",
            visible(scope),
            "order by t.number desc",
            Scoped.params("branch", branchId))
        .getResultList();
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

  /**
   * Current terms the caller may see ending on or before {@code until} (including overdue ones),
   * soonest first.
   */
  public List<Term> currentEndingBy(LocalDate until, Scope scope) {
    return Scoped.query(
            getEntityManager(),
            Term.class,
            "select t from Term t",
            "t.current = true and t.endDate <= :until",
            visible(scope),
            "order by t.endDate, t.id",
            Scoped.params("until", until))
        .getResultList();
  }
}
