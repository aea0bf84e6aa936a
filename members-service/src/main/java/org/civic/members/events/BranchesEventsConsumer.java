package org.civic.members.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.civic.eventing.PoisonEventException;
import org.civic.eventing.inbox.BatchHandler;
import org.civic.eventing.inbox.EventInbox;
import org.civic.eventing.inbox.IncomingEvent;
import org.civic.members.domain.KnownBuilding;
import org.civic.members.persistence.KnownBuildingRepository;
import org.civic.members.persistence.MemberRepository;
import org.civic.members.persistence.MemberRepository.RosterUpdate;
import org.civic.web.security.StoredCommunityDirectory;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps this service's view of branches-service current from branches.events.
 *
 * <p>A batch handler (ADR 0008, ADR 0014) for one reason: a batch's RosterChanged are applied to
 * the members as one JDBC batch after its last event instead of one statement per event. It
 * prefetches nothing; known buildings are written by this consumer alone, so the session may keep
 * them across the batch.
 */
@ApplicationScoped
public class BranchesEventsConsumer implements BatchHandler {
  /** The batch's RosterChanged, kept back until its last event (a resource of its transaction). */
  private static final Object ROSTER_UPDATES =
      BranchesEventsConsumer.class.getName() + ".rosterUpdates";

  private final EventInbox inbox;
  private final KnownBuildingRepository buildings;
  private final MemberRepository members;
  private final StoredCommunityDirectory directory;
  private final TransactionSynchronizationRegistry transactions;

  BranchesEventsConsumer(
      EventInbox inbox,
      KnownBuildingRepository buildings,
      MemberRepository members,
      StoredCommunityDirectory directory,
      TransactionSynchronizationRegistry transactions) {
    this.inbox = inbox;
    this.buildings = buildings;
    this.members = members;
    this.directory = directory;
    this.transactions = transactions;
  }

  /** Payload of RosterChanged, as far as this service needs it. */
  public record RosterChanged(UUID memberId, UUID branchId, String change, String reason) {}

  /**
   * Payload of BuildingRegistered, as far as this service needs it.
   *
   * @param orgPath the org units from the root street down to the community (additive field; may be
   *     missing in older events)
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

  /** Nothing to load; the batch's RosterChanged are kept back from here to {@link #finishBatch}. */
  @Override
  public void prefetch(List<IncomingEvent> events) {
    transactions.putResource(ROSTER_UPDATES, new ArrayList<RosterUpdate>());
  }

  @Override
  public void handle(IncomingEvent event) {
    apply(event);
  }

  @Override
  public void finishBatch() {
    List<RosterUpdate> updates = keptBack();
    if (updates != null) {
      members.applyRosters(updates);
    }
  }

  /** The batch's roster updates so far, or null outside a batch (one event per transaction). */
  @SuppressWarnings("unchecked")
  private List<RosterUpdate> keptBack() {
    return (List<RosterUpdate>) transactions.getResource(ROSTER_UPDATES);
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

  /**
   * Keeps the known building and, in the same transaction, where its community sits in the org tree
   * (so a street administrator's scope covers it; a missing orgPath records only the community).
   */
  private void buildingRegistered(IncomingEvent event) {
    BuildingRegistered data = event.data(BuildingRegistered.class);
    if (data.buildingId() == null || data.communityId() == null) {
      throw new PoisonEventException("BuildingRegistered needs buildingId and communityId");
    }
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
    List<RosterUpdate> batch = keptBack();
    if (batch != null) {
      batch.add(
          new RosterUpdate(data.memberId(), data.branchId(), joined, event.aggregateVersion()));
    } else {
      // One event in its own transaction (the fall-back): at once.
      members.applyRoster(data.memberId(), data.branchId(), joined, event.aggregateVersion());
    }
  }
}
