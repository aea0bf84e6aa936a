package org.civic.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.civic.bench.State.BranchIds;
import org.civic.bench.State.CommunityIds;

/**
 * The named flow, end to end: POST relocation (members-service) → the member left the old branch's
 * roster and joined the new one (branches-service) → the new household's visit duty is with the new
 * branch (activities-service). One move at a time; the clock stops when both changes are committed,
 * seen by polling each service's database every {@link #POLL_MILLIS} ms with one indexed read (a
 * REST poll of a roster and a visit plan costs milliseconds of the same two cores the events need,
 * and roughly doubled the hops: bench/README). Each move is then confirmed once through the REST
 * API, untimed: the roster and the visit plan must show it.
 *
 * <p>The measured moves follow {@code warmUp} moves of the same kind, timed and reported apart: the
 * code paths of a move (the relocation endpoint, branches-service's MemberRelocated, activities-
 * service's RosterChanged) run nowhere else in the harness, and on 2 cores the JIT needs a minute
 * or more of a path to compile it (the reads are warmed the same way).
 */
final class RelocationFlow {
  static final int POLL_MILLIS = 2;

  private final Bench.Context ctx;
  private final Http http;
  private final State state;

  RelocationFlow(Bench.Context ctx, Http http, State state) {
    this.ctx = ctx;
    this.http = http;
    this.state = state;
  }

  private record Move(String member, BranchIds from, BranchIds to, String building, String room) {}

