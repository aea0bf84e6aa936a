package org.civic.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes docs/performance.md from the JSON results of one run of bench/run.sh. */
final class Report {
  private final Bench.Context ctx;
  private final StringBuilder md = new StringBuilder();
  private final List<String> missed = new ArrayList<>();
  private double baselineTps = Double.NaN;

  Report(Bench.Context ctx) {
    this.ctx = ctx;
  }

  private JsonNode json(String name) {
    Path file = ctx.results.resolve(name + ".json");
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return Http.JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void write(Path out) throws IOException {
    JsonNode machine = json("machine");
    String mode = machine == null ? "?" : machine.path("mode").asText();
    line("# Performance: measured numbers");
    line("");
    line(
        "Written by `bench/run.sh%s` (see [bench/README.md](../bench/README.md)); every figure below"
            + " comes from that one run, on the machine described here. Regenerate rather than edit.",
        mode.equals("quick") ? " --quick" : "");
    line("");
    if (mode.equals("quick")) {
      line(
          "> **Quick mode on a noisy machine: development numbers, not the product's performance.**"
              + " Small data set, short runs (no 70 s JIT warm-up), and the 2 cores were shared with"
              + " other builds (see the load average). Read the ratios to the baseline, not the"
              + " absolute rates.");
      line("");
    }
    // Judged on the load before the run's own build (older results have only the one after it).
    String launchLoad =
        machine == null
            ? "0"
            : machine.path("loadAtLaunch").asText(machine.path("loadStart").asText("0"));
    double load = Double.parseDouble((launchLoad + " ").split(" ")[0]);
    int cores = machine == null ? 1 : machine.path("nproc").asInt(1);
    if (!mode.equals("quick") && load > cores) {
      line(
          "> **Noisy machine:** the load average was %.1f on %d cores when the run was launched"
              + " (other work was running), so absolute rates and tail latencies are lower and"
              + " longer than this product would show alone. Compare the ratios to the baseline"
              + " measured in the same run.",
          load, cores);
      line("");
    }
    machine(machine);
    baseline(json("baseline-pgbench"));
    dataSet();
    startup();
    memory();
    List<Row> reads =
        List.of(
            new Row("wrk-member-by-id", "member by id", ">= 10,000 req/s, p99 <= 5 ms", 10_000, 5),
            new Row("wrk-member-list", "filtered member list page", ">= 2,000 req/s", 2_000, -1),
            new Row("wrk-roster", "branch roster (page of 50)", "-", -1, -1),
            new Row("wrk-visit-plan", "a month's visit plan", "-", -1, -1));
    table("Reads", reads);
    visibility(reads);
    table(
        "Writes (each through the outbox)",
        List.of(
            new Row("wrk-register", "member registration", ">= 1,000 req/s", 1_000, -1),
            new Row("wrk-visit", "visit recording", "-", -1, -1)));
    drain(json("drain-writes"));
    relocation(json("relocation"));
    importScenario(json("import"));
    bounded();
    phones(json("phone"));
    line("## Targets missed in this run");
    line("");
    if (missed.isEmpty()) {
      line("None of the measured targets was missed.");
    } else {
      missed.forEach(m -> line("- %s", m));
    }
    line("");
    line(
        "Where the time probably goes, and what to try first: [bench/README.md](../bench/README.md#where-the-time-goes-candidates).");
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, md.toString());
    ctx.say("wrote %s", out);
  }

