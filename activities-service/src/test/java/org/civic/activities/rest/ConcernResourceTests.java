package org.civic.activities.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civic.localinfra.KafkaTestClient;
import org.civic.localinfra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "activities"))
class ConcernResourceTests {

  static String raise(UUID branch, String raisedAt) {
    return given()
        .contentType(ContentType.JSON)
        .body(
            """
            {"branchId":"%s","category":"DIFFICULTY","title":"楼道灯坏了","raisedByName":"李阿姨",
             "location":"3号楼2单元","raisedAt":%s}
            """
                .formatted(branch, raisedAt == null ? "null" : "\"" + raisedAt + "\""))
        .post("/api/v1/concerns")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void aConcernIsAssignedAndResolved() {
    TestEvents.World w = TestEvents.world(1);
    String id = raise(w.branch(), null);
    given()
        .contentType(ContentType.JSON)
        .body("{\"memberId\":\"%s\",\"version\":0}".formatted(w.member(0)))
        .post("/api/v1/concerns/" + id + "/assignment")
        .then()
        .statusCode(200)
        .body("status", equalTo("ASSIGNED"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"resolution\":\"已更换灯泡\",\"version\":1}")
        .post("/api/v1/concerns/" + id + "/resolution")
        .then()
        .statusCode(200)
        .body("status", equalTo("RESOLVED"))
        .body("communityId", equalTo(w.community().toString()));
  }

  @Test
  void anInvalidTransitionIsA422AndChangesNothing() {
    TestEvents.World w = TestEvents.world(1);
    String id = raise(w.branch(), null);
    given()
        .contentType(ContentType.JSON)
        .body("{\"resolution\":\"done\",\"version\":0}")
        .post("/api/v1/concerns/" + id + "/resolution")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("status"));
    given()
        .get("/api/v1/concerns/" + id)
        .then()
        .body("status", equalTo("OPEN"))
        .body("version", equalTo(0));
  }

  @Test
  void escalatingPublishesConcernEscalated() {
    TestEvents.World w = TestEvents.world(1);
    String id = raise(w.branch(), null);
    given()
        .contentType(ContentType.JSON)
        .body("{\"escalatedTo\":\"STREET\",\"note\":\"需街道协调\",\"version\":0}")
        .post("/api/v1/concerns/" + id + "/escalation")
        .then()
        .statusCode(200)
        .body("status", equalTo("ESCALATED"));
    List<ConsumerRecord<String, String>> events =
        new KafkaTestClient(LocalInfraTestResource.kafkaBootstrapServers())
            .awaitRecords("activities.events", r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
    assertThat(KafkaTestClient.header(events.get(0), "ce_type")).isEqualTo("ConcernEscalated");
    assertThat(events.get(0).value().replace(" ", ""))
        .contains("\"escalatedTo\":\"STREET\"")
        .doesNotContain("\"title\""); // free text about residents stays out of events
  }

  @Test
  void openConcernsOlderThanNDaysAreListed() {
    TestEvents.World w = TestEvents.world(1);
    String old = raise(w.branch(), OffsetDateTime.now().minusDays(10).toString());
    String fresh = raise(w.branch(), null);
    String oldResolved = raise(w.branch(), OffsetDateTime.now().minusDays(20).toString());
    given()
        .contentType(ContentType.JSON)
        .body("{\"escalatedTo\":\"COMMUNITY\",\"version\":0}")
        .post("/api/v1/concerns/" + oldResolved + "/escalation")
        .then()
        .statusCode(200);
    given()
        .queryParam("branchId", w.branch().toString())
        .queryParam("openOlderThanDays", 7)
        .get("/api/v1/concerns")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items.id", hasItem(old))
        .body("items.id", not(hasItem(fresh)));
    given()
        .queryParam("openOlderThanDays", -1)
        .get("/api/v1/concerns")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void badInputIsA400AndAnUnknownBranchA422() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"category\":\"WISH\"}")
        .post("/api/v1/concerns")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("category"));
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"branchId\":\"%s\",\"category\":\"SUGGESTION\",\"title\":\"x\",\"raisedByName\":\"张\"}"
                .formatted(UUID.randomUUID()))
        .post("/api/v1/concerns")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("branchId"));
  }
}
