package org.civic.activities.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.civic.activities.domain.*;

@ApplicationScoped
public class ActivityAttendeeRepository
    implements PanacheRepositoryBase<ActivityAttendee, ActivityAttendee.Key> {

  public List<ActivityAttendee> of(UUID activityId) {
    return list("activityId", Sort.by("memberName").and("memberId"), activityId);
  }

  public List<ActivityAttendee> ofActivities(Collection<UUID> activityIds) {
    return activityIds.isEmpty()
        ? List.of()
        : list(
            "activityId in ?1",
            Sort.by("activityId").and("memberName").and("memberId"),
            activityIds);
  }
}
