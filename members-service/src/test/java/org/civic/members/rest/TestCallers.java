package org.civic.members.rest;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import org.civic.localinfra.security.TestTokens;

/**
 * The default caller of this module's tests: the demo street's administrator.
 *
 * <p>local-infra's {@code DefaultCallerExtension} is meant to do this, but under Quarkus 3.33 the
 * JUnit extension and a {@code @QuarkusTest} class see different copies of RestAssured (the test
 * runs in Quarkus' class loader), so its default token never reaches the test's requests. Each test
 * class calls {@link #useStreetAdmin()} in a {@code @BeforeEach} instead.
 */
public final class TestCallers {
  private TestCallers() {}

  /** Every request of the current test carries the demo street administrator's token. */
  public static void useStreetAdmin() {
    RestAssured.requestSpecification =
        new RequestSpecBuilder().setAuth(RestAssured.oauth2(TestTokens.streetAdmin())).build();
  }
}
