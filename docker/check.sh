#!/usr/bin/env bash
# Checks the container image's recipe without a Docker engine: what can be proven here, is.
#  - every file the Dockerfile copies from the build context exists and is not left out by .dockerignore;
#  - its build stage runs the package command the README documents;
#  - the runtime stage runs as a non-root user, has a HEALTHCHECK and the container JVM options;
#  - the entrypoint refuses to start without CONCORDAT_DATABASE_URL;
#  - the health check script reports healthy on a 200 and unhealthy on anything else or no answer.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "docker/check.sh: $*" >&2; exit 1; }

# COPY sources (skipping COPY --from=..., which copy between stages).
grep -E '^COPY ' Dockerfile | grep -v -- '--from=' | while read -r _ args; do
  read -r -a words <<<"${args}"
  unset 'words[${#words[@]}-1]' # the destination
  for source in "${words[@]}"; do
    [[ -e "${source}" ]] || fail "COPY source '${source}' does not exist"
    top="${source%%/*}"
    grep -qxF "!${top}" .dockerignore || grep -qxF "!${top}/" .dockerignore \
      || fail "COPY source '${source}' is excluded by .dockerignore"
  done
done

build=$(grep -E '^RUN ' Dockerfile | grep -oE '\./mvnw [^&]*package[^&]*' | head -n 1 | sed -E 's/ -B//; s/ +$//')
[[ -n "${build}" ]] || fail "the build stage does not run ./mvnw ... package"
grep -qF "${build}" README.md || fail "the build stage runs '${build}', which the README does not document"

grep -qE '^USER [1-9][0-9]*(:[0-9]+)?$' Dockerfile || fail "the runtime stage must run as a numeric non-root USER"
grep -qE '^HEALTHCHECK .*/app/healthcheck\.sh' Dockerfile || fail "no HEALTHCHECK running docker/healthcheck.sh"
for option in -XX:MaxRAMPercentage= -Xss -XX:+ExitOnOutOfMemoryError; do
  grep -qF -- "${option}" Dockerfile || fail "JAVA_OPTS lacks ${option}"
done
for script in docker/entrypoint.sh docker/healthcheck.sh; do
  [[ -x "${script}" ]] || fail "${script} is not executable"
done

set +e
message=$(env -u CONCORDAT_DATABASE_URL bash docker/entrypoint.sh 2>&1)
status=$?
set -e
[[ ${status} -eq 64 && "${message}" == *CONCORDAT_DATABASE_URL* ]] \
  || fail "the entrypoint started without CONCORDAT_DATABASE_URL (exit ${status})"

# A stub that answers like Concordat's readiness probe: 200 at the probe's path, 404 elsewhere.
stub_dir=$(mktemp -d)
trap 'kill "${stub}" 2>/dev/null || true; rm -rf "${stub_dir}"' EXIT
cat >"${stub_dir}/stub.js" <<'JS'
const http = require('http');
const status = Number(process.argv[2]);
const server = http.createServer((req, res) => {
  res.writeHead(req.url === '/diagnostic/health/readiness' ? status : 404, { 'Content-Type': 'application/json' });
  res.end('{"status":"' + (status === 200 ? 'UP' : 'DOWN') + '"}');
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
JS
probe() { # probe <status the stub answers> -> the health check's exit code
  node "${stub_dir}/stub.js" "$1" >"${stub_dir}/port" &
  stub=$!
  for _ in $(seq 1 50); do [[ -s "${stub_dir}/port" ]] && break; sleep 0.1; done
  set +e
  PORT=$(cat "${stub_dir}/port") bash docker/healthcheck.sh
  local code=$?
  set -e
  kill "${stub}"; wait "${stub}" 2>/dev/null || true
  : >"${stub_dir}/port"
  return ${code}
}
probe 200 || fail "the health check reports unhealthy although readiness answers 200"
! probe 503 || fail "the health check reports healthy although readiness answers 503"
free_port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
! PORT=${free_port} bash docker/healthcheck.sh 2>/dev/null || fail "the health check reports healthy with nothing listening"

echo "docker/check.sh: Dockerfile, entrypoint and health check OK"
