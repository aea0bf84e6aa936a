package org.civic.web.caching;

import jakarta.ws.rs.core.EntityTag;

/** Weak comparison of entity tags (RFC 9110 §8.8.3.2), as If-None-Match requires. */
public final class EntityTags {
  private EntityTags() {}

  /**
   * @param header an If-None-Match header: {@code *} or a comma-separated list of tags, or null
   * @return whether {@code tag} is among them, ignoring the weak prefix
   */
  public static boolean anyMatches(String header, EntityTag tag) {
    return anyMatches(header, tag.getValue());
  }

  /** As {@link #anyMatches(String, EntityTag)}, for a tag given by its opaque part. */
  public static boolean anyMatches(String header, String opaque) {
    if (header == null || header.isBlank()) {
      return false;
    }
    if (header.trim().equals("*")) {
      return true;
    }
    for (String candidate : header.split(",")) {
      if (opaque(candidate).equals(opaque)) {
        return true;
      }
    }
    return false;
  }

  /** The opaque part of one tag: without {@code W/} and the quotes. */
  public static String opaque(String tag) {
    String value = tag.trim();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    return value;
  }
}