  private void machine(JsonNode m) {
    line("## Machine and run");
    line("");
    if (m == null) {
      line("(no machine.json)");
      line("");
      return;
    }
    line("| | |");
    line("|---|---|");
    line("| date (UTC) | %s |", m.path("date").asText());
    line("| git commit | `%s` |", m.path("commit").asText());
    line("| mode | %s |", m.path("mode").asText());
    line("| CPU | %s, `nproc` = %s |", m.path("cpu").asText(), m.path("nproc").asText());
    line("| RAM | %s MB |", m.path("memTotalMb").asText());
    if (m.has("loadAtLaunch")) {
      line(
          "| load average at launch, before the build (1/5/15 min) | %s |",
          m.path("loadAtLaunch").asText());
    }
    line("| load average after the build (1/5/15 min) | %s |", m.path("loadStart").asText());
    line("| load average at end | %s |", m.path("loadEnd").asText("?"));
    line("| Java (harness) | %s |", m.path("java").asText());
    line(
        "| Java (services) | %s%s |",
        m.path("serviceJava").asText(m.path("java").asText()),
        m.path("aotCache").asBoolean() ? ", from AOT caches (ADR 0010)" : "");
    if (!m.path("note").asText().isEmpty()) {
      line("| set-up | %s |", m.path("note").asText());
    }
    line(
        "| a forged bearer token is answered | %s (401 = tokens are verified) |",
        m.path("forgedTokenStatus").asText("?"));
    line("| load tool | %s |", m.path("wrk").asText());
    line(
        "| settings | reads: %s s warm-up + %s s measured, %s connections, %s wrk threads;"
            + " writes: %s s warm-up + %s s |",
        m.path("readWarmup").asText(),
        m.path("readSeconds").asText(),
        m.path("connections").asText(),
        m.path("threads").asText(),
        m.path("writeWarmup").asText(),
        m.path("writeSeconds").asText());
    line("");
    line(
        "The load generator (wrk), the three services, PostgreSQL and Kafka all share the same"
            + " %s cores.",
        m.path("nproc").asText());
    line("");
  }

  private void baseline(JsonNode b) {
    line("## Baseline (same run, same PostgreSQL)");
    line("");
    if (b == null) {
      line("(not measured)");
      line("");
      return;
    }
    baselineTps = b.path("tps").asDouble(Double.NaN);
    line(
        "`pgbench -S` (select-only, primary-key reads, scale %s, %s clients, %s s) against the"
            + " embedded PostgreSQL on 15432. Reference on a quiet machine: 39,800 reads/s.",
        b.path("scale").asText(), b.path("clients").asText(), b.path("seconds").asText());
    line("");
    line("| reads/s | median | p99 | max |");
    line("|---:|---:|---:|---:|");
    line(
        "| %s | %s ms | %s ms | %s ms |",
        fmt(baselineTps, 0),
        b.path("medianMs").asText("?"),
        b.path("p99Ms").asText("?"),
        b.path("maxMs").asText("?"));
    line("");
    line(
        "*ratio* in the tables below = the scenario's requests/s ÷ these reads/s: the share of a"
            + " bare primary-key read's throughput the product keeps through HTTP, JWT, Hibernate,"
            + " Jackson and its own queries; comparable across noisy runs.");
    line("");
    idleBaseline(json("baseline-idle"));
  }

  /**
   * One client's read back to back against one every 20 ms: the relocation flow's round trips start
   * from idle cores, and on these VMs the wake-up costs more than the read (bench/README item 2).
   */
  private void idleBaseline(JsonNode idle) {
    if (idle == null) {
      return;
    }
    line(
        "The same read from one client, back to back and one every 20 ms (`-c 1`, `-R 50`, 20 s"
            + " each): a round trip that starts from idle cores pays for waking them. The"
            + " relocation flow below runs one move at a time, so each of its round trips and"
            + " thread hand-offs is of the second kind.");
    line("");
    line("| one client | reads | median | p99 | max |");
    line("|---|---:|---:|---:|---:|");
    for (String[] row :
        List.of(
            new String[] {"back to back", "backToBack"},
            new String[] {"one every 20 ms", "fromIdle"})) {
      JsonNode r = idle.path(row[1]);
      line(
          "| %s | %s | %s ms | %s ms | %s ms |",
          row[0],
          r.path("count").asText("?"),
          r.path("medianMs").asText("?"),
          r.path("p99Ms").asText("?"),
          r.path("maxMs").asText("?"));
    }
    line("");
  }

