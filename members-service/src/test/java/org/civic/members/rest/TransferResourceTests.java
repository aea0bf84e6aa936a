package org.civic.members.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.civic.members.rest.TestData.knownBuilding;
import static org.civic.members.rest.TestData.memberJson;
import static org.civic.members.rest.TestData.register;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.civic.localinfra.KafkaTestClient;
import org.civic.localinfra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "members"))
class TransferResourceTests {
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  static String out(String memberId, LocalDate validUntil) {
    return """
        {"direction":"OUT","memberId":"%s","letterNumber":"宁组转〔2026〕7号",
         "validUntil":"%s","counterpartOrganisation":"鼓楼区华侨路社区党委"}
        """
        .formatted(memberId, validUntil);
  }

  @Test
  void anOutgoingMemberStaysActiveUntilConfirmationThenIsTransferredOut() {
    UUID building = knownBuilding(UUID.randomUUID());
    String member = register(memberJson("高远行", building, "1", "1"));
    String transfer =
        given()
            .contentType(ContentType.JSON)
            .body(out(member, TODAY.plusDays(30)))
            .post("/api/v1/transfers")
            .then()
            .statusCode(201)
            .body("state", equalTo("REQUESTED"))
            .extract()
            .path("id");
    given().get("/api/v1/members/" + member).then().body("status", equalTo("ACTIVE"));
    // A second open transfer for the same member is a conflict.
    given()
        .contentType(ContentType.JSON)
        .body(out(member, TODAY.plusDays(30)))
        .post("/api/v1/transfers")
        .then()
        .statusCode(409);
    given()
        .contentType(ContentType.JSON)
        .post("/api/v1/transfers/" + transfer + "/confirmation")
        .then()
        .statusCode(200)
        .body("state", equalTo("CONFIRMED"))
        .body("decidedAt", notNullValue());
    given().get("/api/v1/members/" + member).then().body("status", equalTo("TRANSFERRED_OUT"));
    given()
        .contentType(ContentType.JSON)
        .post("/api/v1/transfers/" + transfer + "/rejection")
        .then()
        .statusCode(422)
        .body("detail", containsString("CONFIRMED"));
    var events =
        TestData.kafka()
            .awaitRecords(
                "members.events",
                r ->
                    member.equals(r.key())
                        && "MemberStatusChanged".equals(KafkaTestClient.header(r, "ce_type")),
                1,
                Duration.ofSeconds(30));
    assertThat(events.get(0).value()).contains("TRANSFERRED_OUT").contains("鼓楼区华侨路社区党委");
  }

  @Test
  void aRejectedTransferLeavesTheMemberUnchanged() {
    UUID building = knownBuilding(UUID.randomUUID());
    String member = register(memberJson("高留下", building, "1", "2"));
    String transfer =
        given()
            .contentType(ContentType.JSON)
            .body(out(member, TODAY.plusDays(10)))
            .post("/api/v1/transfers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"介绍信有误\",\"version\":0}")
        .post("/api/v1/transfers/" + transfer + "/rejection")
        .then()
        .statusCode(200)
        .body("state", equalTo("REJECTED"))
        .body("decisionReason", equalTo("介绍信有误"));
    given().get("/api/v1/members/" + member).then().body("status", equalTo("ACTIVE"));
    given()
        .queryParam("memberId", member)
        .queryParam("state", "REJECTED")
        .get("/api/v1/transfers")
        .then()
        .body("total", equalTo(1));
  }

  @Test
  void anIncomingTransferRegistersTheMemberOnConfirmation() {
    UUID community = UUID.randomUUID();
    UUID building = knownBuilding(community);
    String body =
        """
        {"direction":"IN","letterNumber":"苏组转〔2026〕3号","validUntil":"%s",
         "counterpartOrganisation":"苏州市某街道党工委","member":%s}
        """
            .formatted(TODAY.plusDays(20), memberJson("林归来", building, "3", "303"));
    String transfer =
        given()
            .contentType(ContentType.JSON)
            .body(body)
            .post("/api/v1/transfers")
            .then()
            .statusCode(201)
            .body("communityId", equalTo(community.toString()))
            .body("memberName", equalTo("林归来"))
            .body("memberId", equalTo(null))
            .extract()
            .path("id");
    given().queryParam("q", "林归来").get("/api/v1/members").then().body("total", equalTo(0));
    String member =
        given()
            .contentType(ContentType.JSON)
            .header("If-Match", "W/\"0\"")
            .post("/api/v1/transfers/" + transfer + "/confirmation")
            .then()
            .statusCode(200)
            .body("state", equalTo("CONFIRMED"))
            .extract()
            .path("memberId");
    given()
        .get("/api/v1/members/" + member)
        .then()
        .statusCode(200)
        .body("name", equalTo("林归来"))
        .body("birthDate", equalTo("1948-03-02"))
        .body("room", equalTo("303"))
        .body("status", equalTo("ACTIVE"))
        .body("communityId", equalTo(community.toString()));
  }

  @Test
  void badTransferRequestsAreRefusedAndStoreNothing() {
    UUID building = knownBuilding(UUID.randomUUID());
    String member = register(memberJson("高误", building, "1", "3"));
    given()
        .contentType(ContentType.JSON)
        .body(out(member, TODAY.minusDays(1)))
        .post("/api/v1/transfers")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("validUntil"));
    given()
        .contentType(ContentType.JSON)
        .body(out(member, TODAY).replace("\"OUT\"", "\"SIDEWAYS\""))
        .post("/api/v1/transfers")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("direction"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"direction\":\"OUT\",\"memberId\":\"%s\"}".formatted(member))
        .post("/api/v1/transfers")
        .then()
        .statusCode(400);
    given()
        .contentType(ContentType.JSON)
        .body(out(member, TODAY).replace("\"memberId\":\"" + member + "\",", ""))
        .post("/api/v1/transfers")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("memberId"));
    given()
        .queryParam("memberId", member)
        .get("/api/v1/transfers")
        .then()
        .body("total", equalTo(0));
  }
}
