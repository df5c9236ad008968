package dev.chartfactory.dashboard.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.filter.OncePerRequestFilter;

/** Requires {@code Authorization: Bearer <token>} on {@code /api/**}; compares in constant time. */
public final class TokenAuthFilter extends OncePerRequestFilter {

  private final byte[] expected;

  public TokenAuthFilter(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException(
          "dashboard.auth.token: must be set when dashboard.auth.enabled is true,"
              + " perhaps you should set DASHBOARD_API_TOKEN from a Secret, or run with the 'local' profile");
    }
    this.expected = token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.equals("/api") || path.startsWith("/api/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
      if (MessageDigest.isEqual(given, expected)) {
        chain.doFilter(request, response);
        return;
      }
    }
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Bearer realm=\"dashboard\"");
    response.setContentType("application/json");
    response.getWriter().write("{\"status\":401,\"error\":\"missing or wrong bearer token\"}");
  }
}
