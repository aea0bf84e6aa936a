package org.civic.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.civic.systemtests.OtlpReceiver.Kind;
import org.civic.systemtests.OtlpReceiver.ReceivedSpan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What ops see of the packaged services: one trace across the three services, the Prometheus series
 * the dashboard uses, and each service started with its docker-compose.yml environment.
 */
class ObservabilityIT {
  static SystemUnderTest system;
  static String community;
  static String building;
  static String branch;

  @BeforeAll
  static void aBuildingWithABranch() {
    system = SystemUnderTest.get();
    community = Fixtures.community(system);
    building = Fixtures.building(system, community, "观测楼");
    Fixtures.awaitKnownIn(system, "members-service", building);
    // a building branch needs three full members
    for (int i = 1; i <= 3; i++) {
      Fixtures.member(system, building, "2", "20" + i, "观" + i);
    }
    Fixtures.awaitFullMembers(system, building, 3);
    branch = Fixtures.branch(system, community, "观测楼党支部", building);
  }

  /**
   * Registering a member: POST in members-service → MemberRegistered through the outbox and Kafka →
   * branches-service puts the member on the branch's roster → RosterChanged → activities-service
   * and members-service apply it. All of it is one trace.
   */
  @Test
  void oneTraceFollowsARequestThroughOutboxKafkaAndTheOtherServices() {
    String member = Fixtures.member(system, building, "1", "101", "周建华");

    ReceivedSpan published =
        Wait.untilPresent(
            "members-service's PRODUCER span of MemberRegistered",
            () -> find("members-service", Kind.PRODUCER, member, "MemberRegistered"));
    String traceId = published.traceId();
    Wait.until(
        "branches-service's RosterChanged applied by activities-service and members-service",
        // Each service exports its spans in its own batches: wait for every span asserted below,
        // not only the last hop (branches-service's consumer span once arrived after the others).
        () ->
            has(traceId, "activities-service", Kind.CONSUMER, "branches.events process")
                && has(traceId, "members-service", Kind.CONSUMER, "branches.events process")
                && has(traceId, "branches-service", Kind.CONSUMER, "members.events process")
                && has(traceId, "branches-service", Kind.PRODUCER, null)
                && has(traceId, "members-service", Kind.SERVER, null));
    List<ReceivedSpan> trace = system.traces.trace(traceId);
    writeTrace(trace);

    ReceivedSpan request = only(trace, "members-service", Kind.SERVER, "POST");
    assertThat(published.parentSpanId()).isEqualTo(request.spanId());
    ReceivedSpan consumedByBranches =
        only(trace, "branches-service", Kind.CONSUMER, "members.events process");
    assertThat(consumedByBranches.parentSpanId()).isEqualTo(published.spanId());
    assertThat(consumedByBranches.attributes())
        .containsEntry("messaging.consumer.group.name", "branches-service.members.events");
    ReceivedSpan consumedByActivities =
        only(trace, "activities-service", Kind.CONSUMER, "members.events process");
    assertThat(consumedByActivities.parentSpanId()).isEqualTo(published.spanId());
    // The roster change caused by the event continues the same trace.
    ReceivedSpan rosterChanged =
        trace.stream()
            .filter(s -> s.service().equals("branches-service") && s.kind() == Kind.PRODUCER)
            .filter(s -> "RosterChanged".equals(s.attributes().get("cloudevents.event_type")))
            .findFirst()
            .orElseThrow();
    assertThat(rosterChanged.parentSpanId()).isEqualTo(consumedByBranches.spanId());
    assertThat(trace.stream().map(ReceivedSpan::service).distinct())
        .containsExactlyInAnyOrder("members-service", "branches-service", "activities-service");
  }

  @org.junit.jupiter.api.AfterAll
  static void keepWhatTheCollectorReceived() throws IOException {
    if (system == null) {
      return; // the system did not start
    }
    Files.write(system.logs.resolve("otlp-requests.txt"), system.traces.requests());
    Files.write(
        system.logs.resolve("otlp-spans.txt"),
        system.traces.spans().stream().map(Object::toString).toList());
  }

  /** The series the Grafana dashboard and the runbook rely on, from every service. */
  @Test
  void metricsEndpointsExposeHttpJvmPoolOutboxAndConsumerSeries() throws IOException {
    // at least one API request and one consumed event per service before the scrape
    String member = Fixtures.member(system, building, "1", "102", "吴秀梅");
    given().baseUri(system.url("members-service")).get("/api/v1/members/" + member);
    given().baseUri(system.url("branches-service")).get("/api/v1/branches/" + branch);
    given()
        .baseUri(system.url("activities-service"))
        .get("/api/v1/branches/" + branch + "/visit-compliance?month=2026-11");
    for (String service : SystemUnderTest.SERVICES) {
      given().baseUri(system.url(service)).get("/q/health/ready").then().statusCode(200);
      String metrics =
          given()
              .baseUri(system.url(service))
              .get("/q/metrics")
              .then()
              .statusCode(200)
              .extract()
              .asString();
      Files.writeString(system.logs.resolve(service + "-metrics.txt"), metrics);
      assertThat(metrics).as(service + " /q/metrics").contains("jvm_threads_live_threads");
      for (String name : PrometheusSeries.SERVICE_METRICS) {
        assertThat(PrometheusSeries.exported(metrics, name))
            .as(service + " exports " + name)
            .isTrue();
      }
    }
  }

