package org.civic.web.openapi;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.civic.web.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Documents the error answers every operation can give, the same way in every service, so clients
 * generated from the documents know them: problem+json with the {@code Problem} schema. Operations
 * keep any response they document themselves. Registered with {@code mp.openapi.filter}.
 */
public class StandardResponsesFilter implements OASFilter {
  private static final String PROBLEM_REF = "#/components/schemas/Problem";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    ensureProblemSchema(openAPI);
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    openAPI
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) ->
                item.getOperations()
                    .forEach((method, operation) -> document(path, method, operation)));
  }

  private void document(String path, PathItem.HttpMethod method, Operation operation) {
    rolesIntoDescription(operation);
    if (operation.getResponses() == null) {
      operation.setResponses(OASFactory.createAPIResponses());
    }
    APIResponses responses = operation.getResponses();
    boolean secured = !path.startsWith("/q/");
    boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
    add(responses, "400", "Invalid request: a parameter or the body is malformed or invalid");
    if (secured) {
      add(responses, "401", "No bearer token, or an invalid, expired or foreign-signed one");
      add(
          responses,
          "403",
          "The caller's role may not do this, or the target is outside its scope");
    }
    if (path.contains("{")) {
      add(responses, "404", "Not found, or outside the caller's scope (existence is not revealed)");
    }
    if (writes) {
      add(responses, "409", "Conflict: a stale version, a duplicate, or a concurrent change");
      add(responses, "422", "The request breaks a domain rule (the detail says which)");
    }
    if (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH) {
      add(responses, "412", "If-Match does not match the current version (ETag)");
      add(responses, "428", "The update carries no version: send If-Match or the body's version");
    }
    add(responses, "500", "Unexpected error; nothing internal is revealed");
    if (method == PathItem.HttpMethod.GET) {
      conditionalGet(responses);
    }
  }

  /**
   * Every JSON GET carries an ETag of its body and answers If-None-Match with 304 (web-commons
   * ConditionalGet), so say so where a client generator and a reader look: the 200's headers and a
   * 304 response.
   */
  private static void conditionalGet(APIResponses responses) {
    APIResponse ok = responses.getAPIResponse("200");
    if (ok == null
        || ok.getContent() == null
        || ok.getContent().getMediaType("application/json") == null) {
      return;
    }
    if (ok.getHeaders() == null || !ok.getHeaders().containsKey(ApiDocs.ETAG)) {
      ok.addHeader(
          ApiDocs.ETAG,
          OASFactory.createHeader()
              .description(ApiDocs.ETAG_DESCRIPTION)
              .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
    }
    if (responses.getAPIResponse("304") == null) {
      responses.addAPIResponse(
          "304",
          OASFactory.createAPIResponse()
              .description("Not modified: If-None-Match names the current ETag; no body is sent"));
    }
  }

  /**
   * The scanner lists an operation's {@code @RolesAllowed} as scopes of the bearer requirement,
   * which OpenAPI allows only for OAuth2/OpenID schemes (linters reject it). Keep the requirement,
   * and say the roles in the description, where people and generated clients read them.
   */
  private static void rolesIntoDescription(Operation operation) {
    if (operation.getSecurity() == null) {
      return;
    }
    Set<String> roles = new TreeSet<>();
    for (SecurityRequirement requirement : operation.getSecurity()) {
      if (requirement.getSchemes() == null) {
        continue;
      }
      for (Map.Entry<String, List<String>> scheme :
          Map.copyOf(requirement.getSchemes()).entrySet()) {
        if (scheme.getValue() != null && !scheme.getValue().isEmpty()) {
          roles.addAll(scheme.getValue());
          requirement.removeScheme(scheme.getKey());
          requirement.addScheme(scheme.getKey());
        }
      }
    }
    if (!roles.isEmpty()) {
      String text = "Roles: " + String.join(", ", roles) + " (within the caller's org unit scope).";
      operation.setDescription(
          operation.getDescription() == null || operation.getDescription().isBlank()
              ? text
              : operation.getDescription() + "\n\n" + text);
    }
  }

  /** The Problem schema, when no operation has made the scanner add it already. */
  private static void ensureProblemSchema(OpenAPI openAPI) {
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
    if (schemas != null && schemas.containsKey("Problem")) {
      return;
    }
    openAPI
        .getComponents()
        .addSchema(
            "FieldError",
            OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("One offending field")
                .addProperty("field", text("Field path, e.g. residence.buildingId"))
                .addProperty("message", text("What is wrong with it")))
        .addSchema(
            "Problem",
            OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem detail (错误说明)")
                .addProperty("type", text("Stable identifier of the kind of problem"))
                .addProperty("title", text("Short summary of the kind of problem"))
                .addProperty(
                    "status",
                    OASFactory.createSchema()
                        .type(List.of(Schema.SchemaType.INTEGER))
                        .description("HTTP status code"))
                .addProperty("detail", text("What went wrong in this occurrence"))
                .addProperty("instance", text("The request path"))
                .addProperty(
                    "errors",
                    OASFactory.createSchema()
                        .type(List.of(Schema.SchemaType.ARRAY))
                        .description("The offending fields, for validation errors")
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError"))));
  }

  private static Schema text(String description) {
    return OASFactory.createSchema()
        .type(List.of(Schema.SchemaType.STRING))
        .description(description);
  }

  /**
   * Adds the error answer, or completes one the scanner added without a body (it documents 401 and
   * 403 of {@code @RolesAllowed} as "Not Authorized" / "Not Allowed" with no content, while the
   * services answer them with problem+json).
   */
  private static void add(APIResponses responses, String status, String description) {
    Map<String, APIResponse> existing = responses.getAPIResponses();
    APIResponse current = existing == null ? null : existing.get(status);
    if (current != null) {
      if (current.getContent() == null
          || current.getContent().getMediaTypes() == null
          || current.getContent().getMediaTypes().isEmpty()) {
        current.setContent(problemContent());
        if (SCANNER_DEFAULTS.contains(current.getDescription())) {
          current.setDescription(description);
        }
      }
      return;
    }
    responses.addAPIResponse(
        status, OASFactory.createAPIResponse().description(description).content(problemContent()));
  }

  private static final Set<String> SCANNER_DEFAULTS = Set.of("Not Authorized", "Not Allowed");

  private static Content problemContent() {
    return OASFactory.createContent()
        .addMediaType(
            Problem.MEDIA_TYPE,
            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
  }
}
