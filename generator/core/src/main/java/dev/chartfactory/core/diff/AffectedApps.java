package dev.chartfactory.core.diff;

import dev.chartfactory.core.render.RenderedChart;
import dev.chartfactory.core.spec.RepoLayout;
import dev.chartfactory.core.umbrella.UmbrellaFiles;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The apps whose charts may differ from a base commit's, from the paths that changed since it:
 * an app's own spec folder or generated chart folder names that app; a shared input
 * ({@code factory.yaml}, {@code environments/}, {@code templates/}) or another generator names
 * every app. Everything else (docs, CI files, the umbrella, which is always rendered) names none.
 * Apps named by neither have the same inputs and the same charts as at the base, so when the
 * base's charts were up to date (it passed {@code check}), so are theirs.
 *
 * @param all every app is affected; {@link #reason} says why
 * @param apps the affected apps when not all (may include removed ones)
 * @param reason for {@code all}, the first path or fact that made every app affected
 */
public record AffectedApps(boolean all, SortedSet<String> apps, String reason) {

  private static final Pattern APP_PATH = Pattern.compile("(?:apps|services|charts)/([^/]+)/.*");

  public AffectedApps {
    apps = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(apps));
  }

  public static AffectedApps every(String reason) {
    return new AffectedApps(true, new TreeSet<>(), reason);
  }

  /**
   * @param changedPaths config-repo-relative paths changed since the base
   * @param sameGenerator whether the committed umbrella records the running generator
   */
  public static AffectedApps of(Collection<String> changedPaths, boolean sameGenerator) {
    if (!sameGenerator) {
      return every("the committed charts were made by another generator version");
    }
    SortedSet<String> apps = new TreeSet<>();
    for (String path : changedPaths) {
      Matcher app = APP_PATH.matcher(path);
      if (app.matches()) {
        apps.add(app.group(1));
      } else if (path.equals("factory.yaml") || path.startsWith("environments/") || path.startsWith("templates/")) {
        return every(path + " changed");
      }
    }
    return new AffectedApps(false, apps, "");
  }

  /**
   * These apps and {@code callers}: apps whose env values hold a {@code ${ref:…}} to an affected
   * app carry its Service name and port in their own charts, so they may differ too.
   */
  public AffectedApps withCallers(Collection<String> callers) {
    if (all || callers.isEmpty()) {
      return this;
    }
    SortedSet<String> more = new TreeSet<>(apps);
    more.addAll(callers);
    return new AffectedApps(false, more, reason);
  }

  /** Whether {@code app}'s chart has to be rendered. */
  public boolean includes(String app) {
    return all || apps.contains(app);
  }

  /**
   * The apps whose blocks in the umbrella's values files differ between two versions of the
   * umbrella; every app when a shared block ({@code global}, {@code namespaces}) differs.
   * {@code before} may be null (no umbrella yet).
   */
  public static AffectedApps ofUmbrellaValues(RenderedChart before, RenderedChart after, Set<String> appNames) {
    SortedSet<String> apps = new TreeSet<>();
    Set<String> files = new TreeSet<>(after.files().keySet());
    if (before != null) {
      files.addAll(before.files().keySet());
    }
    for (String file : files) {
      if (!file.startsWith("values") || !file.endsWith(".yaml")) {
        continue;
      }
      Map<String, ?> old = before == null ? Map.of() : contentOf(before.files().get(file));
      Map<String, ?> now = contentOf(after.files().get(file));
      Set<String> keys = new TreeSet<>(old.keySet());
      keys.addAll(now.keySet());
      for (String key : keys) {
        if (!Objects.equals(old.get(key), now.get(key))) {
          if (!appNames.contains(key)) {
            return every(RepoLayout.UMBRELLA_CHART + "/" + file + ": " + key + " changed");
          }
          apps.add(key);
        }
      }
    }
    return new AffectedApps(false, apps, "");
  }

  /** Top-level blocks as text when the file has the generator's layout, else its parsed values. */
  private static Map<String, ?> contentOf(String valuesYaml) {
    Map<String, String> blocks = UmbrellaFiles.blocks(valuesYaml);
    return blocks != null ? blocks : UmbrellaFiles.yaml(valuesYaml);
  }
}
