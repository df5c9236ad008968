package dev.chartfactory.dashboard.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * Accepts exactly one bearer token, the one configured as {@code dashboard.auth.token}, compared
 * in constant time. Spring Security's resource-server filter reads the {@code Authorization}
 * header (RFC 6750) and calls this; everything else about the request is its business.
 */
public final class ApiTokenIntrospector implements OpaqueTokenIntrospector {

  /** The one authority an API caller gets; the chain requires it on protected paths. */
  public static final String API_AUTHORITY = "dashboard:api";

  private final byte[] expected;

  public ApiTokenIntrospector(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException(
          "dashboard.auth.token: must be set when dashboard.auth.enabled is true,"
              + " perhaps you should set DASHBOARD_API_TOKEN from a Secret, or run with the 'local' profile");
    }
    this.expected = token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public OAuth2AuthenticatedPrincipal introspect(String token) {
    if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), expected)) {
      throw new BadOpaqueTokenException("wrong bearer token");
    }
    return new DefaultOAuth2AuthenticatedPrincipal(
        "api-client", Map.of("sub", "api-client"), List.of(new SimpleGrantedAuthority(API_AUTHORITY)));
  }
}
