package org.civic.members.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.sql.PreparedStatement;
import java.util.ArrayList;
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
import org.civic.web.security.Scope;
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
   * The household at one address, creating it if missing (a registration or relocation). Two
   * statements whatever the building holds: the insert ({@code on conflict do nothing}, safe under
   * concurrency as in {@link #ensure(Collection, Map)}) and the look-up by the unique address. The
   * batch variant's {@code buildingId in (...)} loaded every household of the building into the
   * session (flushed and dirty-checked with the member) and Hibernate translated its list parameter
   * again on every call: 40 % of a registration's CPU.
   */
  public Household ensure(Address address, UUID communityId) {
    getEntityManager()
        .unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement insert = connection.prepareStatement(INSERT_IF_MISSING)) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, communityId);
                insert.setObject(3, address.buildingId());
                insert.setString(4, address.unit());
                insert.setString(5, address.room());
                insert.executeUpdate();
              }
            });
    return at(address).orElseThrow();
  }

  private static final String INSERT_IF_MISSING =
      "insert into household (id, community_id, building_id, unit, room)"
          + " values (?, ?, ?, ?, ?) on conflict (building_id, unit, room) do nothing";

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
              try (PreparedStatement insert = connection.prepareStatement(INSERT_IF_MISSING)) {
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

  /** One page of the households within the caller's scope, by building, unit, room, id. */
  public List<Household> page(UUID communityId, UUID buildingId, Scope scope, PageRequest page) {
    Map<String, Object> params = new HashMap<>();
    String where = where(communityId, buildingId, scope, params);
    TypedQuery<Household> q =
        getEntityManager()
            .createQuery(
                "select h from Household h"
                    + where
                    + " order by h.buildingId, h.unit, h.room, h.id",
                Household.class);
    params.forEach(q::setParameter);
    return q.setFirstResult(page.offset()).setMaxResults(page.size).getResultList();
  }

  /** How many households are within the caller's scope (and the filters). */
  public long count(UUID communityId, UUID buildingId, Scope scope) {
    Map<String, Object> params = new HashMap<>();
    String where = where(communityId, buildingId, scope, params);
    TypedQuery<Long> q =
        getEntityManager().createQuery("select count(h) from Household h" + where, Long.class);
    params.forEach(q::setParameter);
    return q.getSingleResult();
  }

  /** The household if the scope includes it. */
  public Optional<Household> findVisible(UUID id, Scope scope) {
    Scope.Clause clause = ScopeClauses.households(scope, "h");
    TypedQuery<Household> q =
        getEntityManager()
            .createQuery(
                "select h from Household h where h.id = :id and " + clause.condition(),
                Household.class)
            .setParameter("id", id);
    clause.parameters().forEach(q::setParameter);
    return q.getResultStream().findFirst();
  }

  private static String where(
      UUID communityId, UUID buildingId, Scope scope, Map<String, Object> params) {
    List<String> clauses = new ArrayList<>();
    Scope.Clause visible = ScopeClauses.households(scope, "h");
    clauses.add(visible.condition());
    params.putAll(visible.parameters());
    if (communityId != null) {
      clauses.add("h.communityId = :community");
      params.put("community", communityId);
    }
    if (buildingId != null) {
      clauses.add("h.buildingId = :building");
      params.put("building", buildingId);
    }
    return " where " + String.join(" and ", clauses);
  }
}
