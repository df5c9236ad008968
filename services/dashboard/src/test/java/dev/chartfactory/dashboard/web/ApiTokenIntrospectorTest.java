package dev.chartfactory.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;

class ApiTokenIntrospectorTest {

  @Test
  void construct_whenAuthIsOnWithoutAToken_refusesToStartWithAHint() {
    assertThatThrownBy(() -> new ApiTokenIntrospector(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dashboard.auth.token: must be set")
        .hasMessageContaining("perhaps you should set DASHBOARD_API_TOKEN");
  }

  @Test
  void introspect_acceptsOnlyTheExactToken() {
    var introspector = new ApiTokenIntrospector("s3cret");
    assertThat(introspector.introspect("s3cret").getAuthorities())
        .extracting(Object::toString).containsExactly(ApiTokenIntrospector.API_AUTHORITY);
    for (String wrong : new String[] {"s3cre", "s3cret ", "S3CRET", "s3cret\0", ""}) {
      assertThatThrownBy(() -> introspector.introspect(wrong)).isInstanceOf(BadOpaqueTokenException.class);
    }
  }
}
