package dev.chartfactory.core.api;

import dev.chartfactory.core.spec.ComponentType;

/**
 * What {@link SpecFiles#newComponent} should add: a component of {@code type} named
 * {@code component} in {@code apps/<app>/app.yaml}, keeping the rest of the file as written.
 */
public record NewComponentRequest(String repo, String app, String component, ComponentType type) {}
