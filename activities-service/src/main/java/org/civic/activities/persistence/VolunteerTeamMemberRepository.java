package org.civic.activities.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.civic.activities.domain.*;

@ApplicationScoped
public class VolunteerTeamMemberRepository
    implements PanacheRepositoryBase<VolunteerTeamMember, VolunteerTeamMember.Key> {

  public List<VolunteerTeamMember> of(UUID teamId) {
    return list("teamId", Sort.by("memberName").and("memberId"), teamId);
  }
}
