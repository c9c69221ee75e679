#!/bin/bash
# Starts Concordat in its container. A container runs against a PostgreSQL server: the embedded PostgreSQL (the
# zero-configuration default of `java -jar`) would keep the only copy of the data inside one container, so it is
# refused here rather than started by accident.
set -euo pipefail

if [[ -z "${CONCORDAT_DATABASE_URL:-}" ]]; then
  echo "CONCORDAT_DATABASE_URL is not set. In a container Concordat needs a PostgreSQL server, for example" >&2
  echo "  CONCORDAT_DATABASE_URL=jdbc:postgresql://postgres:5432/concordat" >&2
  echo "  CONCORDAT_DATABASE_USERNAME=concordat CONCORDAT_DATABASE_PASSWORD=..." >&2
  echo "(see docs/operations.md)." >&2
  exit 64
fi

# JAVA_OPTS is split into words on purpose: it holds several options.
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -jar /app/concordat.jar "$@"
