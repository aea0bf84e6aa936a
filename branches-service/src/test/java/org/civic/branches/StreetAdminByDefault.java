package org.civic.branches;

import io.restassured.RestAssured;
import org.civic.localinfra.security.TestTokens;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every rest-assured request of a test carries the demo street administrator's token unless it says
 * otherwise ({@code given().auth().oauth2(other)} or {@code given().auth().none()}).
 *
 * <p>Why not local-infra's auto-detected {@code DefaultCallerExtension}: JUnit loads auto-detected
 * extensions with the launcher's class loader, so they set the {@code RestAssured} of that loader,
 * not the one a {@code @QuarkusTest} class uses (its requests went out without a token: 401); and
 * the request specification it builds captures the port before Quarkus sets it. Registered with
 * {@code @ExtendWith} on each test class, this one shares the test's class loader, and sets only
 * the default authentication.
 */
public class StreetAdminByDefault implements BeforeAllCallback, BeforeEachCallback {
  @Override
  public void beforeAll(ExtensionContext context) {
    RestAssured.authentication = RestAssured.oauth2(TestTokens.streetAdmin());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    RestAssured.authentication = RestAssured.oauth2(TestTokens.streetAdmin());
  }
}
