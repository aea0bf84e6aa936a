package org.civic.members.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.civic.members.domain.Address;
import org.civic.members.domain.Household;
import org.civic.web.paging.PageRequest;
import org.hibernate.Session;

@ApplicationScoped
public class HouseholdRepository implements PanacheRepositoryBase<Household, UUID> {

  public Optional<Household> at(Address address) {
    return find(
            "buildingId = ?1 and unit = ?2 and room = ?3",
            address.buildingId(),
            address.unit(),
            address.room())
        .firstResultOptional();
  }

  /**
   * The households at the given addresses, creating the missing ones. Safe under concurrency: the
   * unique address constraint plus {@code on conflict do nothing} means two requests creating the
   * same household both end up with the one row. One JDBC batch, so an import of thousands of
   * addresses is one round trip.
   *
   * @param communityOfBuilding the community of every building named in the addresses
   */
  public Map<Address, Household> ensure(
      Collection<Address> addresses, Map<UUID, UUID> communityOfBuilding) {
    Set<Address> wanted = Set.copyOf(addresses);
    if (wanted.isEmpty()) {
      return Map.of();
    }
    getEntityManager()
        .unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement insert =
                  connection.prepareStatement(
                      "insert into household (id, community_id, building_id, unit, room)"
                          + " values (?, ?, ?, ?, ?) on conflict (building_id, unit, room)"
                          + " do nothing")) {
                for (Address a : wanted) {
                  insert.setObject(1, UUID.randomUUID());
                  insert.setObject(2, communityOfBuilding.get(a.buildingId()));
                  insert.setObject(3, a.buildingId());
                  insert.setString(4, a.unit());
                  insert.setString(5, a.room());
                  insert.addBatch();
                }
                insert.executeBatch();
              }
            });
    Set<UUID> buildings = wanted.stream().map(Address::buildingId).collect(Collectors.toSet());
    Map<Address, Household> out = new HashMap<>();
    for (Household h : list("buildingId in ?1", buildings)) {
      if (wanted.contains(h.address())) {
        out.put(h.address(), h);
      }
    }
    return out;
  }

  public List<Household> page(UUID communityId, UUID buildingId, PageRequest page) {
    return find(
            where(communityId, buildingId),
            Sort.by("buildingId").and("unit").and("room").and("id"),
            params(communityId, buildingId))
        .page(page.page, page.size)
        .list();
  }

  public long count(UUID communityId, UUID buildingId) {
    return count(where(communityId, buildingId), params(communityId, buildingId));
  }

  private static String where(UUID communityId, UUID buildingId) {
    if (communityId != null && buildingId != null) {
      return "communityId = :community and buildingId = :building";
    }
    if (communityId != null) {
      return "communityId = :community";
    }
    if (buildingId != null) {
      return "buildingId = :building";
    }
    return "1 = 1";
  }

  private static Map<String, Object> params(UUID communityId, UUID buildingId) {
    Map<String, Object> p = new HashMap<>();
    if (communityId != null) {
      p.put("community", communityId);
    }
    if (buildingId != null) {
      p.put("building", buildingId);
    }
    return p;
  }
}
