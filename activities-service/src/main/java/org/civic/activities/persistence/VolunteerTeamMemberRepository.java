package org.civic.activities.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic.activities.domain.*;
import org.civic.web.security.Scope;

@ApplicationScoped
public class VolunteerTeamMemberRepository
    implements PanacheRepositoryBase<VolunteerTeamMember, VolunteerTeamMember.Key> {

  public static Scope.Clause visibleTo(Scope scope) {
    return scope.clause("communityId", "branchId", "memberId", null);
  }

  /** All members of a team (for writes and candidate suggestions). */
  public List<VolunteerTeamMember> of(UUID teamId) {
    return list("teamId", Sort.by("memberName").and("memberId"), teamId);
  }

  /** The members of a team the caller may see. */
  public List<VolunteerTeamMember> of(UUID teamId, Scope scope) {
    Scope.Clause c = visibleTo(scope);
    return list(
        Scoped.where("teamId = :team", c),
        Sort.by("memberName").and("memberId"),
        Scoped.params(Map.of("team", teamId), c));
  }
}
