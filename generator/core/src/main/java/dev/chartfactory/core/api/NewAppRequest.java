package dev.chartfactory.core.api;

import dev.chartfactory.core.spec.ComponentType;

/**
 * What {@link SpecFiles#newApp} should scaffold: {@code apps/<app>/app.yaml} with one component,
 * and an instance per environment.
 *
 * @param app the new app's name (a DNS-1035 label)
 * @param component its first component's name
 */
public record NewAppRequest(String repo, String app, String component, ComponentType type) {}
