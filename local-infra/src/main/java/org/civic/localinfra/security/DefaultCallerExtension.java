package org.civic.localinfra.security;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes every rest-assured request of a test carry the street administrator's token unless the test
 * says otherwise ({@code given().auth().oauth2(other)} or {@code .auth().none()}). Registered by
 * JUnit's extension auto-detection (enabled in each service's junit-platform.properties).
 */
public class DefaultCallerExtension implements BeforeEachCallback {
  @Override
  public void beforeEach(ExtensionContext context) {
    RestAssured.requestSpecification =
        new RequestSpecBuilder().setAuth(RestAssured.oauth2(TestTokens.streetAdmin())).build();
  }
}
