package org.civic.activities.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.civic.activities.domain.KnownBuilding;
import org.civic.activities.persistence.KnownBuildingRepository;
import org.civic.activities.service.LocalViewService;
import org.civic.eventing.PoisonEventException;
import org.civic.eventing.inbox.BatchHandler;
import org.civic.eventing.inbox.EventInbox;
import org.civic.eventing.inbox.IncomingEvent;
import org.civic.web.security.StoredCommunityDirectory;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps this service's view of branches-service current from branches.events. */
@ApplicationScoped
public class BranchesEventsConsumer implements BatchHandler {
  private final EventInbox inbox;
  private final KnownBuildingRepository buildings;
  private final LocalViewService view;
  private final StoredCommunityDirectory directory;

  BranchesEventsConsumer(
      EventInbox inbox,
      KnownBuildingRepository buildings,
      LocalViewService view,
      StoredCommunityDirectory directory) {
    this.inbox = inbox;
    this.buildings = buildings;
    this.view = view;
    this.directory = directory;
  }

  /** Payload of BranchEstablished / BranchCoverageChanged / BranchDissolved (the fields used). */
  public record BranchPayload(
      UUID branchId, UUID communityId, String name, String kind, List<UUID> buildingIds) {}

  /**
   * Payload of BuildingRegistered, as far as this service needs it. {@code orgPath}: the org units
   * from the street down to the community (absent from older producers).
   */
  public record BuildingRegistered(
      UUID buildingId,
      UUID communityId,
      String name,
      int units,
      String address,
      List<UUID> orgPath) {}

  @Incoming("branches-events")
  @Blocking
  public void consume(ConsumerRecords<String, String> records) {
    inbox.processBatch(records, this);
  }

  /**
   * The roster assignments (locked) and open roster history of the batch's RosterChanged members,
   * one query each (ADR 0008). The key is the member id; an event whose key is not a UUID is left
   * to {@link #handle}. Buildings and branches are few and read per event.
   */
  @Override
  public void prefetch(List<IncomingEvent> events) {
    Set<UUID> members = new LinkedHashSet<>();
    for (IncomingEvent event : events) {
      if ("RosterChanged".equals(event.type())) {
        try {
          members.add(UUID.fromString(event.aggregateId()));
        } catch (IllegalArgumentException e) {
          // handle() reads this event's member on its own
        }
      }
    }
    view.prefetchRosters(members);
  }

  @Override
  public void handle(IncomingEvent event) {
    apply(event);
  }

  void apply(IncomingEvent event) {
    switch (event.type()) {
      case "BuildingRegistered" -> buildingRegistered(event);
      case "BranchEstablished", "BranchCoverageChanged", "BranchDissolved" -> branch(event);
      case "RosterChanged" ->
          view.applyRoster(
              event.data(LocalViewService.RosterChange.class),
              event.aggregateVersion(),
              event.envelope().occurredAt());
      default -> {
        // Event types this service does not need are skipped (the contract evolves additively).
      }
    }
  }

  private void branch(IncomingEvent event) {
    BranchPayload b = event.data(BranchPayload.class);
    view.applyBranch(
        b.branchId(),
        b.communityId(),
        b.name(),
        b.kind(),
        b.buildingIds(),
        "BranchDissolved".equals(event.type()),
        event.aggregateVersion());
  }

  private void buildingRegistered(IncomingEvent event) {
    BuildingRegistered data = event.data(BuildingRegistered.class);
    if (data.buildingId() == null || data.communityId() == null) {
      throw new PoisonEventException("BuildingRegistered without buildingId or communityId");
    }
    // Which street the community lies in: the callers' scopes are resolved from it. Idempotent,
    // in the inbox's transaction with the rest.
    directory.record(data.communityId(), data.orgPath());
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
}
