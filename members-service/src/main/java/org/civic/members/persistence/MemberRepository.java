package org.civic.members.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.civic.members.domain.Member;
import org.civic.members.domain.MemberRules;
import org.civic.members.domain.MemberStatus;
import org.civic.members.domain.StatusChange;
import org.civic.web.persistence.NamedSql;
import org.civic.web.security.Scope;
import org.hibernate.Session;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {
  @Inject AgroalDataSource dataSource;

  /**
   * Writes a new member with its first status-history row and its specialties in one round trip
   * (three statements in one JDBC execute: pgjdbc sends them with one Sync), on the transaction's
   * connection as {@link HouseholdRepository#ensure(org.civic.members.domain.Address, UUID)}.
   * Through Hibernate they were one JDBC batch per table, and its session, insert machinery and
   * flush were ~16 % of a registration's CPU (session 11 in bench/README.md). The member is not
   * attached to a session: a registration only returns it, and nothing in its transaction reads it
   * again. The version is the one Hibernate gives a new entity (0); the status row gets its id
   * here.
   */
  public void insertNew(Member member, StatusChange firstStatus) {
    if (firstStatus.id == null) {
      firstStatus.id = UUID.randomUUID();
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT_NEW)) {
      int i = 0;
      insert.setObject(++i, member.id);
      insert.setString(++i, member.name);
      insert.setString(++i, member.gender.name());
      insert.setObject(++i, member.birthDate);
      insert.setString(++i, member.ethnicity);
      insert.setString(++i, member.phone);
      insert.setString(++i, member.standing.name());
      insert.setObject(++i, member.joinedOn);
      insert.setObject(++i, member.fullMemberOn);
      insert.setString(++i, member.category.name());
      insert.setString(++i, member.membershipHeld.name());
      insert.setString(++i, member.membershipOrganisation);
      insert.setString(++i, member.workUnit);
      insert.setString(++i, member.position);
      insert.setObject(++i, member.communityId);
      insert.setObject(++i, member.buildingId);
      insert.setString(++i, member.unit);
      insert.setString(++i, member.room);
      insert.setObject(++i, member.householdId);
      insert.setObject(++i, member.branchId);
      insert.setLong(++i, member.rosterVersion);
      insert.setString(++i, member.status.name());
      insert.setObject(++i, member.statusSince);
      insert.setObject(++i, member.createdAt);
      insert.setObject(++i, member.updatedAt);
      insert.setLong(++i, member.version);
      insert.setObject(++i, firstStatus.id);
      insert.setObject(++i, firstStatus.memberId);
      insert.setObject(++i, firstStatus.communityId);
      insert.setString(++i, firstStatus.fromStatus == null ? null : firstStatus.fromStatus.name());
      insert.setString(++i, firstStatus.toStatus.name());
      insert.setObject(++i, firstStatus.effectiveDate);
      insert.setString(++i, firstStatus.reason);
      insert.setObject(++i, firstStatus.recordedAt);
      insert.setObject(++i, member.id);
      insert.setArray(++i, connection.createArrayOf("varchar", member.specialties.toArray()));
      insert.execute();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not insert member " + member.id, e);
    }
  }

  static final String INSERT_NEW =
      "insert into member (id, name, gender, birth_date, ethnicity, phone, standing, joined_on,"
          + " full_member_on, category, membership_held, membership_org, work_unit, position,"
          + " community_id, building_id, unit, room, household_id, branch_id, roster_version,"
          + " status, status_since, created_at, updated_at, version)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);"
          + " insert into member_status_history (id, member_id, community_id, from_status,"
          + " to_status, effective_date, reason, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?);"
          + " insert into member_specialty (member_id, tag) select ?, unnest(?::varchar[])";

  /** A page of listed members and the total of the list, or -1 when the page is empty. */
  public record ListedPage(List<ListedMember> items, long total) {}

  /**
   * One page of the members matching the query within the caller's scope, sorted by name then id
   * (stable), with their specialties, as {@link ListedMember}s, and how many members match in all.
   *
   * <p>One statement: the page is chosen in a subquery (filters, scope, order, offset and limit),
   * so only its rows are read in full and their specialties aggregated (choosing the page in the
   * outer query would read every skipped row too). Columns, not entities: loading managed entities
   * and mapping them to views was ~20 % of a list page's CPU. The total is an uncorrelated count in
   * the select list, which PostgreSQL runs once per statement (an InitPlan, an index-only scan for
   * the usual filters): a second statement for it was 13 % of a full page's CPU, its own query and
   * pooled connection. {@code count(*) over ()} would read every matching row in full (session 4).
   * An empty page has no row to carry the total: {@link #count} then.
   *
   * <p>Plain JDBC, as {@link #readVisible}: Hibernate's query machinery (binding, its row reader,
   * type descriptors) was ~10 % of a page's CPU, more than the rows' own reading (session 14).
   */
  public ListedPage page(MemberQuery query, Scope scope, LocalDate today, int offset, int limit) {
    Map<String, Object> params = new HashMap<>();
    String where = where(query, scope, today, "m", params);
    params.put("offset", offset);
    params.put("limit", limit);
    NamedSql sql =
        NamedSql.of(
            "select "
                + ListedMember.COLUMNS
                + ", (select count(*) from member m"
                + where
                + ") from member p where p.id in (select m.id from member m"
                + where
                + " order by m.name, m.id offset :offset rows fetch first :limit rows only)"
                + " order by p.name, p.id",
            params);
    List<ListedMember> page = new ArrayList<>();
    long total =
        read(
            sql,
            result -> {
              long count = -1;
              while (result.next()) {
                page.add(ListedMember.fromResultSet(result));
                count = result.getLong(ListedMember.COLUMN_COUNT + 1);
              }
              return count;
            });
    return new ListedPage(page, total);
  }

  /**
   * Every member matching the query within the caller's scope, sorted by name then id, with their
   * specialties (the export, which writes them through the sheet layout). One statement, as {@link
   * #page}.
   */
  public List<ListedMember> all(MemberQuery query, Scope scope, LocalDate today) {
    Map<String, Object> params = new HashMap<>();
    String where = where(query, scope, today, "p", params);
    NamedSql sql =
        NamedSql.of(
            "select " + ListedMember.COLUMNS + " from member p" + where + " order by p.name, p.id",
            params);
    return read(
        sql,
        result -> {
          List<ListedMember> members = new ArrayList<>();
          while (result.next()) {
            members.add(ListedMember.fromResultSet(result));
          }
          return members;
        });
  }

  /** How many members match the query within the caller's scope. */
  public long count(MemberQuery query, Scope scope, LocalDate today) {
    Map<String, Object> params = new HashMap<>();
    String where = where(query, scope, today, "m", params);
    return read(
        NamedSql.of("select count(*) from member m" + where, params),
        result -> result.next() ? result.getLong(1) : 0);
  }

  private interface Rows<T> {
    T read(ResultSet result) throws SQLException;
  }

  /**
   * Runs a read on the transaction's connection, or a pooled one outside a transaction (Agroal
   * hands a JTA transaction the connection it has enlisted, ADR 0013). Nothing is flushed first:
   * these reads serve requests that have written nothing.
   */
  private <T> T read(NamedSql sql, Rows<T> rows) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql.sql())) {
      sql.bind(statement, 1);
      try (ResultSet result = statement.executeQuery()) {
        return rows.read(result);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read members", e);
    }
  }

  /** The member if the scope includes it (a MEMBER: themself and their household). */
  public Optional<Member> findVisible(UUID id, Scope scope) {
    return read(id, true)
        .filter(m -> scope.permits(m.communityId, m.branchId, m.id, m.householdId));
  }

  // A constant: the read by id is the hottest path, and its text never varies.
  private static final String BY_ID =
      "select " + ListedMember.COLUMNS + " from member p where p.id = ?";

  /**
   * As {@link #findVisible}, for a member that is only shown: its columns as a list shows them (one
   * statement with the specialties aggregated, no entity built, see {@link #page}), the scope
   * checked on the row as in {@link #read(UUID, boolean)}.
   *
   * <p>Plain JDBC, not a Hibernate query: for one row by primary key Hibernate's query machinery
   * (the query's plan, binding, the row reader) was ~10 % of a member read's CPU, more than the
   * statement itself (session 8 in bench/README.md); the pool's connection instead of a Hibernate
   * session's saves opening the session (session 14). Nothing is flushed first, so this is for
   * reads outside a write's transaction (the GET of a member).
   */
  public Optional<ListedMember> readVisible(UUID id, Scope scope) {
    ListedMember row =
        read(
            new NamedSql(BY_ID, List.of(id)),
            result -> result.next() ? ListedMember.fromResultSet(result) : null);
    return Optional.ofNullable(row)
        .filter(m -> scope.permits(m.communityId(), m.branchId(), m.id(), m.householdId()));
  }

  /** The member if the scope includes their own records (a MEMBER: only themself). */
  public Optional<Member> findOwnRecords(UUID id, Scope scope) {
    return read(id, false).filter(m -> scope.permits(m.communityId, m.branchId, m.id, null));
  }

  /** The member's household, or null for an unknown member (no scope: used to build scopes). */
  public UUID householdOf(UUID memberId) {
    return getEntityManager()
        .createQuery("select m.householdId from Member m where m.id = :id", UUID.class)
        .setParameter("id", memberId)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  // One member by primary key, its scope checked in memory with the same rule the list clauses
  // encode (Scope.permits): a street's scope as a WHERE clause binds one parameter per community
  // (32 for the bench's street), which was ~11 % of a read's CPU in the service and more in
  // PostgreSQL. A member outside the scope is read but never returned.
  private Optional<Member> read(UUID id, boolean withSpecialties) {
    String fetch = withSpecialties ? " left join fetch m.specialties" : "";
    return getEntityManager()
        .createQuery("select m from Member m" + fetch + " where m.id = :id", Member.class)
        .setParameter("id", id)
        // A list, not a stream: streaming a fetch join scrolls with look-ahead (11 % of a read).
        .getResultList()
        .stream()
        .findFirst();
  }

  /**
   * Applies a RosterChanged event without touching the member's version (roster membership is
   * another service's fact, not an edit of the record): JOINED sets the branch; LEFT clears it if
   * it names the same branch. Events not newer than the last applied are ignored.
   *
   * @return whether the member existed and the event was newer
   */
  public boolean applyRoster(UUID memberId, UUID branchId, boolean joined, long rosterVersion) {
    String sql =
        joined
            ? "update member set branch_id = :branch, roster_version = :v"
                + " where id = :id and roster_version < :v"
            : "update member set branch_id = case when branch_id = :branch then null else"
                + " branch_id end, roster_version = :v where id = :id and roster_version < :v";
    return getEntityManager()
            .createNativeQuery(sql)
            .setParameter("branch", branchId)
            .setParameter("v", rosterVersion)
            .setParameter("id", memberId)
            .executeUpdate()
        > 0;
  }

  /** A RosterChanged to apply with {@link #applyRosters}. */
  public record RosterUpdate(UUID memberId, UUID branchId, boolean joined, long rosterVersion) {}

  private static final String APPLY_ROSTER =
      "update member set branch_id = case when ? then ? when branch_id = ? then null"
          + " else branch_id end, roster_version = ? where id = ? and roster_version < ?";

  /**
   * {@link #applyRoster} for a consumer batch's events, as one JDBC batch (one round trip), applied
   * in list order: a member's LEFT and JOINED of one batch keep their order, and each is still
   * ignored unless newer than the last applied.
   */
  public void applyRosters(List<RosterUpdate> updates) {
    if (updates.isEmpty()) {
      return;
    }
    getEntityManager()
        .unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement update = connection.prepareStatement(APPLY_ROSTER)) {
                for (RosterUpdate u : updates) {
                  update.setBoolean(1, u.joined());
                  update.setObject(2, u.branchId());
                  update.setObject(3, u.branchId());
                  update.setLong(4, u.rosterVersion());
                  update.setObject(5, u.memberId());
                  update.setLong(6, u.rosterVersion());
                  update.addBatch();
                }
                update.executeBatch();
              }
            });
  }

  /**
   * The query's conditions and the scope's in SQL, for the member table under the alias {@code m}.
   */
  private static String where(
      MemberQuery query, Scope scope, LocalDate today, String m, Map<String, Object> params) {
    List<String> clauses = new ArrayList<>();
    Scope.Clause visible = ScopeClauses.memberRows(scope.within(query.communityId()), m);
    clauses.add(visible.condition());
    params.putAll(visible.parameters());
    if (query.communityId() != null) {
      clauses.add(m + ".community_id = :community");
      params.put("community", query.communityId());
    }
    if (query.buildingId() != null) {
      clauses.add(m + ".building_id = :building");
      params.put("building", query.buildingId());
    }
    if (query.householdId() != null) {
      clauses.add(m + ".household_id = :household");
      params.put("household", query.householdId());
    }
    if (query.branchId() != null) {
      clauses.add(m + ".branch_id = :branch");
      params.put("branch", query.branchId());
    }
    if (query.category() != null) {
      clauses.add(m + ".category = :category");
      params.put("category", query.category());
    }
    if (query.standing() != null) {
      clauses.add(m + ".standing = :standing");
      params.put("standing", query.standing());
    }
    if (query.status() != null) {
      clauses.add(m + ".status = :status");
      params.put("status", query.status());
    }
    if (query.specialty() != null && !query.specialty().isBlank()) {
      clauses.add(
          "exists (select 1 from member_specialty s where s.member_id = "
              + m
              + ".id and s.tag = :tag)");
      params.put("tag", query.specialty().trim().toLowerCase(Locale.ROOT));
    }
    if (query.minAge() != null) {
      clauses.add(m + ".birth_date <= :bornOnOrBefore");
      params.put("bornOnOrBefore", MemberRules.bornOnOrBefore(query.minAge(), today));
    }
    if (query.maxAge() != null) {
      clauses.add(m + ".birth_date > :bornAfter");
      params.put("bornAfter", MemberRules.bornAfter(query.maxAge(), today));
    }
    if (query.q() != null && !query.q().isBlank()) {
      // ILIKE-like: lower() on both sides, with LIKE wildcards in the text escaped. Works for
      // Chinese names (lower() leaves them unchanged), which is what the register holds.
      clauses.add("lower(" + m + ".name) like :q escape '!'");
      params.put("q", "%" + escapeLike(query.q().trim().toLowerCase(Locale.ROOT)) + "%");
    }
    if (query.lostContactSinceMonths() != null) {
      clauses.add(m + ".status = :lostContact and " + m + ".status_since <= :lostSince");
      params.put("lostContact", MemberStatus.LOST_CONTACT);
      params.put("lostSince", MemberRules.lostContactCutoff(query.lostContactSinceMonths(), today));
    }
    return " where " + String.join(" and ", clauses);
  }

  static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
