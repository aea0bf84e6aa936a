package org.civic.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A bulk import into a building covered by a branch, then every service agrees: branches-service
 * applied each MemberRegistered (resident counts, rosters), activities- and members-service each
 * RosterChanged. Prints how long that took and each consumer's rate (rows: {@code
 * -Dit.import.rows}, 2,000 by default; the performance target is 10,000 agreed within 30 s,
 * bench/run.sh).
 */
class BulkImportIT {
  static final int ROWS = Integer.getInteger("it.import.rows", 2000);

  @Test
  void afterABulkImportEveryServiceAgrees() {
    SystemUnderTest system = SystemUnderTest.get();
    String community = Fixtures.community(system);
    String building = Fixtures.building(system, community, "导入楼");
    Fixtures.awaitKnownIn(system, "members-service", building);
    for (int i = 1; i <= 3; i++) {
      Fixtures.member(system, building, "1", "10" + i, "导" + i);
    }
    Fixtures.awaitFullMembers(system, building, 3);
    Fixtures.branch(system, community, "导入楼党支部", building);
    Instant since = Instant.now();

    StringBuilder csv =
        new StringBuilder(
            "name,gender,birthDate,standing,joinedOn,fullMemberOn,category,membershipHeld,"
                + "specialties,buildingId,unit,room\n");
    for (int i = 0; i < ROWS; i++) {
      csv.append("导入")
          .append(i)
          .append(",FEMALE,1950-05-01,FULL,1975-07-01,1976-07-01,RETIRED,COMMUNITY,,")
          .append(building)
          .append(",2,")
          .append(1000 + i)
          .append('\n');
    }
    Map<String, Long> branchesScans = scansByTable(system, "branches-service");
    Map<String, Long> activitiesScans = scansByTable(system, "activities-service");
    long[] branchesBefore = tableStats(system, "branches-service");
    long[] activitiesBefore = tableStats(system, "activities-service");
    Duration branchesCpu = system.cpu("branches-service");
    Duration activitiesCpu = system.cpu("activities-service");
    long start = System.nanoTime();
    int imported =
        given()
            .baseUri(system.url("members-service"))
            .contentType("text/csv")
            .body(csv.toString().getBytes(StandardCharsets.UTF_8))
            .post("/api/v1/members/import")
            .then()
            .statusCode(200)
            .extract()
            .path("imported");
    long answered = System.nanoTime();
    assertThat(imported).isEqualTo(ROWS);

    Set<String> registered = eventIds(system, "members-service", "MemberRegistered", since, ROWS);
    Wait.until(
        "branches-service applied every MemberRegistered",
        Duration.ofMinutes(10),
        () -> applied(system, "branches-service", registered, since) == ROWS);
    Set<String> joined = eventIds(system, "branches-service", "RosterChanged", since, ROWS);
    Wait.until(
        "activities- and members-service applied every RosterChanged",
        Duration.ofMinutes(10),
        () ->
            applied(system, "activities-service", joined, since) == ROWS
                && applied(system, "members-service", joined, since) == ROWS);
    long agreed = System.nanoTime();

    System.out.printf(
        "bulk import of %d: request %d ms, all three services agree %d ms after it answered;"
            + " events/s: branches %s, activities %s, members %s%n",
        ROWS,
        (answered - start) / 1_000_000,
        (agreed - answered) / 1_000_000,
        rate(system, "branches-service", registered, since),
        rate(system, "activities-service", joined, since),
        rate(system, "members-service", joined, since));
    // Work per consumed event, independent of the machine's load: PostgreSQL's table counters
    // (flushed by the backends at most once a second, hence the pause) and the services' CPU.
    SystemUnderTest.sleep(1500);
    System.out.printf(
        "per event: branches-service %s, %.2f ms CPU; activities-service %s, %.2f ms CPU%n",
        perEvent(branchesBefore, tableStats(system, "branches-service"), ROWS),
        (system.cpu("branches-service").minus(branchesCpu).toNanos() / 1e6) / ROWS,
        perEvent(activitiesBefore, tableStats(system, "activities-service"), 2 * ROWS),
        (system.cpu("activities-service").minus(activitiesCpu).toNanos() / 1e6) / (2 * ROWS));
    System.out.printf(
        "scans per event by table: branches-service %s; activities-service %s%n",
        perTable(branchesScans, scansByTable(system, "branches-service"), ROWS),
        perTable(activitiesScans, scansByTable(system, "activities-service"), 2 * ROWS));
  }

