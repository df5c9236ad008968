package dev.chartfactory.core.api;

import dev.chartfactory.core.error.UsageException;

/** Which GitOps tool's manifests {@link Delivery#gitOps} writes. */
public enum GitOpsFormat {
  /** An Argo CD {@code Application} per environment. */
  ARGOCD,
  /** One Argo CD {@code ApplicationSet} over all environments. */
  ARGOCD_APPSET,
  /** A Flux {@code GitRepository} with a {@code HelmRelease} per environment. */
  FLUX;

  /** The format a {@code --format} option names. */
  public static GitOpsFormat of(String option) {
    return switch (option) {
      case "argocd" -> ARGOCD;
      case "argocd-appset" -> ARGOCD_APPSET;
      case "flux" -> FLUX;
      default -> throw new UsageException("--format",
          "'" + option + "' is not a format (expected one of: argocd, argocd-appset, flux)");
    };
  }
}
