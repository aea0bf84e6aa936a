package org.civic.activities.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.civic.activities.domain.*;
import org.civic.web.persistence.HqlCount;
import org.civic.web.security.Scope;

@ApplicationScoped
public class VolunteerTeamRepository implements PanacheRepositoryBase<VolunteerTeam, UUID> {

  /** Staff: teams of their communities or branch; a member: teams they are or were serving in. */
  public static Scope.Clause visibleTo(Scope scope) {
    if (scope instanceof Scope.Self self) {
      return Scoped.self(
          self,
          "(id in (select m.teamId from VolunteerTeamMember m where m.memberId = :scope_member)"
              + " or id in (select s.teamId from VolunteerService s"
              + " where s.memberId = :scope_member))");
    }
    return scope.clause("communityId", "branchId", null, null);
  }

  /** Whether the branch has a team of this name (not scoped: for the uniqueness rule). */
  public boolean nameTaken(UUID branchId, String name) {
    return HqlCount.any(
        getEntityManager(),
        VolunteerTeam.class,
        "branchId = :branch and name = :name",
        Map.of("branch", branchId, "name", name.trim()));
  }

  public Optional<VolunteerTeam> findVisible(UUID id, Scope scope) {
    return Scoped.byId(this, "id", id, visibleTo(scope));
  }
}
