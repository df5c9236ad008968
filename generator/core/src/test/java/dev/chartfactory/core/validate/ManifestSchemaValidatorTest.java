package dev.chartfactory.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ManifestSchemaValidatorTest {

  private static final ManifestSchemaValidator VALIDATOR = new ManifestSchemaValidator();

  static final String DEPLOYMENT = """
      ---
      # Source: shop/templates/deployment.yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: shop-web
        labels:
          app.kubernetes.io/name: shop
          app.kubernetes.io/instance: shop
        annotations:
          checksum/config: 3f2a
        creationTimestamp: null
      spec:
        replicas: 2
        revisionHistoryLimit: 3
        strategy:
          type: RollingUpdate
          rollingUpdate:
            maxSurge: 25%
            maxUnavailable: 0
        selector:
          matchLabels:
            app.kubernetes.io/name: shop
        template:
          metadata:
            labels:
              app.kubernetes.io/name: shop
          spec:
            serviceAccountName: shop
            securityContext:
              runAsNonRoot: true
              runAsUser: 10001
              fsGroup: 10001
              seccompProfile:
                type: RuntimeDefault
            containers:
              - name: web
                image: "localhost:5000/shop-web:1.4.2"
                imagePullPolicy: IfNotPresent
                args: ["--port", "8080"]
                ports:
                  - name: http
                    containerPort: 8080
                    protocol: TCP
                env:
                  - name: SPRING_PROFILES_ACTIVE
                    value: "prod"
                  - name: logging.level.root
                    value: "INFO"
                  - name: DB_PASSWORD
                    valueFrom:
                      secretKeyRef:
                        name: shop-db
                        key: password
                resources:
                  requests:
                    cpu: 100m
                    memory: 128Mi
                  limits:
                    cpu: 1
                    memory: 512Mi
                readinessProbe:
                  httpGet:
                    path: /healthz
                    port: http
                  periodSeconds: 10
                livenessProbe:
                  tcpSocket:
                    port: 8080
                securityContext:
                  allowPrivilegeEscalation: false
                  readOnlyRootFilesystem: true
                  capabilities:
                    drop: ["ALL"]
                volumeMounts:
                  - name: tmp
                    mountPath: /tmp
            volumes:
              - name: tmp
                emptyDir: {}
      """;

  static final String SERVICE = """
      ---
      # Source: shop/templates/service.yaml
      apiVersion: v1
      kind: Service
      metadata:
        name: shop-web
      spec:
        type: ClusterIP
        selector:
          app.kubernetes.io/name: shop
        ports:
          - name: http
            port: 80
            targetPort: http
            protocol: TCP
      """;

  static final String INGRESS = """
      ---
      # Source: shop/templates/ingress.yaml
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: shop-web
        annotations:
          cert-manager.io/cluster-issuer: factory-self-ca
      spec:
        ingressClassName: traefik
        tls:
          - hosts: ["shop.example.test"]
            secretName: shop-web-tls
        rules:
          - host: shop.example.test
            http:
              paths:
                - path: /
                  pathType: Prefix
                  backend:
                    service:
                      name: shop-web
                      port:
                        name: http
      """;

  static final String HTTP_ROUTE = """
      ---
      # Source: shop/templates/httproute.yaml
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata:
        name: shop-web
      spec:
        parentRefs:
          - name: platform-gateway
            namespace: platform
            sectionName: https
        hostnames: ["shop.example.test"]
        rules:
          - matches:
              - path:
                  type: PathPrefix
                  value: /
            backendRefs:
              - name: shop-web
                port: 80
                weight: 1
      """;

  static final String CLUSTER_ISSUER = """
      ---
      # Source: platform/templates/issuer.yaml
      apiVersion: cert-manager.io/v1
      kind: ClusterIssuer
      metadata:
        name: factory-self-ca
      spec:
        ca:
          secretName: factory-self-ca
      """;

  static final String CERTIFICATE = """
      ---
      # Source: platform/templates/ca-certificate.yaml
      apiVersion: cert-manager.io/v1
      kind: Certificate
      metadata:
        name: factory-self-ca
        namespace: cert-manager
      spec:
        isCA: true
        commonName: factory-self-ca
        secretName: factory-self-ca
        duration: 87600h
        privateKey:
          algorithm: ECDSA
          size: 256
        issuerRef:
          name: factory-selfsigned
          kind: ClusterIssuer
          group: cert-manager.io
      """;

  @Test
  void validate_whenObjectsAreValid_reportsNothing() {
    // Given helm template output with every kind we generate
    String output = DEPLOYMENT + SERVICE + INGRESS + HTTP_ROUTE + CLUSTER_ISSUER + CERTIFICATE;

    // When
    List<ManifestViolation> violations = VALIDATOR.validateYaml(output);

    // Then
    assertThat(violations).isEmpty();
  }

  @Test
  void validate_whenTypicalPlatformObjectsAreValid_reportsNothing() {
    String output = ManifestValidationBench.HPA + ManifestValidationBench.PDB
        + ManifestValidationBench.SERVICE_ACCOUNT + ManifestValidationBench.CONFIG_MAP + """
        ---
        # Source: db/templates/statefulset.yaml
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          serviceName: db
          replicas: 1
          selector:
            matchLabels: {app: db}
          template:
            metadata:
              labels: {app: db}
            spec:
              containers:
                - name: postgres
                  image: postgres:16.4
                  ports: [{containerPort: 5432, name: pg}]
                  env:
                    - {name: PGDATA, value: /var/lib/postgresql/data/pgdata}
          volumeClaimTemplates:
            - metadata:
                name: data
              spec:
                accessModes: [ReadWriteOnce]
                resources:
                  requests:
                    storage: 1Gi
        ---
        # Source: shop/templates/cronjob.yaml
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: shop-cleanup
        spec:
          schedule: "*/15 * * * *"
          concurrencyPolicy: Forbid
          jobTemplate:
            spec:
              backoffLimit: 2
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: cleanup
                      image: localhost:5000/shop-cleanup:1.0.0
        ---
        # Source: platform/templates/selfsigned-issuer.yaml
        apiVersion: cert-manager.io/v1
        kind: ClusterIssuer
        metadata:
          name: factory-selfsigned
        spec:
          selfSigned: {}
        ---
        # Source: platform/templates/gateway.yaml
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          name: platform-gateway
        spec:
          gatewayClassName: traefik
          listeners:
            - name: https
              protocol: HTTPS
              port: 443
              hostname: "*.example.test"
              tls:
                mode: Terminate
                certificateRefs:
                  - name: wildcard-tls
              allowedRoutes:
                namespaces:
                  from: All
        ---
        # Source: shop/templates/rbac.yaml
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: shop
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: Role
          name: shop
        subjects:
          - kind: ServiceAccount
            name: shop
            namespace: shop
        """;

    assertThat(VALIDATOR.validateYaml(output)).isEmpty();
  }

  @Test
  void validate_whenFieldIsUnknown_reportsPathAndSuggestion() {
    List<ManifestViolation> violations =
        VALIDATOR.validateYaml(DEPLOYMENT.replace("replicas: 2", "replicaz: 2"));

    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.source()).isEqualTo("shop/templates/deployment.yaml");
      assertThat(v.kind()).isEqualTo("Deployment");
      assertThat(v.name()).isEqualTo("shop-web");
      assertThat(v.path()).isEqualTo("spec.replicaz");
      assertThat(v.message()).isEqualTo("unknown field \"replicaz\", did you mean 'replicas'?");
      assertThat(v.rejectedValue()).isEqualTo("2");
    });
  }

  @Test
  void validate_whenTypeIsWrong_reportsExpectedType() {
    List<ManifestViolation> violations =
        VALIDATOR.validateYaml(DEPLOYMENT.replace("replicas: 2", "replicas: \"three\""));

    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("spec.replicas");
      assertThat(v.message()).isEqualTo("expected integer, got string \"three\"");
      assertThat(v.rejectedValue()).isEqualTo("\"three\"");
    });
  }

  @Test
  void validate_whenContainerHasNoName_reportsMissingRequiredField() {
    List<ManifestViolation> violations =
        VALIDATOR.validateYaml(DEPLOYMENT.replace("- name: web\n", "- tty: false\n"));

    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("spec.template.spec.containers[0].name");
      assertThat(v.message()).isEqualTo("missing required field \"name\"");
      assertThat(v.rejectedValue()).isNull();
    });
  }

  @Test
  void validate_whenQuantityIsMalformed_reportsQuantity() {
    List<ManifestViolation> violations =
        VALIDATOR.validateYaml(DEPLOYMENT.replace("memory: 512Mi", "memory: lots"));

    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("spec.template.spec.containers[0].resources.limits.memory");
      assertThat(v.message()).startsWith("not a valid quantity");
      assertThat(v.rejectedValue()).isEqualTo("\"lots\"");
    });
  }

  @Test
  void validate_whenKindIsUnknown_reportsNoSchema() {
    List<ManifestViolation> violations = VALIDATOR.validateYaml("""
        # Source: shop/templates/widget.yaml
        apiVersion: example.com/v1
        kind: Widget
        metadata:
          name: w
        """);

    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.source()).isEqualTo("shop/templates/widget.yaml");
      assertThat(v.path()).isEmpty();
      assertThat(v.message()).isEqualTo("no schema for kind Widget in apiVersion example.com/v1");
    });
  }

  @Test
  void validate_whenApiVersionIsRetired_namesTheKnownOnes() {
    List<ManifestViolation> violations = VALIDATOR.validate(Map.of(
        "apiVersion", "extensions/v1beta1", "kind", "Deployment", "metadata", Map.of("name", "old")));

    assertThat(violations).singleElement().extracting(ManifestViolation::message)
        .isEqualTo("no schema for kind Deployment in apiVersion extensions/v1beta1"
            + " (known apiVersions for Deployment: apps/v1)");
  }

  @Test
  void validate_whenApiVersionWasRemovedBefore130_reportsIt() {
    List<ManifestViolation> violations = VALIDATOR.validateYaml(
        ManifestValidationBench.PDB.replace("policy/v1", "policy/v1beta1"));

    assertThat(violations).singleElement().extracting(ManifestViolation::message)
        .isEqualTo("no schema for kind PodDisruptionBudget in apiVersion policy/v1beta1"
            + " (known apiVersions for PodDisruptionBudget: policy/v1)");
  }

  @Test
  void validate_whenKindIsAllowListed_skipsIt() {
    List<ManifestViolation> violations = VALIDATOR.validate(Map.of(
        "apiVersion", "argoproj.io/v1alpha1", "kind", "Application",
        "spec", Map.of("anything", "goes")));

    assertThat(violations).isEmpty();
    assertThat(VALIDATOR.isUnvalidated("argoproj.io/v1alpha1", "Application")).isTrue();
  }

  @Test
  void validate_whenServicePortHasNoPort_reportsIt() {
    List<ManifestViolation> violations =
        VALIDATOR.validateYaml(SERVICE.replace("port: 80\n", "appProtocol: http\n"));

    assertThat(violations).extracting(ManifestViolation::path, ManifestViolation::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(
            "spec.ports[0].port", "missing required field \"port\""));
  }

  @Test
  void validate_whenDeploymentHasNoSelector_reportsIt() {
    List<ManifestViolation> violations = VALIDATOR.validateYaml(DEPLOYMENT.replace(
        "  selector:\n    matchLabels:\n      app.kubernetes.io/name: shop\n", ""));

    assertThat(violations).extracting(ManifestViolation::path).containsExactly("spec.selector");
  }

  @Test
  void validate_whenGatewayListenerLacksProtocol_reportsIt() {
    List<ManifestViolation> violations = VALIDATOR.validateYaml("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          name: platform-gateway
        spec:
          gatewayClassName: traefik
          listeners:
            - name: https
              port: 443
        """);

    assertThat(violations).extracting(ManifestViolation::path, ManifestViolation::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(
            "spec.listeners[0].protocol", "missing required field \"protocol\""));
  }

  @Test
  void validate_whenCertificateHasNoIssuer_reportsIt() {
    List<ManifestViolation> violations = VALIDATOR.validateYaml(CERTIFICATE.replace(
        "  issuerRef:\n    name: factory-selfsigned\n    kind: ClusterIssuer\n    group: cert-manager.io\n",
        ""));

    assertThat(violations).extracting(ManifestViolation::path).containsExactly("spec.issuerRef");
  }

  @Test
  void validate_whenLabelKeyHasDots_quotesItInThePath() {
    List<ManifestViolation> violations = VALIDATOR.validateYaml(
        SERVICE.replace("app.kubernetes.io/name: shop", "app.kubernetes.io/name: 3"));

    assertThat(violations).extracting(ManifestViolation::path)
        .containsExactly("spec.selector[\"app.kubernetes.io/name\"]");
  }

  @Test
  void validate_whenCalledFromManyThreadsOnAFreshValidator_givesTheSameAnswers() throws Exception {
    // Given a validator whose schemas are not compiled yet
    ManifestSchemaValidator fresh = new ManifestSchemaValidator();
    String valid = DEPLOYMENT + SERVICE + INGRESS + HTTP_ROUTE + CLUSTER_ISSUER + CERTIFICATE;
    String invalid = DEPLOYMENT.replace("memory: 512Mi", "memory: lots");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      // When many threads race to compile and use them
      List<Future<List<List<ManifestViolation>>>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> {
          List<List<ManifestViolation>> answers = new ArrayList<>();
          for (int i = 0; i < 50; i++) {
            answers.add(fresh.validateYaml(i % 2 == 0 ? valid : invalid));
          }
          return answers;
        }));
      }
      // Then every answer is the single-threaded one
      List<ManifestViolation> expectedInvalid = VALIDATOR.validateYaml(invalid);
      for (Future<List<List<ManifestViolation>>> result : results) {
        List<List<ManifestViolation>> answers = result.get();
        for (int i = 0; i < answers.size(); i++) {
          assertThat(answers.get(i)).isEqualTo(i % 2 == 0 ? List.of() : expectedInvalid);
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void validateYaml_whenDocumentIsNotYaml_reportsSource() {
    List<ManifestViolation> violations = VALIDATOR.validateYaml("""
        ---
        # Source: shop/templates/broken.yaml
        apiVersion: v1
        kind: [
        """);

    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.source()).isEqualTo("shop/templates/broken.yaml");
      assertThat(v.message()).startsWith("not valid YAML");
    });
  }
}
