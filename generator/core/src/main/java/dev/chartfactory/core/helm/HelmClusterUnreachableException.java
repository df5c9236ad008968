package dev.chartfactory.core.helm;

import java.util.List;

/** No Kubernetes API server answered at the address in the kubeconfig. */
public class HelmClusterUnreachableException extends HelmException {

  public HelmClusterUnreachableException(String message) {
    super(message);
  }

  public HelmClusterUnreachableException(String message, List<String> command, String stderr, Throwable cause) {
    super(message, command, stderr, cause);
  }
}
