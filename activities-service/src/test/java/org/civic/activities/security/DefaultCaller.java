package org.civic.activities.security;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import org.civic.localinfra.security.TestTokens;

/**
 * Makes every rest-assured request of a {@code @QuarkusTest} carry the demo street administrator's
 * token unless the test says otherwise ({@code given().auth().oauth2(other)} or {@code
 * .auth().none()}).
 *
 * <p>local-infra's DefaultCallerExtension means to do this, but as a plain JUnit extension it sets
 * the RestAssured of JUnit's class loader, not the one the Quarkus test class uses, so its default
 * never reaches the requests. A Quarkus test callback runs in the test's class loader.
 */
public class DefaultCaller implements QuarkusTestBeforeEachCallback {
  @Override
  public void beforeEach(QuarkusTestMethodContext context) {
    // The default authentication only: a request specification would also pin the port before
    // Quarkus has set the test port.
    RestAssured.authentication = RestAssured.oauth2(TestTokens.streetAdmin());
  }
}
