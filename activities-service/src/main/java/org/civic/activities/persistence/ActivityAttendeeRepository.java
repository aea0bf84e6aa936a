package org.civic.activities.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic.activities.domain.*;
import org.civic.web.persistence.InListChunks;
import org.civic.web.security.Scope;

@ApplicationScoped
public class ActivityAttendeeRepository
    implements PanacheRepositoryBase<ActivityAttendee, ActivityAttendee.Key> {

  public static Scope.Clause visibleTo(Scope scope) {
    return scope.clause("communityId", "branchId", "memberId", null);
  }

  /** All expected attendees of an activity (for writes and the ActivityHeld counts). */
  public List<ActivityAttendee> of(UUID activityId) {
    return list("activityId", Sort.by("memberName").and("memberId"), activityId);
  }

  /** The expected attendees of an activity the caller may see. */
  public List<ActivityAttendee> of(UUID activityId, Scope scope) {
    Scope.Clause c = visibleTo(scope);
    return list(
        Scoped.where("activityId = :activity", c),
        Sort.by("memberName").and("memberId"),
        Scoped.params(Map.of("activity", activityId), c));
  }

  /**
   * The expected attendees of these activities the caller may see, by name within an activity (a
   * ledger spans up to five years of activities: queried in chunks).
   */
  public List<ActivityAttendee> ofActivities(Collection<UUID> activityIds, Scope scope) {
    Scope.Clause c = visibleTo(scope);
    return InListChunks.list(
        "activityId",
        "activity",
        activityIds,
        in ->
            list(
                Scoped.where(in.condition(), c),
                Sort.by("activityId").and("memberName").and("memberId"),
                Scoped.params(in.parameters(), c)));
  }
}
