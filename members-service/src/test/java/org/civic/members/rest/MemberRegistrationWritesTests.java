package org.civic.members.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.civic.members.rest.TestData.knownBuilding;
import static org.civic.members.rest.TestData.memberJson;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.civic.localinfra.LocalInfraTestResource;
import org.civic.members.domain.MemberRules;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * A registration is plain JDBC on the transaction's connection (session 11 in bench/README.md):
 * Hibernate's session, insert machinery and flush were ~25 % of its CPU. What it writes is checked
 * row by row, as the entities wrote it.
 */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "members"))
class MemberRegistrationWritesTests {
  @Inject EntityManagerFactory factory;
  @Inject AgroalDataSource dataSource;

  @Test
  void aRegistrationOpensNoHibernateSessionAndPreparesNoStatementThroughIt() {
    UUID building = knownBuilding(UUID.randomUUID());
    // Warm: the first request of a test run may load other things (scope caches, the building).
    TestData.register(memberJson("预热", building, "1", "100"));
    Statistics stats = factory.unwrap(SessionFactory.class).getStatistics();
    long sessions = stats.getSessionOpenCount();
    long statements = stats.getPrepareStatementCount();
    long inserts = stats.getEntityInsertCount();
    long loads = stats.getEntityLoadCount();

    TestData.register(memberJson("无会话", building, "1", "101"));

    assertThat(stats.getSessionOpenCount() - sessions).as("Hibernate sessions opened").isZero();
    assertThat(stats.getPrepareStatementCount() - statements)
        .as("statements prepared by Hibernate")
        .isZero();
    assertThat(stats.getEntityInsertCount() - inserts).as("entity inserts").isZero();
    assertThat(stats.getEntityLoadCount() - loads).as("entity loads").isZero();
  }

  @Test
  void aRegistrationAndARelocationReadTheBuildingInTheHouseholdsStatement() {
    StatementCounts statements = new StatementCounts(dataSource);
    UUID community = UUID.randomUUID();
    UUID building = knownBuilding(community);
    UUID other = knownBuilding(community);
    TestData.register(memberJson("预热", building, "1", "100"));
    long buildingReads = statements.calls("select community_id from known_building", "");
    long householdStatements = statements.calls("with building as", "insert into household");

    String id = TestData.register(memberJson("一趟", building, "1", "103"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"buildingId\":\"%s\",\"unit\":\"2\",\"room\":\"201\"}".formatted(other))
        .post("/api/v1/members/" + id + "/relocation")
        .then()
        .statusCode(200)
        .body("buildingId", equalTo(other.toString()))
        .body("communityId", equalTo(community.toString()));

    assertThat(statements.calls("select community_id from known_building", "") - buildingReads)
        .as("reads of the building on their own")
        .isZero();
    assertThat(statements.calls("with building as", "insert into household") - householdStatements)
        .as("the household's statement, with the building")
        .isEqualTo(2);
  }

  @Test
  void aRegistrationWritesTheMemberItsFirstStatusAndItsSpecialtiesAsTheEntitiesDid()
      throws Exception {
    UUID community = UUID.randomUUID();
    UUID building = knownBuilding(community);
    String id =
        given()
            .contentType(ContentType.JSON)
            .body(
                memberJson(
                    " 行写 ",
                    "1950-05-06",
                    "RETIRED",
                    building,
                    "3",
                    "302",
                    "[\"Tai Chi\",\"medical\",\"calligraphy\"]"))
            .post("/api/v1/members")
            .then()
            .statusCode(201)
            .header("ETag", equalTo("W/\"0\""))
            .body("version", equalTo(0))
            .body("name", equalTo("行写"))
            .body("specialties", containsInAnyOrder("calligraphy", "medical", "tai chi"))
            .extract()
            .path("id");

    List<String> member =
        row(
            "select name, gender, birth_date::text, ethnicity, phone, standing, category,"
                + " membership_held, community_id::text, building_id::text, unit, room,"
                + " branch_id::text, roster_version::text, status, status_since::text, version::text,"
                + " (created_at = updated_at)::text, (household_id = (select h.id from household h"
                + " where h.building_id = m.building_id and h.unit = m.unit and h.room = m.room))"
                + "::text from member m where id = ?",
            id);
    assertThat(member)
        .containsExactly(
            "行写",
            "FEMALE",
            "1950-05-06",
            "汉族",
            "13800000000",
            "FULL",
            "RETIRED",
            "COMMUNITY",
            community.toString(),
            building.toString(),
            "3",
            "302",
            null,
            "0",
            "ACTIVE",
            MemberRules.today().toString(),
            "0",
            "true",
            "true");
    assertThat(
            row(
                "select string_agg(tag, ',' order by tag) from member_specialty where member_id = ?",
                id))
        .containsExactly("calligraphy,medical,tai chi");
    assertThat(
            row(
                "select community_id::text, from_status, to_status, effective_date::text, reason,"
                    + " (id is not null)::text from member_status_history where member_id = ?",
                id))
        .containsExactly(
            community.toString(),
            null,
            "ACTIVE",
            MemberRules.today().toString(),
            "registered (登记)",
            "true");
    // The API reads it back as it answered the registration.
    given()
        .get("/api/v1/members/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("行写"))
        .body("specialties", contains("calligraphy", "medical", "tai chi"))
        .body("version", equalTo(0));
  }

  @Test
  void aRegistrationWithoutSpecialtiesWritesNone() throws Exception {
    UUID building = knownBuilding(UUID.randomUUID());
    String id =
        TestData.register(memberJson("无特长", "1950-01-01", "RETIRED", building, "1", "1", "[]"));
    assertThat(row("select count(*)::text from member_specialty where member_id = ?", id))
        .containsExactly("0");
    assertThat(row("select count(*)::text from member_status_history where member_id = ?", id))
        .containsExactly("1");
  }

  private List<String> row(String sql, String id) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, UUID.fromString(id));
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).as("a row for " + id).isTrue();
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          values.add(rs.getString(i));
        }
        return values;
      }
    }
  }
}
