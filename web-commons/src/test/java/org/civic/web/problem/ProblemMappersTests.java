package org.civic.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import org.civic.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class ProblemMappersTests {
  final ProblemMappers mappers = new ProblemMappers();

  @Test
  void aUniqueViolationFromARaceIsA409NotA500() {
    Response response =
        mappers.unexpected(
            new IllegalStateException(
                "commit failed", new SQLException("duplicate key value", "23505")),
            null);
    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(((Problem) response.getEntity()).type()).isEqualTo("urn:problem-type:conflict");
  }

  @Test
  void anythingElseUnexpectedIsA500ThatLeaksNoDetails() {
    Response response = mappers.unexpected(new NullPointerException("secret internals"), null);
    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(((Problem) response.getEntity()).detail()).doesNotContain("secret");
  }

  @Test
  void aRuleViolationIsA422NamingEveryField() {
    Response response =
        mappers.ruleViolation(
            new RuleViolation(
                List.of(
                    new RuleViolation.Violation("row 2: name", "must not be blank"),
                    new RuleViolation.Violation("row 5: birthDate", "must not be in the future"))),
            null);
    Problem problem = (Problem) response.getEntity();
    assertThat(response.getStatus()).isEqualTo(422);
    assertThat(problem.errors())
        .extracting(Problem.FieldError::field)
        .containsExactly("row 2: name", "row 5: birthDate");
  }

  /** Quarkus REST's Jackson reader throws a 400 WebApplicationException around the parse error. */
  @Test
  void aBodyThatIsNotJsonSaysSo() {
    Response response =
        mappers.webApplication(
            new WebApplicationException(
                new JsonParseException(null, "Unexpected end-of-input: expected close marker"),
                Response.Status.BAD_REQUEST),
            null);
    Problem problem = (Problem) response.getEntity();
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(problem.title()).isEqualTo("Malformed request body");
    assertThat(problem.detail()).startsWith("The body is not valid JSON: Unexpected end-of-input");
  }
}
