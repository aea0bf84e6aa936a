package org.civic.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document each running service serves is the one committed in docs/api: a contract
 * change is always a visible diff. After an intended change, run the system tests with {@code
 * -Dopenapi.update=true} (or copy target/openapi/*.yaml) and commit docs/api.
 */
class OpenApiContractIT {
  static final Path COMMITTED = Path.of("..", "docs", "api");
  static final Path SERVED = Path.of("target", "openapi");
  static SystemUnderTest system;

  @BeforeAll
  static void startSystem() {
    system = SystemUnderTest.get();
  }

  @Test
  void theServedDocumentsAreTheCommittedOnes() throws IOException {
    boolean update = Boolean.getBoolean("openapi.update");
    List<String> drifted = new ArrayList<>();
    Files.createDirectories(SERVED);
    for (String service : List.of("members-service", "branches-service", "activities-service")) {
      String served =
          given()
              .baseUri(system.url(service))
              .auth()
              .none()
              .queryParam("format", "yaml")
              .get("/q/openapi")
              .then()
              .statusCode(200)
              .extract()
              .asString();
      Files.writeString(SERVED.resolve(service + ".yaml"), served);
      Path committed = COMMITTED.resolve(service + ".yaml");
      if (update) {
        Files.writeString(committed, served);
        continue;
      }
      JsonNode servedTree = EventContract.YAML.readTree(served);
      JsonNode committedTree =
          Files.exists(committed) ? EventContract.YAML.readTree(committed.toFile()) : null;
      if (!servedTree.equals(committedTree)) {
        drifted.add(service);
      }
    }
    assertThat(drifted)
        .as(
            "OpenAPI documents differ from docs/api (served copies in system-tests/target/openapi;"
                + " after an intended change rerun with -Dopenapi.update=true and commit docs/api)")
        .isEmpty();
  }
}