  /** "table seq/idx" scans so far, per table of the service's database. */
  static Map<String, Long> scansByTable(SystemUnderTest system, String service) {
    Map<String, Long> scans = new TreeMap<>();
    try (Connection c = system.db(service);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select relname, coalesce(seq_scan, 0), coalesce(idx_scan, 0)"
                    + " from pg_stat_user_tables")) {
      while (rs.next()) {
        scans.put(rs.getString(1) + " seq", rs.getLong(2));
        scans.put(rs.getString(1) + " idx", rs.getLong(3));
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return scans;
  }

  static String perTable(Map<String, Long> before, Map<String, Long> after, int events) {
    StringBuilder out = new StringBuilder();
    after.forEach(
        (scan, count) -> {
          double perEvent = (count - before.getOrDefault(scan, 0L)) / (double) events;
          if (perEvent >= 0.05) {
            out.append(out.length() == 0 ? "" : ", ")
                .append(String.format("%s %.2f", scan, perEvent));
          }
        });
    return out.toString();
  }

  /** Index scans, sequential scans, rows inserted, rows updated, commits of the service's db. */
  static long[] tableStats(SystemUnderTest system, String service) {
    try (Connection c = system.db(service);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select coalesce(sum(idx_scan), 0), coalesce(sum(seq_scan), 0),"
                    + " coalesce(sum(n_tup_ins), 0), coalesce(sum(n_tup_upd), 0),"
                    + " (select xact_commit from pg_stat_database where datname = current_database())"
                    + " from pg_stat_user_tables")) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)};
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String perEvent(long[] before, long[] after, int events) {
    String[] names = {"index scans", "seq scans", "rows inserted", "rows updated", "commits"};
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < names.length; i++) {
      out.append(i == 0 ? "" : ", ")
          .append(String.format("%.2f %s", (after[i] - before[i]) / (double) events, names[i]));
    }
    return out.toString();
  }

  /** The ids of the {@code count} events of {@code type} the service wrote since {@code since}. */
  static Set<String> eventIds(
      SystemUnderTest system, String service, String type, Instant since, int count) {
    Set<String> ids = new HashSet<>();
    Wait.until(
        service + " wrote " + count + " " + type,
        Duration.ofMinutes(10),
        () -> {
          ids.clear();
          ids.addAll(
              strings(
                  system,
                  service,
                  "select event_id::text from eventing_outbox where event_type = '"
                      + type
                      + "' and created_at >= "
                      + sql(since)));
          return ids.size() >= count;
        });
    return ids;
  }

  static long applied(SystemUnderTest system, String consumer, Set<String> ids, Instant since) {
    return times(system, consumer, ids, since).size();
  }

  /** Events applied per second, first to last processed_at (one value per batch transaction). */
  static String rate(SystemUnderTest system, String consumer, Set<String> ids, Instant since) {
    List<Instant> at = times(system, consumer, ids, since);
    at.sort(null);
    long millis = Duration.between(at.get(0), at.get(at.size() - 1)).toMillis();
    long transactions = at.stream().distinct().count();
    return (millis == 0 ? "n/a" : Long.toString(at.size() * 1000L / millis))
        + " ("
        + transactions
        + " transactions)";
  }

  static List<Instant> times(
      SystemUnderTest system, String consumer, Set<String> ids, Instant since) {
    List<Instant> at = new ArrayList<>();
    try (Connection c = system.db(consumer);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select event_id::text, processed_at from eventing_inbox where processed_at >= "
                    + sql(since))) {
      while (rs.next()) {
        if (ids.contains(rs.getString(1))) {
          at.add(rs.getTimestamp(2).toInstant());
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return at;
  }

  static String sql(Instant at) {
    return "to_timestamp(" + at.toEpochMilli() + " / 1000.0)";
  }

  static List<String> strings(SystemUnderTest system, String service, String sql) {
    List<String> values = new ArrayList<>();
    try (Connection c = system.db(service);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return values;
  }
}
