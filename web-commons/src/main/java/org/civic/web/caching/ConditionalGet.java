package org.civic.web.caching;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.Provider;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Conditional GET, for phones on slow networks: every successful JSON GET carries an ETag derived
 * from the bytes it sends, and a repeat whose {@code If-None-Match} names that tag gets 304 without
 * a body.
 *
 * <p>The tag is a digest of the body, not only a stored version, because representations also
 * depend on the day (ages) and the caller (masking). A versioned resource keeps its version in
 * front ({@code W/"3.<digest>"}), so the same tag still serves as {@code If-Match} for optimistic
 * locking (see {@link org.civic.web.locking.Versions}). The body is serialised here once and sent
 * as these bytes, so the digest costs no second serialisation.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class ConditionalGet implements ContainerResponseFilter {
  private final ObjectMapper mapper;

  public ConditionalGet(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response)
      throws IOException {
    if (!HttpMethod.GET.equals(request.getMethod())
        || response.getStatus() != Response.Status.OK.getStatusCode()
        || !isJson(response)) {
      return;
    }
    byte[] body = mapper.writeValueAsBytes(response.getEntity());
    EntityTag version = response.getEntityTag();
    String digest = Digests.of(body);
    EntityTag tag =
        new EntityTag(version == null ? digest : version.getValue() + "." + digest, true);
    response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
    if (EntityTags.anyMatches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
      response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
      response.setEntity(null);
      response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
      return;
    }
    response.setEntity(body, response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
  }

  /** JSON written by Jackson; spreadsheets, streams and plain text pass untouched. */
  private static boolean isJson(ContainerResponseContext response) {
    Object entity = response.getEntity();
    if (entity == null
        || entity instanceof byte[]
        || entity instanceof CharSequence
        || entity instanceof InputStream
        || entity instanceof StreamingOutput
        || entity instanceof File
        || entity instanceof Path) {
      return false;
    }
    MediaType type = response.getMediaType();
    return type == null
        || (type.getType().equals("application") && type.getSubtype().equals("json"));
  }
}
