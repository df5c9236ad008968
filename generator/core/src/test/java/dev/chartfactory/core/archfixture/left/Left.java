package dev.chartfactory.core.archfixture.left;

/** Half of a deliberate package cycle for ArchitectureTest; never used elsewhere. */
public class Left {
  public dev.chartfactory.core.archfixture.right.Right right;
}
