package org.civic.members.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civic.eventing.PoisonEventException;
import org.civic.eventing.inbox.EventInbox;
import org.civic.eventing.inbox.IncomingEvent;
import org.civic.members.domain.KnownBuilding;
import org.civic.members.persistence.KnownBuildingRepository;
import org.civic.members.persistence.MemberRepository;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps this service's view of branches-service current from branches.events. */
@ApplicationScoped
public class BranchesEventsConsumer {
  private final EventInbox inbox;
  private final KnownBuildingRepository buildings;
  private final MemberRepository members;

  BranchesEventsConsumer(
      EventInbox inbox, KnownBuildingRepository buildings, MemberRepository members) {
    this.inbox = inbox;
    this.buildings = buildings;
    this.members = members;
  }

  /** Payload of RosterChanged, as far as this service needs it. */
  public record RosterChanged(UUID memberId, UUID branchId, String change, String reason) {}

  /** Payload of BuildingRegistered, as far as this service needs it. */
  public record BuildingRegistered(
      UUID buildingId, UUID communityId, String name, int units, String address) {}

  @Incoming("branches-events")
  @Blocking
  public void consume(ConsumerRecord<String, String> record) {
    inbox.process(record, this::apply);
  }

  void apply(IncomingEvent event) {
    switch (event.type()) {
      case "BuildingRegistered" -> buildingRegistered(event);
      case "RosterChanged" -> rosterChanged(event);
      default -> {
        // Event types this service does not need are skipped (the contract evolves additively).
      }
    }
  }

  private void buildingRegistered(IncomingEvent event) {
    BuildingRegistered data = event.data(BuildingRegistered.class);
    KnownBuilding building = buildings.findById(data.buildingId());
    boolean isNew = building == null;
    if (isNew) {
      building = new KnownBuilding();
    }
    if (building.apply(
        event.aggregateVersion(), data.communityId(), data.name(), data.units(), data.address())) {
      if (isNew) {
        building.id = data.buildingId();
        buildings.persist(building);
      }
    }
  }

  /**
   * Keeps each member's current branch: JOINED sets it, LEFT clears it when it names the current
   * branch. Stale events (aggregateVersion not newer than the last applied) change nothing; a
   * member this service does not hold is skipped.
   */
  private void rosterChanged(IncomingEvent event) {
    RosterChanged data = event.data(RosterChanged.class);
    if (data.memberId() == null || data.branchId() == null || data.change() == null) {
      throw new PoisonEventException("RosterChanged needs memberId, branchId and change");
    }
    boolean joined =
        switch (data.change()) {
          case "JOINED" -> true;
          case "LEFT" -> false;
          default ->
              throw new PoisonEventException("RosterChanged has unknown change " + data.change());
        };
    members.applyRoster(data.memberId(), data.branchId(), joined, event.aggregateVersion());
  }
}