  /**
   * Each service starts with the environment docker-compose.yml gives its container (JSON logs,
   * CORS, token verification, keys), pointed at the test's PostgreSQL and Kafka: it becomes ready,
   * logs JSON, and Quarkus finds no configuration key it does not know.
   */
  @Test
  void eachServiceStartsWithItsComposeEnvironment() throws IOException {
    ComposeFile compose = ComposeFile.ofRepository(system.root);
    List<String> names = new java.util.ArrayList<>();
    try {
      // The three start side by side (each waits for its own readiness below).
      for (String service : SystemUnderTest.SERVICES) {
        Map<String, String> env = new LinkedHashMap<>(compose.environment(service));
        // This extra instance must not join the service's consumer groups: a rebalance would move
        // partitions away from the instance the other system tests rely on.
        // (The property name itself as the variable name: MP_MESSAGING_INCOMING_BRANCHES_EVENTS_...
        // would read as channel `branches`.)
        for (String channel : incomingChannels(service)) {
          env.put("mp.messaging.incoming." + channel + ".enabled", "false");
        }
        String name = service + "-compose";
        system.launchInstance(name, service, env);
        names.add(name);
      }
      for (String name : names) {
        String service = name.substring(0, name.length() - "-compose".length());
        system.awaitReady(name);
        given().baseUri(system.url(name)).get("/q/health/ready").then().statusCode(200);
        List<String> lines = Files.readAllLines(system.logFile(name));
        List<String> json = lines.stream().filter(l -> l.startsWith("{")).toList();
        assertThat(json).as(service + " logs JSON").isNotEmpty();
        ObjectMapper mapper = new ObjectMapper();
        for (String line : json) {
          JsonNode entry = mapper.readTree(line);
          assertThat(entry.has("timestamp") && entry.has("level") && entry.has("message"))
              .as(line)
              .isTrue();
        }
        assertThat(lines)
            .as(service + " log")
            .noneMatch(l -> l.contains("Unrecognized configuration key"))
            .noneMatch(l -> l.contains("Build time property cannot be changed at runtime"));
      }
    } finally {
      for (String name : names) {
        system.stop(name);
      }
    }
  }

  private static List<String> incomingChannels(String service) throws IOException {
    java.util.Properties properties = new java.util.Properties();
    try (var in =
        Files.newInputStream(
            system.root.resolve(service).resolve("src/main/resources/application.properties"))) {
      properties.load(in);
    }
    return properties.stringPropertyNames().stream()
        .filter(k -> k.startsWith("mp.messaging.incoming.") && k.endsWith(".connector"))
        .map(
            k -> k.substring("mp.messaging.incoming.".length(), k.length() - ".connector".length()))
        .toList();
  }

  private static Optional<ReceivedSpan> find(
      String service, Kind kind, String aggregateId, String eventType) {
    return system.traces.spans().stream()
        .filter(s -> s.service().equals(service) && s.kind() == kind)
        .filter(s -> aggregateId.equals(s.attributes().get("messaging.kafka.message.key")))
        .filter(s -> eventType.equals(s.attributes().get("cloudevents.event_type")))
        .findFirst();
  }

  private static boolean has(String traceId, String service, Kind kind, String name) {
    return system.traces.trace(traceId).stream()
        .anyMatch(
            s ->
                s.service().equals(service)
                    && s.kind() == kind
                    && (name == null || s.name().equals(name)));
  }

  private static ReceivedSpan only(
      List<ReceivedSpan> trace, String service, Kind kind, String namePrefix) {
    List<ReceivedSpan> found =
        trace.stream()
            .filter(s -> s.service().equals(service) && s.kind() == kind)
            .filter(s -> s.name().startsWith(namePrefix))
            .toList();
    assertThat(found).as(service + " " + kind + " " + namePrefix + " in " + trace).hasSize(1);
    return found.get(0);
  }

  private static void writeTrace(List<ReceivedSpan> trace) {
    Path file = system.logs.resolve("registration-trace.txt");
    String text =
        trace.stream()
            .map(
                s ->
                    String.join(
                        "\t", s.service(), s.kind().name(), s.name(), s.spanId(), s.parentSpanId()))
            .collect(Collectors.joining("\n"));
    try {
      Files.writeString(file, text + "\n");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
