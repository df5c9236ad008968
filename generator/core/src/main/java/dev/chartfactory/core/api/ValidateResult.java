package dev.chartfactory.core.api;

/**
 * What {@link SpecFiles#validate} found valid. The counts of rendered manifests are zero when only
 * the specs were checked.
 *
 * @param rendered whether the charts were rendered and their manifests checked
 * @param manifests the manifests rendered, over every environment
 * @param renderedEnvironments the environments rendered
 * @param policyWarnings policy findings that are warnings, not errors
 */
public record ValidateResult(int apps, int components, int environments, int instances, boolean rendered,
    int manifests, int renderedEnvironments, int policyWarnings) {}
