package dev.chartfactory.core.archfixture.right;

/** The other half of the deliberate package cycle for ArchitectureTest. */
public class Right {
  public dev.chartfactory.core.archfixture.left.Left left;
}
