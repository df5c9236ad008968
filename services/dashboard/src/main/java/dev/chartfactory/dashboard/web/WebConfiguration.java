package dev.chartfactory.dashboard.web;

import dev.chartfactory.dashboard.DashboardProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Bearer-token protection of {@code /api/**}, on unless {@code dashboard.auth.enabled=false}. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

  @Bean
  @ConditionalOnProperty(name = "dashboard.auth.enabled", havingValue = "true", matchIfMissing = true)
  FilterRegistrationBean<TokenAuthFilter> tokenAuthFilter(DashboardProperties properties) {
    var registration = new FilterRegistrationBean<>(new TokenAuthFilter(properties.auth().token()));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(0);
    return registration;
  }
}