  private void dataSet() {
    line("## Data set");
    line("");
    for (String phase : List.of("small", "rest")) {
      JsonNode l = json("load-" + phase);
      if (l == null) {
        continue;
      }
      line(
          "**%s** (%s): %s communities, %s buildings, %s members in %s households, %s branches; %s"
              + " meetings (%s attendance entries, %s months), %s visits (%s); %s requests (polls"
              + " included) in %.1f s:",
          phase.equals("small") ? "Phase 1, the small street" : "Phase 2, the rest of the street",
          phase.equals("small")
              ? "community 1 alone: the \"300 members\" state of the bounded check"
              : "after it the street has " + l.path("streetMembersAfter").asText() + " members",
          l.path("communities").asText(),
          l.path("buildings").asText(),
          l.path("members").asText(),
          l.path("households").asText(),
          l.path("branches").asText(),
          l.path("meetings").asText(),
          l.path("attendanceEntries").asText(),
          l.path("meetingMonths").asText(),
          l.path("visits").asText(),
          l.path("visitsLoaded").asText(),
          l.path("requests").asText(),
          l.path("seconds").asDouble());
      line("");
      line("| step | seconds |");
      line("|---|---:|");
      Iterator<Map.Entry<String, JsonNode>> it = l.path("steps").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        line("| %s | %s |", e.getKey().replace("  ...", "…"), e.getValue().asText());
      }
      line("");
    }
  }

  private void startup() {
    JsonNode s = json("startup");
    line("## Start-up and memory");
    line("");
    if (s == null) {
      line("(not measured)");
      line("");
      return;
    }
    line(
        "`./run-local.sh --reset --no-demo --no-build`: the three services are launched together"
            + " (after PostgreSQL and Kafka) and start in parallel on the 2 cores. *first answer* ="
            + " from the service process's start to the first 200 of `/q/health/ready`, polled"
            + " every 100 ms; *started in* = Quarkus' own log line. RSS = VmRSS of the service"
            + " JVM (LocalRun's default options: serial GC, heap <= 256 MB). Targets: first"
            + " request <= 2.5 s after launch, RSS <= 200 MB then (judged on each service"
            + " started alone, below) and <= 250 MB after load.");
    line("");
    line(
        "| service | first answer | started in (log) | RSS at ready | RSS after data load | RSS"
            + " after all scenarios | a minute later, idle |");
    line("|---|---:|---:|---:|---:|---:|---:|");
    JsonNode idle = json("rss-idle");
    JsonNode loaded = json("rss-loaded");
    JsonNode after = json("rss-after");
    JsonNode settled = json("rss-settled");
    for (JsonNode svc : s.path("services")) {
      String name = svc.path("name").asText();
      double first = svc.path("firstAnswerSeconds").asDouble(Double.NaN);
      double rssIdle = mb(idle, name);
      double rssAfter = mb(after, name);
      line(
          "| %s | %s s | %s s | %s MB | %s MB | %s MB | %s MB |",
          name,
          fmt(first, 1),
          svc.path("startedInSeconds").asText("?"),
          fmt(rssIdle, 0),
          fmt(mb(loaded, name), 0),
          fmt(rssAfter, 0),
          fmt(mb(settled, name), 0));
      if (rssAfter > 250) {
        missed.add(String.format("%s: RSS %.0f MB after load (target <= 250 MB)", name, rssAfter));
      }
    }
    line("");
    line(
        "Whole platform up (PostgreSQL, Kafka, three services ready): %s s.",
        s.path("platformUpSeconds").asText("?"));
    line("");
    JsonNode alone = json("startup-alone");
    if (alone != null) {
      line(
          "Each service started **alone** (a second instance with the same JVM options and"
              + " environment on another port, nothing else starting; before the data load),"
              + " several times: from launch to the first 200 of `/q/health/ready`, RSS and CPU"
              + " time spent then. The targets are judged on the median start.");
      line("");
      line(
          "| service | starts | first answer: median (min–max) | RSS then: median | CPU time to"
              + " ready: median |");
      line("|---|---:|---:|---:|---:|");
      Map<String, List<JsonNode>> starts = new LinkedHashMap<>();
      for (JsonNode start : alone) {
        starts.computeIfAbsent(start.path("name").asText(), n -> new ArrayList<>()).add(start);
      }
      for (Map.Entry<String, List<JsonNode>> e : starts.entrySet()) {
        String name = e.getKey();
        List<Double> first = sorted(e.getValue(), "firstAnswerSeconds");
        double firstMedian = Stats.pct(first, 50);
        double rss = Stats.pct(sorted(e.getValue(), "rssKb"), 50) / 1024.0;
        double cpu = Stats.pct(sorted(e.getValue(), "cpuMs"), 50) / 1000.0;
        line(
            "| %s | %d | %s s (%s–%s) | %s MB | %s s |",
            name,
            first.size(),
            fmt(firstMedian, 2),
            fmt(first.get(0), 2),
            fmt(first.get(first.size() - 1), 2),
            fmt(rss, 0),
            fmt(cpu, 1));
        if (firstMedian > 2.5) {
          missed.add(
              String.format(
                  "%s: first answer %.1f s after launch, alone (median; target <= 2.5 s)",
                  name, firstMedian));
        }
        if (rss > 200) {
          missed.add(
              String.format(
                  "%s: RSS %.0f MB at first answer (median; target <= 200 MB)", name, rss));
        }
      }
      line("");
      // bench/run.sh counts the [error][aot] lines of each start's log: a JVM that refuses its AOT
      // cache starts without it, 2-3x slower, and says so only there.
      List<String> withoutCache = new ArrayList<>();
      for (JsonNode start : alone) {
        if (start.path("aotErrorLines").asInt(0) > 0) {
          withoutCache.add(start.path("name").asText() + " start " + start.path("start").asText());
        }
      }
      if (!withoutCache.isEmpty()) {
        line(
            "AOT cache errors in the log of %s: the JVM refused its cache there (see"
                + " `bench/target/run/logs/alone-*.log`).",
            String.join(", ", withoutCache));
        line("");
      }
    }
  }

  /** One field of every start, sorted (for {@link Stats#pct}). */
  private static List<Double> sorted(List<JsonNode> starts, String field) {
    List<Double> values = new ArrayList<>();
    starts.forEach(s -> values.add(s.path(field).asDouble(Double.NaN)));
    Collections.sort(values);
    return values;
  }

  /** What holds the RSS after all scenarios, and a minute later (bench/run.sh's memory-*.txt). */
  private void memory() throws IOException {
    memory("after", "after all scenarios", "read right after the RSS above");
    memory("settled", "a minute later, idle", "read after a minute with no requests");
  }

  private void memory(String label, String when, String how) throws IOException {
    List<String> names = List.of("members-service", "branches-service", "activities-service");
    if (names.stream().noneMatch(n -> Files.isRegularFile(memoryFile(label, n)))) {
      return;
    }
    line("### Where the memory is %s", when);
    line("");
    line(
        "From `/proc/PID/status` and `jcmd` (`GC.heap_info`, `VM.metaspace`,"
            + " `Compiler.codecache`), %s. *other* = RSS minus the"
            + " heap, class metadata and compiled code: thread stacks, malloc'd memory (the"
            + " JIT's arenas, Netty, the PostgreSQL driver), mapped jars and, on Java 25, the AOT"
            + " cache's mapped classes.",
        how);
    line("");
    line(
        "| service | RSS | anonymous / file-backed | heap committed (used) | class metadata"
            + " (classes) | compiled code | threads | other |");
    line("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (String name : names) {
      Path file = memoryFile(label, name);
      if (!Files.isRegularFile(file)) {
        continue;
      }
      MemoryBreakdown m = MemoryBreakdown.parse(Files.readString(file));
      line(
          "| %s | %s MB | %s / %s MB | %s (%s) MB | %s MB (%s) | %s MB | %d | %s MB |",
          name,
          fmt(m.rss(), 0),
          fmt(m.anonymous(), 0),
          fmt(m.fileBacked(), 0),
          fmt(m.heapCommitted(), 0),
          fmt(m.heapUsed(), 0),
          fmt(m.metaspaceCommitted(), 0),
          m.classes() < 0 ? "?" : String.format("%,d", m.classes()),
          fmt(m.codeUsed(), 0),
          m.threads(),
          fmt(m.other(), 0));
    }
    line("");
  }

  private Path memoryFile(String label, String service) {
    return ctx.results.resolve("memory-" + label + "-" + service + ".txt");
  }

  private static double mb(JsonNode rss, String name) {
    if (rss == null || !rss.has(name)) {
      return Double.NaN;
    }
    return rss.path(name).asDouble() / 1024.0;
  }

  private record Row(String file, String label, String target, double minRps, double maxP99) {}

  private void table(String title, List<Row> rows) {
    line("## %s", title);
    line("");
    line(
        "| scenario | requests/s | median | p99 | max | non-2xx / errors | load avg | target | ratio"
            + " to baseline |");
    line("|---|---:|---:|---:|---:|---:|---:|---|---:|");
    for (Row r : rows) {
      JsonNode w = json(r.file());
      if (w == null) {
        line("| %s | not run | | | | | | %s | |", r.label(), r.target());
        continue;
      }
      wrkRow(r.label(), w, r.target());
      double rps = w.path("rps").asDouble();
      double p99 = w.path("latency").path("p99").asDouble() / 1000.0;
      if (r.minRps() > 0 && rps < r.minRps()) {
        missed.add(String.format("%s: %.0f req/s (target >= %.0f)", r.label(), rps, r.minRps()));
      }
      if (r.maxP99() > 0 && p99 > r.maxP99()) {
        missed.add(
            String.format("%s: p99 %.1f ms (target <= %.0f ms)", r.label(), p99, r.maxP99()));
      }
    }
    line("");
    line("URLs (ids drawn at random from the loaded data per request):");
    line("");
    for (Row r : rows) {
      JsonNode w = json(r.file());
      if (w != null) {
        line("- %s: `%s %s`", r.label(), w.path("method").asText("GET"), w.path("url").asText());
      }
    }
    line("");
  }

  /**
   * How much of {@code member} was marked all-visible when each measured run started: the list
   * page's index-only scans read the heap for every row on an unmarked page (bench/README.md item
   * 3), so a low share explains a slow list page.
   */
  private void visibility(List<Row> rows) {
    List<String> parts = new ArrayList<>();
    for (Row r : rows) {
      JsonNode w = json(r.file());
      JsonNode v = w == null ? null : w.path("memberVisibility");
      if (v != null && v.has("pages")) {
        long pages = v.path("pages").asLong();
        long visible = v.path("allVisible").asLong();
        parts.add(
            String.format(
                "%s %,d of %,d (%s %%)",
                r.label(), visible, pages, pages == 0 ? "-" : fmt(100.0 * visible / pages, 0)));
      }
    }
    if (!parts.isEmpty()) {
      line(
          "Pages of `member` marked all-visible when each measured run started (the list page's"
              + " index-only scans skip the heap only there): %s.",
          String.join("; ", parts));
      line("");
    }
  }

  private void wrkRow(String label, JsonNode w, String target) {
    JsonNode lat = w.path("latency");
    JsonNode err = w.path("errors");
    long errors =
        err.path("connect").asLong()
            + err.path("read").asLong()
            + err.path("write").asLong()
            + err.path("timeout").asLong();
    double rps = w.path("rps").asDouble();
    line(
        "| %s | %s | %s ms | %s ms | %s ms | %d / %d | %s | %s | %s |",
        label,
        fmt(rps, 0),
        ms(lat.path("p50")),
        ms(lat.path("p99")),
        ms(lat.path("max")),
        err.path("status").asLong(),
        errors,
        w.path("loadavg").asText("?"),
        target,
        Double.isNaN(baselineTps) ? "?" : fmt(rps / baselineTps, 3));
  }

  private static String ms(JsonNode micros) {
    return fmt(micros.asDouble() / 1000.0, 1);
  }

  private void drain(JsonNode d) {
    long members = writes("wrk-register");
    long visits = writes("wrk-visit");
    if (members > 0 || visits > 0) {
      line(
          "The write scenarios add data: %,d members registered and %,d visits recorded (warm-up"
              + " included), so the relocation flow and the import below run on a street of about"
              + " %,d members.",
          members, visits, members + json("load-rest").path("streetMembersAfter").asLong());
      line("");
    }
    if (d == null) {
      return;
    }
    line(
        "After the write scenarios the outboxes held %s events and the consumers were %s records"
            + " behind; everything had caught up %s s later (this is the consumers' throughput:"
            + " every registration is one MemberRegistered for branches- and activities-service"
            + " and, on a covered building, a RosterChanged for members- and activities-service).",
        d.path("outboxBacklogAtStart").asText(),
        d.path("consumerLagAtStart").asText(),
        d.path("seconds").asText());
    line("");
  }

  /** Successful requests of a write scenario, warm-up included. */
  private long writes(String name) {
    long n = 0;
    for (String file : List.of(name, name + "-warmup")) {
      JsonNode w = json(file);
      if (w != null) {
        n += w.path("requests").asLong() - w.path("errors").path("status").asLong();
      }
    }
    return n;
  }

  private void relocation(JsonNode r) {
    line("## The named flow: relocation → both rosters → visit duty moved");
    line("");
    if (r == null) {
      line("(not run)");
      line("");
      return;
    }
    line(
        "%s relocations, one at a time, each to another branch of the member's community. The clock"
            + " starts before `POST /members/{id}/relocation` and stops when branches-service has"
            + " committed the member's new branch (off the old roster, on the new) and"
            + " activities-service the new household's visit duty with the new branch: each"
            + " service's database is read every %s ms (one indexed row), so up to that much"
            + " latency is the polling's. Until session 5 the harness polled the REST roster and"
            + " visit plan every 5 ms instead, which competed with the events for the 2 cores. The"
            + " timed request is sent on the harness's own thread (`HttpURLConnection`): until"
            + " session 16 it went through `java.net.http.HttpClient`, whose selector thread added"
            + " ~1 ms of wake-ups to it. Every move is then confirmed through REST (untimed). Took"
            + " %s s in all.",
        r.path("relocations").asText(), r.path("pollMillis").asText(), r.path("seconds").asText());
    line("");
    if (r.path("warmUpRelocations").asInt() > 0) {
      line(
          "Before them, %s warm-up moves of other members (%s s), timed apart: a move's own code"
              + " paths (the relocation endpoint, MemberRelocated in branches-service, RosterChanged"
              + " in activities-service) run nowhere else in the harness, and the JIT needs a"
              + " minute or more of a path on 2 cores to compile it.",
          r.path("warmUpRelocations").asText(), r.path("warmUpSeconds").asText());
      line("");
    }
    line("| part | median | p90 | p99 | max | target |");
    line("|---|---:|---:|---:|---:|---|");
    if (r.has("warmUpEndToEnd")) {
      statsRow("end to end, warm-up moves (not judged)", r.path("warmUpEndToEnd"), "");
    }
    statsRow("end to end", r.path("endToEnd"), "median <= 20 ms, p99 <= 100 ms");
    statsRow("relocation request alone", r.path("relocationRequest"), "");
    statsRow("until both rosters show it", r.path("bothRosters"), "");
    statsRow("until the visit plan shows it", r.path("visitPlan"), "");
    line("");
    JsonNode e = r.path("endToEnd");
    if (e.path("medianMs").asDouble() > 20) {
      missed.add(
          String.format(
              "relocation flow: median %s ms (target <= 20 ms)", e.path("medianMs").asText()));
    }
    if (e.path("p99Ms").asDouble() > 100) {
      missed.add(
          String.format("relocation flow: p99 %s ms (target <= 100 ms)", e.path("p99Ms").asText()));
    }
  }

  private void statsRow(String label, JsonNode s, String target) {
    line(
        "| %s | %s ms | %s ms | %s ms | %s ms | %s |",
        label,
        s.path("medianMs").asText(),
        s.path("p90Ms").asText(),
        s.path("p99Ms").asText(),
        s.path("maxMs").asText(),
        target);
  }

  private void importScenario(JsonNode i) {
    line("## Bulk import");
    line("");
    if (i == null) {
      line("(not run)");
      line("");
      return;
    }
    line(
        "%s new members in one xlsx (%s bytes, built with Apache POI) into buildings already"
            + " covered by branches, `POST /members/import`. Then polled until branches-service"
            + " counts them, activities-service has them on the rosters and members-service knows"
            + " each one's branch. %s",
        i.path("rows").asText(), i.path("xlsxBytes").asText(), i.path("note").asText());
    line("");
    line("| what | seconds | target |");
    line("|---|---:|---|");
    line(
        "| import request (validate + store + outbox) | %s | <= 10 s for 10,000 |",
        i.path("importSeconds").asText());
    Iterator<Map.Entry<String, JsonNode>> it = i.path("agreedSecondsAfterImport").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      line("| … then %s agrees | %s | |", e.getKey(), e.getValue().asText());
    }
    line(
        "| … all three agree | %s | <= 30 s after |",
        i.path("allAgreeSecondsAfterImport").asText());
    line("");
    double rows = i.path("rows").asDouble();
    double scale = 10_000 / rows;
    if (i.path("importSeconds").asDouble() * scale > 10) {
      missed.add(
          String.format(
              "import of %s rows took %s s (target: 10,000 in <= 10 s)",
              i.path("rows").asText(), i.path("importSeconds").asText()));
    }
    if (i.path("allAgreeSecondsAfterImport").asDouble() * scale > 30) {
      missed.add(
          String.format(
              "all services agreed %s s after the import of %s rows (target: <= 30 s for 10,000)",
              i.path("allAgreeSecondsAfterImport").asText(), i.path("rows").asText()));
    }
  }

  private void bounded() {
    line("## Bounded lists and reports: 300 members in the street vs the whole street");
    line("");
    JsonNode small = json("load-small");
    JsonNode rest = json("load-rest");
    line(
        "The same branch (the biggest of community 1) read with the street holding %s members"
            + " (phase 1) and %s members (after phase 2), same wrk settings. A bounded query costs"
            + " the same in both; the last column should stay near 1.",
        small == null ? "?" : small.path("members").asText(),
        rest == null ? "?" : rest.path("streetMembersAfter").asText());
    line("");
    line(
        "| report | street | requests/s | median | p99 | max | non-2xx / errors | load avg | |"
            + " ratio |");
    line("|---|---|---:|---:|---:|---:|---:|---:|---|---:|");
    for (String[] r :
        new String[][] {
          {"roster", "branch roster (branches-service)"},
          {"compliance", "visit compliance (activities-service)"}
        }) {
      JsonNode a = json("wrk-bounded-" + r[0] + "-small");
      JsonNode b = json("wrk-bounded-" + r[0] + "-large");
      if (a != null) {
        wrkRow(r[1] + " | small", a, "");
      }
      if (b != null) {
        wrkRow(r[1] + " | whole", b, "");
      }
      if (a != null && b != null) {
        double ratio = b.path("rps").asDouble() / a.path("rps").asDouble();
        line("| %s | whole ÷ small | | | | | | | | **%s** |", r[1], fmt(ratio, 2));
      }
    }
    line("");
    line(
        "(The *ratio to baseline* column of these rows is the usual one; the bold ratio compares the"
            + " two states. Phase 1 runs early, with a colder JIT, and the load average differs:"
            + " read a ratio well above 1 as \"not slower\".)");
    line("");
  }

  private void phones(JsonNode p) {
    line("## For phones: compression and conditional GET");
    line("");
    if (p == null) {
      line("(not measured)");
      line("");
      return;
    }
    line(
        "Bytes on the wire (body, as curl counts it) for one response, with and without"
            + " `Accept-Encoding: gzip`; what `gzip -6` makes of the same body (the saving a"
            + " compressing server would give); and the answer to a repeated GET with"
            + " `If-None-Match: <ETag of the first>` (asked for on single resources and rosters).");
    line("");
    line(
        "| resource | plain | with Accept-Encoding: gzip | gzip -6 of the body | saving possible |"
            + " ETag | repeat with If-None-Match | bytes of the repeat |");
    line("|---|---:|---:|---:|---:|---|---:|---:|");
    for (JsonNode r : p.path("resources")) {
      long plain = r.path("plainBytes").asLong();
      long gz = r.path("gzipBytes").asLong();
      boolean compressed = !r.path("gzipEncoding").asText().isEmpty();
      long could = r.path("gzip6Bytes").asLong(-1);
      line(
          "| %s | %d | %d%s | %s | %s | %s | %s | %s |",
          r.path("name").asText(),
          plain,
          gz,
          compressed ? "" : " (not compressed)",
          could < 0 ? "?" : Long.toString(could),
          could < 0 || plain == 0 ? "?" : fmt(100.0 * (plain - could) / plain, 0) + " %",
          r.path("etag").asText().isEmpty() ? "none" : "`" + r.path("etag").asText() + "`",
          r.path("conditionalStatus").asText(),
          r.path("conditionalBytes").asText());
      if (!compressed) {
        missed.add(r.path("name").asText() + ": not compressed for a client that accepts gzip");
      }
      if (r.path("conditionalExpected").asBoolean(true)
          && !r.path("conditionalStatus").asText().equals("304")) {
        missed.add(
            r.path("name").asText()
                + ": a repeated GET with If-None-Match answered "
                + r.path("conditionalStatus").asText()
                + " with the whole body, not 304");
      }
    }
    line("");
  }

  private static String fmt(double v, int decimals) {
    if (Double.isNaN(v)) {
      return "?";
    }
    return String.format("%,." + decimals + "f", v);
  }

  private void line(String format, Object... args) {
    md.append(args.length == 0 ? format : String.format(format, args)).append('\n');
  }
}
