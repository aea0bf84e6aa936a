package org.civic.localinfra.security;

import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For plain JUnit tests (system-tests): every rest-assured request carries the demo street
 * administrator's token unless the test says otherwise ({@code given().auth().oauth2(other)} or
 * {@code .auth().none()}). Registered in system-tests (META-INF/services + auto-detection); a
 * {@code @QuarkusTest} uses {@link DefaultCallerCallback} instead.
 */
public class DefaultCallerExtension implements BeforeAllCallback, BeforeEachCallback {
  @Override
  public void beforeAll(ExtensionContext context) {
    useDefaultCaller(); // also for data a test class builds in @BeforeAll
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    useDefaultCaller(); // undo whatever the previous test set
  }

  private static void useDefaultCaller() {
    RestAssured.authentication = RestAssured.oauth2(TestTokens.streetAdmin());
  }
}
