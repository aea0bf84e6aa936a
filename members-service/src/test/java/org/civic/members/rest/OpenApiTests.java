package org.civic.members.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.civic.localinfra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "members"))
class OpenApiTests {
  @Test
  void theApiDocumentNamesTheChineseTermsAndTheImportLayout() {
    given()
        .queryParam("format", "json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(containsString("RETIRED_CADRE — 离休"))
        .body(containsString("LOST_CONTACT — 失联"))
        .body(containsString("/api/v1/members/import"))
        .body(containsString("All or nothing"))
        .body(containsString("/api/v1/transfers/{id}/confirmation"))
        .body(containsString("/api/v1/households"));
  }
}
