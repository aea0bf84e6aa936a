package org.civic.members.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.civic.members.rest.TestData.knownBuilding;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.civic.localinfra.LocalInfraTestResource;
import org.civic.members.service.sheet.GeneratedRegister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures the import of a generated register (not a timed assertion). Runs only on request: {@code
 * ./mvnw -pl members-service test -Dtest=ImportTimingTests -Dimport.timing=true
 * [-Dimport.rows=10000]}; prints the time.
 */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "members"))
@EnabledIfSystemProperty(named = "import.timing", matches = "true")
class ImportTimingTests {
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @Test
  void timeTheImportOfAGeneratedRegister() throws Exception {
    int rows = Integer.getInteger("import.rows", 10_000);
    UUID community = UUID.randomUUID();
    List<UUID> buildings = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      buildings.add(knownBuilding(community));
    }
    byte[] file = GeneratedRegister.xlsx(rows, buildings);
    long start = System.nanoTime();
    int serverMillis =
        given()
            .config(
                RestAssuredConfig.config()
                    .httpClient(
                        HttpClientConfig.httpClientConfig()
                            .setParam("http.socket.timeout", 900_000)))
            .contentType(XLSX)
            .body(file)
            .post("/api/v1/members/import")
            .then()
            .statusCode(200)
            .extract()
            .path("millis");
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "IMPORT TIMING: %d rows (%d bytes xlsx) imported in %d ms end to end, %d ms in the"
            + " service transaction%n",
        rows, file.length, millis, serverMillis);
    int total =
        given()
            .queryParam("communityId", community.toString())
            .get("/api/v1/members")
            .then()
            .extract()
            .path("total");
    assertThat(total).isEqualTo(rows);
    long exportStart = System.nanoTime();
    byte[] export =
        given()
            .queryParam("communityId", community.toString())
            .get("/api/v1/members/export")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    System.out.printf(
        "EXPORT TIMING: %d rows, %d bytes in %d ms%n",
        rows, export.length, (System.nanoTime() - exportStart) / 1_000_000);
  }
}
