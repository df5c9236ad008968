package dev.chartfactory.dashboard.web;

import dev.chartfactory.dashboard.DashboardProperties;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter.HeaderValue;

/**
 * Who may see what. Everything needs the bearer token except a short list of public paths (the
 * page and its files, the OpenAPI document, the probes), so a path spelled in a way nobody
 * thought of falls on the protected side. The check runs in Spring Security's filter chain,
 * behind its {@code StrictHttpFirewall}: requests with {@code ;}, encoded slashes or dot
 * segments are refused before any matcher runs, and the matchers see the same decoded path that
 * Spring MVC routes on. With {@code dashboard.auth.enabled=false} (the 'local' profile) every
 * path is open, but the firewall and the headers stay.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

  /** The page's own files only: no inline script or style, no framing, no plugins. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
          + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private static final String[] PUBLIC_PATHS = {
    "/", "/index.html", "/app.js", "/app.css", "/favicon.ico", "/openapi.yaml",
    "/health", "/ready", "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/error"
  };

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, DashboardProperties properties) throws Exception {
    http.csrf(csrf -> csrf.disable()) // no cookies, no sessions: a bearer token cannot be forged cross-site
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable())
        .logout(logout -> logout.disable())
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
            .frameOptions(frame -> frame.deny())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
            .xssProtection(xss -> xss.headerValue(HeaderValue.DISABLED)));
    if (properties.auth().enabled()) {
      ApiTokenIntrospector introspector = new ApiTokenIntrospector(properties.auth().token());
      http.authorizeHttpRequests(requests -> requests
              .requestMatchers(PUBLIC_PATHS).permitAll()
              // the second dispatch of a streamed response (log follow) belongs to a request
              // that was authorised when it started
              .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
              .anyRequest().hasAuthority(ApiTokenIntrospector.API_AUTHORITY))
          .oauth2ResourceServer(server -> server.opaqueToken(token -> token.introspector(introspector)));
    } else {
      http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
          .anonymous(Customizer.withDefaults());
    }
    return http.build();
  }

  /**
   * A request the firewall refuses names no resource: 404, like any other path that does not
   * exist, with no hint of which rule it broke.
   */
  @Bean
  RequestRejectedHandler requestRejectedHandler() {
    return new HttpStatusRequestRejectedHandler(HttpStatus.NOT_FOUND.value());
  }
}
