package org.civic.localinfra.security;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Every rest-assured request of a {@code @QuarkusTest} carries the demo street administrator's
 * token unless the test says otherwise ({@code given().auth().oauth2(other)} or {@code
 * .auth().none()}). Registered for every Quarkus test of a module that depends on local-infra
 * (META-INF/services); a module without rest-assured (eventing) is left alone.
 *
 * <p>A Quarkus callback, not a JUnit extension: a {@code @QuarkusTest} runs in Quarkus' own class
 * loader, so only a callback sets the RestAssured its requests use. Only the default authentication
 * is set: a request specification would pin the port before Quarkus sets it.
 */
public class DefaultCallerCallback implements QuarkusTestBeforeEachCallback {
  private static final boolean REST_ASSURED = isPresent("io.restassured.RestAssured");

  @Override
  public void beforeEach(QuarkusTestMethodContext context) {
    if (REST_ASSURED) {
      StreetAdmin.useByDefault();
    }
  }

  private static boolean isPresent(String className) {
    try {
      Class.forName(className, false, DefaultCallerCallback.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Separate class: RestAssured is resolved only when it is on the classpath. */
  private static final class StreetAdmin {
    static void useByDefault() {
      RestAssured.authentication = RestAssured.oauth2(TestTokens.streetAdmin());
    }
  }
}