  Map<String, Object> run(int count, int warmUp) {
    List<Move> moves = plan(warmUp + count);
    String month = YearMonth.now(Loader.ZONE).toString();
    List<Double> warmUpTotal = new ArrayList<>();
    List<Double> total = new ArrayList<>();
    List<Double> request = new ArrayList<>();
    List<Double> rosters = new ArrayList<>();
    List<Double> plans = new ArrayList<>();
    long started = System.nanoTime();
    long measuredFrom = started;
    int i = 0;
    try (Connection branches = database("branches");
        Connection activities = database("activities");
        PreparedStatement rosterEntry =
            branches.prepareStatement("select branch_id from roster_entry where member_id = ?");
        PreparedStatement visitDuty =
            activities.prepareStatement(
                "select household_id from roster_history"
                    + " where member_id = ? and branch_id = ? and to_time is null")) {
      for (Move m : moves) {
        long t0 = System.nanoTime();
        JsonNode member =
            http.postOnThisThread(
                http.members.resolve("/api/v1/members/" + m.member() + "/relocation"),
                Http.object()
                    .put("buildingId", m.building())
                    .put("unit", "1")
                    .put("room", m.room()));
        long t1 = System.nanoTime();
        String household = member.path("householdId").asText();
        double rosterAt = -1;
        double planAt = -1;
        long deadline = t0 + 120_000_000_000L;
        while (rosterAt < 0 || planAt < 0) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException(
                "move " + i + " of member " + m.member() + " not committed after 120 s");
          }
          // One row holds the member's branch: the new branch means left the old and joined.
          if (rosterAt < 0 && m.to().id.equals(first(rosterEntry, m.member()))) {
            rosterAt = (System.nanoTime() - t0) / 1e6;
          }
          if (planAt < 0 && household.equals(first(visitDuty, m.member(), m.to().id))) {
            planAt = (System.nanoTime() - t0) / 1e6;
          }
          if (rosterAt < 0 || planAt < 0) {
            sleep(POLL_MILLIS);
          }
        }
        if (i < warmUp) {
          warmUpTotal.add(Math.max(rosterAt, planAt));
        } else {
          total.add(Math.max(rosterAt, planAt));
          request.add((t1 - t0) / 1e6);
          rosters.add(rosterAt);
          plans.add(planAt);
        }
        confirm(m, household, month);
        if (++i % 100 == 0) {
          ctx.say("  %d relocations done (%d of them warm-up)", i, Math.min(i, warmUp));
        }
        if (i == warmUp) {
          measuredFrom = System.nanoTime();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the services' databases failed", e);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("relocations", count);
    result.put("seconds", Stats.round((System.nanoTime() - measuredFrom) / 1e9));
    result.put("warmUpRelocations", warmUp);
    result.put("warmUpSeconds", Stats.round((measuredFrom - started) / 1e9));
    if (warmUp > 0) {
      result.put("warmUpEndToEnd", Stats.of(warmUpTotal));
    }
    result.put("pollMillis", POLL_MILLIS);
    result.put("endToEnd", Stats.of(total));
    result.put("relocationRequest", Stats.of(request));
    result.put("bothRosters", Stats.of(rosters));
    result.put("visitPlan", Stats.of(plans));
    return result;
  }

  /** What a client sees once the move is committed: the rosters and the plan show it. */
  private void confirm(Move m, String household, String month) {
    if (!onRoster(m.to(), m.member()) || onRoster(m.from(), m.member())) {
      throw new IllegalStateException("rosters do not show the move of member " + m.member());
    }
    if (!inPlan(m.to(), household, month)) {
      throw new IllegalStateException("visit plan does not show household " + household);
    }
  }

  private static Connection database(String name) throws SQLException {
    String url = System.getProperty("bench.jdbc", "jdbc:postgresql://localhost:15432/") + name;
    return DriverManager.getConnection(url, "postgres", "postgres");
  }

  private static String first(PreparedStatement query, String... uuids) throws SQLException {
    for (int p = 0; p < uuids.length; p++) {
      query.setObject(p + 1, UUID.fromString(uuids[p]));
    }
    try (ResultSet rs = query.executeQuery()) {
      return rs.next() && rs.getObject(1) != null ? rs.getObject(1).toString() : null;
    }
  }

  /** Members spread over the communities, each moved once to another branch of its community. */
  private List<Move> plan(int count) {
    Random random = new Random(DataSet.SEED + 11);
    List<CommunityIds> communities =
        state.communities.stream().filter(c -> c.branches.size() >= 2).toList();
    Set<String> moved = new HashSet<>();
    List<Move> moves = new ArrayList<>();
    for (int i = 0; moves.size() < count; i++) {
      if (i > count * 50) {
        throw new IllegalStateException("not enough members to move " + count + " times");
      }
      CommunityIds c = communities.get(i % communities.size());
      BranchIds from = c.branches.get(random.nextInt(c.branches.size()));
      if (from.roster.isEmpty()) {
        continue;
      }
      String member = from.roster.get(random.nextInt(from.roster.size())).memberId;
      if (!moved.add(member)) {
        continue;
      }
      BranchIds to;
      do {
        to = c.branches.get(random.nextInt(c.branches.size()));
      } while (to == from);
      String building = c.buildings.get(to.buildings.get(0));
      moves.add(new Move(member, from, to, building, Integer.toString(9000 + moves.size())));
    }
    return moves;
  }

  /**
   * Every page of the roster: after the write scenarios' registrations a branch holds more than one
   * page of 200 (a first page only made a 75 s registration warm-up fail the check).
   */
  private boolean onRoster(BranchIds branch, String member) {
    int pages = 1;
    for (int page = 0; page < pages; page++) {
      URI uri =
          http.branches.resolve("/api/v1/branches/" + branch.id + "/roster?size=200&page=" + page);
      JsonNode roster = http.get(uri);
      for (JsonNode m : roster.path("items")) {
        if (member.equals(m.path("memberId").asText())) {
          return true;
        }
      }
      pages = roster.path("totalPages").asInt(1);
    }
    return false;
  }

  private boolean inPlan(BranchIds branch, String household, String month) {
    URI uri =
        http.activities.resolve("/api/v1/branches/" + branch.id + "/visit-plan?month=" + month);
    for (JsonNode h : http.get(uri).path("households")) {
      if (household.equals(h.path("householdId").asText())) {
        return true;
      }
    }
    return false;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
