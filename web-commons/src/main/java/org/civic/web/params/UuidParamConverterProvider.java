package org.civic.web.params;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;

/**
 * A malformed UUID in a path or query parameter is a 400 naming the parameter. (JAX-RS would answer
 * 404 "no resource at this path", which sends a client looking in the wrong place.)
 */
@Provider
public class UuidParamConverterProvider implements ParamConverterProvider {

  @Override
  @SuppressWarnings("unchecked")
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    if (rawType != UUID.class) {
      return null;
    }
    return (ParamConverter<T>) new UuidConverter(parameterName(annotations));
  }

  private static String parameterName(Annotation[] annotations) {
    if (annotations != null) {
      for (Annotation a : annotations) {
        if (a instanceof QueryParam q) {
          return q.value();
        }
        if (a instanceof PathParam p) {
          return p.value();
        }
      }
    }
    return "parameter";
  }

  private record UuidConverter(String name) implements ParamConverter<UUID> {
    @Override
    public UUID fromString(String value) {
      if (value == null || value.isBlank()) {
        return null;
      }
      try {
        return UUID.fromString(value.trim());
      } catch (IllegalArgumentException e) {
        throw new BadRequestException(name + ": '" + value + "' is not a UUID");
      }
    }

    @Override
    public String toString(UUID value) {
      return value == null ? null : value.toString();
    }
  }
}
