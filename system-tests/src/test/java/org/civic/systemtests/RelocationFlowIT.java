package org.civic.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The flow the product owner named: a member moves building → the old and new building branches'
 * rosters change → the household's monthly visit duty moves to the new branch.
 *
 * <p>The methods tagged {@value #PROBE} are measurement probes, not tests: they print latencies,
 * hops, statements and CPU per move for bench/README.md and assert next to nothing. They are left
 * out of {@code ./mvnw verify}; run them with {@code ./mvnw -B verify -pl system-tests -am -Dprobes
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false} (the {@code probes} profile of
 * system-tests/pom.xml runs only this tag; {@code -Dtest=none} skips the other modules' unit
 * tests).
 */
class RelocationFlowIT {
  static final String PROBE = "probe";
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static SystemUnderTest system;
  static String community;
  static String buildingA;
  static String buildingB;
  static String branchA;
  static String branchB;

  @BeforeAll
  static void twoBuildingsWithABranchEach() {
    system = SystemUnderTest.get();
    community = Fixtures.community(system);
    buildingA = Fixtures.building(system, community, "A栋");
    buildingB = Fixtures.building(system, community, "B栋");
    Fixtures.awaitKnownIn(system, "members-service", buildingA);
    Fixtures.awaitKnownIn(system, "members-service", buildingB);
    for (int i = 1; i <= 3; i++) {
      Fixtures.member(system, buildingA, "1", "10" + i, "甲" + i);
      Fixtures.member(system, buildingB, "1", "10" + i, "乙" + i);
    }
    Fixtures.awaitFullMembers(system, buildingA, 3);
    Fixtures.awaitFullMembers(system, buildingB, 3);
    branchA = Fixtures.branch(system, community, "A栋党支部", buildingA);
    branchB = Fixtures.branch(system, community, "B栋党支部", buildingB);
  }

  @Test
  void relocationMovesRosterAndVisitDutyToTheNewBranch() {
    String mover = Fixtures.member(system, buildingA, "2", "201", "王秀英");
    Wait.until("the mover is on A's roster", () -> onRoster(branchA, mover));
    String householdInA = household(mover);
    Wait.until("A's visit plan lists the mover's household", () -> inPlan(branchA, householdInA));

    relocate(mover, buildingB, "2", "202");

    Wait.until("the mover left A's roster", () -> !onRoster(branchA, mover));
    Wait.until("the mover joined B's roster", () -> onRoster(branchB, mover));
    String householdInB = household(mover);
    assertThat(householdInB).isNotEqualTo(householdInA);
    Wait.until("B's visit plan lists the new household", () -> inPlan(branchB, householdInB));
    Wait.until("A's visit plan no longer lists the old one", () -> !inPlan(branchA, householdInA));
    // members-service learns the branch from RosterChanged, asynchronously like the others.
    Wait.until(
        "members-service shows the mover in branch B", () -> branchB.equals(branchOf(mover)));
  }

  /**
   * Moves in quick succession (no waiting between them) are applied in order: every event of a
   * member has the member's id as its key, so one partition and one consumer apply them in the
   * order they were written. Out of order, the mover would end on the wrong roster, or an earlier
   * household would stay in a visit plan.
   */
  @Test
  void backAndForthMovesEndInTheLastOneEverywhere() {
    String mover = Fixtures.member(system, buildingA, "6", "601", "孙往返");
    Wait.until("the mover is on A's roster", () -> onRoster(branchA, mover));
    List<String> households = new ArrayList<>(List.of(household(mover)));
    int moves = 6; // A -> B -> A -> ... : the last one goes back to A
    for (int i = 0; i < moves; i++) {
      relocate(mover, i % 2 == 0 ? buildingB : buildingA, "6", Integer.toString(610 + i));
      households.add(household(mover));
    }
    String last = households.get(households.size() - 1);
    assertThat(households).as("every move makes a new household").doesNotHaveDuplicates();
    // The last move's household is new, so this state cannot be one from before the moves.
    Wait.until(
        "A's visit plan lists the last move's household",
        () -> inPlan(branchA, last) && onRoster(branchA, mover));
    Wait.until(
        "members-service shows the mover in branch A", () -> branchA.equals(branchOf(mover)));
    List<String> earlier = households.subList(0, households.size() - 1);
    Wait.until(
        "the mover is off B's roster and no earlier household is in a visit plan",
        () ->
            !onRoster(branchB, mover)
                && earlier.stream().noneMatch(h -> inPlan(branchA, h) || inPlan(branchB, h)));
  }

  /** Records the latency of the whole flow over 100 relocations (see the closing note). */
  @Tag(PROBE)
  @Test
  void relocationLatencyOver100Moves() {
    String mover = Fixtures.member(system, buildingA, "3", "301", "李建国");
    Wait.until("the mover is on A's roster", () -> onRoster(branchA, mover));
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      boolean toB = i % 2 == 0;
      String target = toB ? branchB : branchA;
      String room = Integer.toString(400 + i);
      long start = System.nanoTime();
      relocate(mover, toB ? buildingB : buildingA, "3", room);
      String household = household(mover);
      Wait.until(
          "visit duty moved (move " + i + ")",
          Duration.ofSeconds(60),
          Wait.PROBE_POLL,
          () -> onRoster(target, mover) && inPlan(target, household));
      millis.add((System.nanoTime() - start) / 1_000_000);
    }
    Collections.sort(millis);
    System.out.printf(
        "relocation -> rosters -> visit plan over %d moves: median %d ms, p90 %d ms, worst %d ms%n",
        millis.size(),
        millis.get(millis.size() / 2),
        millis.get(millis.size() * 9 / 10),
        millis.get(millis.size() - 1));
    assertThat(millis).hasSize(100);
    printHops(mover);
  }

  /**
   * Where the time goes, from the databases (no polling in it): from the request writing
   * MemberRelocated to branches-service's transaction applying it, and from branches-service
   * writing RosterChanged to activities-service's transaction applying it. Both include the
   * writer's commit, the relay, Kafka and the consumer's poll.
   */
  static void printHops(String mover) {
    List<Long> first =
        hops(
            "members-service",
            "select event_id::text, created_at from eventing_outbox where aggregate_id = '"
                + mover
                + "' and event_type = 'MemberRelocated'",
            "branches-service");
    List<Long> second =
        hops(
            "branches-service",
            "select event_id::text, created_at from eventing_outbox where aggregate_id = '"
                + mover
                + "' and event_type = 'RosterChanged'",
            "activities-service");
    System.out.printf(
        "relocation hops (ms, median/p90/max): members->branches %s, branches->activities %s;"
            + " of which written->sent by the relay: %s and %s%n",
        summary(first),
        summary(second),
        summary(relayed("members-service", mover, "MemberRelocated")),
        summary(relayed("branches-service", mover, "RosterChanged")));
  }

  /** From writing an event (in the writer's transaction) to the relay sending it. */
  static List<Long> relayed(String producer, String aggregateId, String type) {
    List<Long> millis = new ArrayList<>();
    try (java.sql.Connection c = system.db(producer);
        java.sql.ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select (extract(epoch from published_at - created_at) * 1000)::bigint"
                        + " from eventing_outbox where aggregate_id = '"
                        + aggregateId
                        + "' and event_type = '"
                        + type
                        + "' and published_at is not null")) {
      while (rs.next()) {
        millis.add(rs.getLong(1));
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    Collections.sort(millis);
    return millis;
  }

  /**
   * The same hops with nobody polling the services meanwhile (a fixed pause per move): the latency
   * test above polls rosters and visit plans every 5 ms, which competes for the same cores as the
   * events it waits for.
   */
  @Tag(PROBE)
  @Test
  void relocationHopsWithoutPolling() {
    String mover = Fixtures.member(system, buildingA, "4", "401", "赵安静");
    Wait.until("the mover is on A's roster", () -> onRoster(branchA, mover));
    for (int i = 0; i < 20; i++) {
      relocate(mover, i % 2 == 0 ? buildingB : buildingA, "4", Integer.toString(500 + i));
      SystemUnderTest.sleep(1500);
    }
    Wait.until("the last move arrived", () -> onRoster(branchA, mover));
    System.out.println("Without polling:");
    printHops(mover);
  }

  /**
   * Statements per relocation in each service's database, from PostgreSQL's own log ({@code
   * log_statement=all} for the measured moves only): the request, the relays, the consumers. Nobody
   * polls the services meanwhile (a fixed pause per move), so what is logged is the flow's, plus
   * each relay's idle pass every second (counted apart: those start with the relay's lock and find
   * nothing). Prints the count per move and per kind of statement.
   */
  @Tag(PROBE)
  @Test
  void statementsPerRelocation() throws Exception {
    String mover = Fixtures.member(system, buildingA, "5", "501", "钱数数");
    Wait.until("the mover is on A's roster", () -> onRoster(branchA, mover));
    // Warm-up: every path has run, and the JIT has seen it a few dozen times (the CPU figures
    // below still include compilation: read them as rough).
    for (int i = 0; i < 40; i++) {
      relocate(mover, i % 2 == 0 ? buildingB : buildingA, "5", Integer.toString(600 + i));
      SystemUnderTest.sleep(i < 36 ? 250 : 1500);
    }
    int moves = 10;
    long pause = 1500;
    // The services' CPU over as long a time with nothing moving, to take their idle work (relay
    // polls, metrics, tracing export) out of the per-move figure.
    java.util.Map<String, Duration> idle = cpuOverPause(moves * pause);
    java.util.Map<String, Duration> before = cpuNow();
    java.nio.file.Path log = system.postgres.logFile();
    setStatementLog("all");
    long from = java.nio.file.Files.size(log);
    for (int i = 0; i < moves; i++) {
      relocate(mover, i % 2 == 0 ? buildingB : buildingA, "5", Integer.toString(700 + i));
      SystemUnderTest.sleep(pause);
    }
    setStatementLog("none");
    java.util.Map<String, Duration> after = cpuNow();
    StringBuilder cpu = new StringBuilder("CPU per relocation (ms, minus the idle rate):");
    for (String service : SystemUnderTest.SERVICES) {
      double ms =
          (after.get(service).minus(before.get(service)).toNanos() - idle.get(service).toNanos())
              / 1e6
              / moves;
      cpu.append(
          String.format(
              " %s %.1f (idle %.1f)", service, ms, idle.get(service).toNanos() / 1e6 / moves));
    }
    System.out.println(cpu);
    Wait.until("the last move arrived", () -> onRoster(branchA, mover));
    List<String> lines;
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(log.toFile(), "r")) {
      f.seek(from);
      byte[] bytes = new byte[(int) (f.length() - from)];
      f.readFully(bytes);
      lines = List.of(new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\n"));
    }
    java.util.regex.Pattern statement =
        java.util.regex.Pattern.compile(
            "^(\\S+ \\S+) \\S+ \\[(\\d+)\\] db=(\\w+) .*LOG:  (?:statement|execute [^:]*): (.*)$");
    java.util.Map<String, java.util.Map<String, Integer>> kinds = new java.util.TreeMap<>();
    // Wall time of each transaction, BEGIN to COMMIT as PostgreSQL logged them (per backend):
    // the relay's passes that published something apart from the rest (requests, consumers).
    java.util.Map<String, String[]> open = new java.util.HashMap<>(); // pid -> begin, kind
    java.util.Map<String, List<Long>> inTransaction = new java.util.TreeMap<>();
    java.time.format.DateTimeFormatter at =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    for (String line : lines) {
      java.util.regex.Matcher m = statement.matcher(line);
      if (!m.find() || m.group(4).startsWith("alter system") || m.group(4).contains("reload")) {
        continue;
      }
      String pid = m.group(2);
      String db = m.group(3);
      String text = m.group(4);
      if (text.equals("BEGIN")) {
        open.put(pid, new String[] {m.group(1), null});
      } else if (open.containsKey(pid) && text.equals("COMMIT")) {
        String[] t = open.remove(pid);
        if (t[1] != null && !t[1].equals("idle relay")) {
          long ms =
              Duration.between(
                      java.time.LocalDateTime.parse(t[0], at),
                      java.time.LocalDateTime.parse(m.group(1), at))
                  .toMillis();
          inTransaction.computeIfAbsent(db + " " + t[1], k -> new ArrayList<>()).add(ms);
        }
      } else if (open.containsKey(pid)) {
        String[] t = open.get(pid);
        if (t[1] == null) {
          t[1] = text.startsWith("select pg_try_advisory") ? "idle relay" : "transaction";
        } else if (text.startsWith("update eventing_outbox set published_at")) {
          t[1] = "relay pass";
        }
      }
      String sql = text.replaceAll("\\$\\d+", "?");
      kinds
          .computeIfAbsent(db, k -> new java.util.TreeMap<>())
          .merge(sql.substring(0, Math.min(110, sql.length())), 1, Integer::sum);
    }
    System.out.printf("Statements over %d relocations (log_statement=all):%n", moves);
    kinds.forEach(
        (db, counts) -> {
          System.out.printf(
              "  %s: %d in all%n", db, counts.values().stream().mapToInt(i -> i).sum());
          counts.forEach((sql, n) -> System.out.printf("    %5d  %s%n", n, sql));
        });
    inTransaction.forEach(
        (kind, millis) -> {
          Collections.sort(millis);
          System.out.printf(
              "  BEGIN to COMMIT, %s (ms, median/p90/max): %s%n", kind, summary(millis));
        });
    assertThat(kinds).containsKeys("members", "branches", "activities");
  }

  private static java.util.Map<String, Duration> cpuNow() {
    java.util.Map<String, Duration> cpu = new java.util.HashMap<>();
    for (String service : SystemUnderTest.SERVICES) {
      cpu.put(service, system.cpu(service));
    }
    return cpu;
  }

  private static java.util.Map<String, Duration> cpuOverPause(long millis) {
    java.util.Map<String, Duration> start = cpuNow();
    SystemUnderTest.sleep(millis);
    java.util.Map<String, Duration> end = cpuNow();
    java.util.Map<String, Duration> used = new java.util.HashMap<>();
    start.forEach((service, at) -> used.put(service, end.get(service).minus(at)));
    return used;
  }

  private static void setStatementLog(String level) throws java.sql.SQLException {
    try (java.sql.Connection c = system.db("members-service");
        java.sql.Statement s = c.createStatement()) {
      s.execute("alter system set log_statement = '" + level + "'");
      s.execute("alter system set log_line_prefix = '%m [%p] db=%d '");
      s.execute("select pg_reload_conf()");
    }
    SystemUnderTest.sleep(300); // every backend reads the new setting at its next statement
  }

  static List<Long> hops(String producer, String outboxQuery, String consumer) {
    java.util.Map<String, java.time.Instant> written = new java.util.HashMap<>();
    try (java.sql.Connection c = system.db(producer);
        java.sql.ResultSet rs = c.createStatement().executeQuery(outboxQuery)) {
      while (rs.next()) {
        written.put(rs.getString(1), rs.getTimestamp(2).toInstant());
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    List<Long> millis = new ArrayList<>();
    try (java.sql.Connection c = system.db(consumer);
        java.sql.ResultSet rs =
            c.createStatement()
                .executeQuery("select event_id::text, processed_at from eventing_inbox")) {
      while (rs.next()) {
        java.time.Instant at = written.get(rs.getString(1));
        if (at != null) {
          millis.add(Duration.between(at, rs.getTimestamp(2).toInstant()).toMillis());
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    Collections.sort(millis);
    return millis;
  }

  static String summary(List<Long> sorted) {
    if (sorted.isEmpty()) {
      return "none";
    }
    return sorted.get(sorted.size() / 2)
        + "/"
        + sorted.get(sorted.size() * 9 / 10)
        + "/"
        + sorted.get(sorted.size() - 1)
        + " (n="
        + sorted.size()
        + ")";
  }

  static void relocate(String member, String building, String unit, String room) {
    given()
        .baseUri(system.url("members-service"))
        .contentType("application/json")
        .body(
            "{\"buildingId\": \"%s\", \"unit\": \"%s\", \"room\": \"%s\"}"
                .formatted(building, unit, room))
        .post("/api/v1/members/" + member + "/relocation")
        .then()
        .statusCode(200);
  }

  /** The member's branch as members-service shows it (it learns it from RosterChanged). */
  static String branchOf(String member) {
    return memberField(member, "branchId");
  }

  static String household(String member) {
    return memberField(member, "householdId");
  }

  private static String memberField(String member, String field) {
    return given()
        .baseUri(system.url("members-service"))
        .get("/api/v1/members/" + member)
        .then()
        .statusCode(200)
        .extract()
        .path(field);
  }

  static boolean onRoster(String branch, String member) {
    List<String> ids =
        given()
            .baseUri(system.url("branches-service"))
            .queryParam("size", 200)
            .get("/api/v1/branches/" + branch + "/roster")
            .then()
            .statusCode(200)
            .extract()
            .path("items.memberId");
    return ids.contains(member);
  }

  static boolean inPlan(String branch, String household) {
    List<String> ids =
        given()
            .baseUri(system.url("activities-service"))
            .queryParam("month", YearMonth.now(SHANGHAI).toString())
            .get("/api/v1/branches/" + branch + "/visit-plan")
            .then()
            .statusCode(200)
            .extract()
            .path("households.householdId");
    return ids.contains(household);
  }
}
