package dev.chartfactory.dashboard.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenAuthFilterTest {

  @Test
  void construct_whenAuthIsOnWithoutAToken_refusesToStartWithAHint() {
    assertThatThrownBy(() -> new TokenAuthFilter(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dashboard.auth.token: must be set")
        .hasMessageContaining("perhaps you should set DASHBOARD_API_TOKEN");
  }
}
