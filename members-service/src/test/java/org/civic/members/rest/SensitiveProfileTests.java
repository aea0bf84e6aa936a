package org.civic.members.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.civic.members.rest.TestData.knownBuilding;
import static org.civic.members.rest.TestData.memberJson;
import static org.civic.members.rest.TestData.register;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.UUID;
import org.civic.localinfra.LocalInfraTestResource;
import org.civic.members.service.IdNumberRotation;
import org.civic.web.security.FieldCipher;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** ID numbers in the sensitive profile: validated, encrypted at rest, shown masked, rotated. */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "members"))
class SensitiveProfileTests {
  static final String ID = "11010519491231002X";
  static final String MASKED = "110***********002X";

  @Inject AgroalDataSource dataSource;
  @Inject IdNumberRotation rotation;

  String stored(String memberId) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "select id_number_enc from member_sensitive_profile where member_id = ?")) {
      q.setObject(1, UUID.fromString(memberId));
      ResultSet rs = q.executeQuery();
      return rs.next() ? rs.getString(1) : null;
    }
  }

  void store(String memberId, String value) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement u =
            c.prepareStatement(
                "update member_sensitive_profile set id_number_enc = ? where member_id = ?")) {
      u.setString(1, value);
      u.setObject(2, UUID.fromString(memberId));
      assertThat(u.executeUpdate()).isEqualTo(1);
    }
  }

  /** The test configuration's older key, as a cipher that encrypts with it. */
  static FieldCipher oldKey() {
    String keys = ConfigProvider.getConfig().getValue("security.encryption.keys", String.class);
    return new FieldCipher(
        Arrays.stream(keys.split(",")).filter(k -> k.startsWith("test-old:")).findFirst().get());
  }

  static String profile(String idNumber, Object version) {
    return """
        {"health":"良好","hardship":false%s,"version":%s}
        """
        .formatted(idNumber == null ? "" : ",\"idNumber\":\"" + idNumber + "\"", version);
  }

  String member() {
    return register(memberJson("身份证", knownBuilding(UUID.randomUUID()), "1", "1"));
  }

  @Test
  void anIdNumberIsStoredEncryptedAndOnlyEverShownMasked() throws Exception {
    String id = member();
    given()
        .contentType(ContentType.JSON)
        .body(profile(" 11010519491231002x ", null))
        .put("/api/v1/members/" + id + "/sensitive-profile")
        .then()
        .statusCode(200)
        .body("idNumberMasked", equalTo(MASKED))
        .body(not(containsString("1101051949")));
    given()
        .get("/api/v1/members/" + id + "/sensitive-profile")
        .then()
        .body("idNumberMasked", equalTo(MASKED))
        .body(not(containsString("1101051949")));
    String stored = stored(id);
    assertThat(stored).startsWith("test-current:").doesNotContain("1101051949");
    // Never in the member record, lists or exports.
    given().get("/api/v1/members/" + id).then().body(not(containsString("002X")));
    given()
        .queryParam("q", "身份证")
        .get("/api/v1/members")
        .then()
        .body(not(containsString("002X")))
        .body(not(containsString("idNumber")));
  }

  @Test
  void anInvalidIdNumberIsA400NamingTheFieldAndChangesNothing() throws Exception {
    String id = member();
    given()
        .contentType(ContentType.JSON)
        .body(profile(ID, null))
        .put("/api/v1/members/" + id + "/sensitive-profile")
        .then()
        .statusCode(200);
    String before = stored(id);
    for (String bad :
        new String[] {"110105194912310021", "1101051949123100", "11010519491331002X"}) {
      given()
          .contentType(ContentType.JSON)
          .body(profile(bad, 0))
          .put("/api/v1/members/" + id + "/sensitive-profile")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("idNumber"));
    }
    assertThat(stored(id)).isEqualTo(before);
  }

  @Test
  void leavingTheIdNumberOutKeepsItAndAnEmptyOneRemovesIt() throws Exception {
    String id = member();
    given()
        .contentType(ContentType.JSON)
        .body(profile(ID, null))
        .put("/api/v1/members/" + id + "/sensitive-profile")
        .then()
        .statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .body(profile(null, 0))
        .put("/api/v1/members/" + id + "/sensitive-profile")
        .then()
        .statusCode(200)
        .body("idNumberMasked", equalTo(MASKED));
    given()
        .contentType(ContentType.JSON)
        .body(profile("", 1))
        .put("/api/v1/members/" + id + "/sensitive-profile")
        .then()
        .statusCode(200)
        .body("idNumberMasked", nullValue());
    assertThat(stored(id)).isNull();
  }

  @Test
  void aNumberSealedWithAnOlderKeyIsReEncryptedOnWriteAndByTheRotation() throws Exception {
    String written = member();
    String rotated = member();
    for (String id : new String[] {written, rotated}) {
      given()
          .contentType(ContentType.JSON)
          .body(profile(ID, null))
          .put("/api/v1/members/" + id + "/sensitive-profile")
          .then()
          .statusCode(200);
      store(id, oldKey().encrypt(ID));
      assertThat(stored(id)).startsWith("test-old:");
      // Still readable (the old key still decrypts).
      given()
          .get("/api/v1/members/" + id + "/sensitive-profile")
          .then()
          .body("idNumberMasked", equalTo(MASKED));
    }
    // A write of the profile seals it with the current key.
    given()
        .contentType(ContentType.JSON)
        .body(profile(null, 0))
        .put("/api/v1/members/" + written + "/sensitive-profile")
        .then()
        .statusCode(200)
        .body("idNumberMasked", equalTo(MASKED));
    assertThat(stored(written)).startsWith("test-current:");
    // The rotation re-encrypts the rest without changing the profile's version.
    assertThat(rotation.rotateAll()).isGreaterThanOrEqualTo(1);
    assertThat(stored(rotated)).startsWith("test-current:");
    given()
        .get("/api/v1/members/" + rotated + "/sensitive-profile")
        .then()
        .body("idNumberMasked", equalTo(MASKED))
        .body("version", equalTo(0));
    assertThat(rotation.rotateAll()).isZero();
  }
}
