#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine: Compose itself parses and resolves it (with .env.example as
# the environment), and the resolved file is checked for what docs/operations.md promises.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "docker/check-compose.sh: $*" >&2; exit 1; }

if ! command -v docker-compose >/dev/null; then
  echo "docker-compose is missing; installing it"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq </dev/null >/dev/null
  apt-get install -y -qq docker-compose </dev/null >/dev/null
fi

rendered=$(docker-compose --env-file .env.example -f docker-compose.yml config)

expect() { grep -qE -- "$1" <<<"${rendered}" || fail "the resolved file lacks $2"; }
expect 'image: postgres:1[56]' "the official postgres 15/16 image"
expect 'postgres-data:/var/lib/postgresql/data' "the named volume for PostgreSQL's data"
expect 'pg_isready' "PostgreSQL's pg_isready health check"
expect 'condition: service_healthy' "Concordat waiting for a healthy PostgreSQL"
expect '/app/healthcheck.sh' "Concordat's health check"
expect 'CONCORDAT_DATABASE_URL: jdbc:postgresql://postgres:5432/' "CONCORDAT_DATABASE_URL pointing at the postgres service"
expect 'target: 9292' "port 9292"

# Every webhook setting the README documents can be passed through.
for setting in $(grep -oE 'CONCORDAT_WEBHOOKS_[A-Z_]+' README.md | sort -u); do
  grep -qE "^\s+${setting}:" docker-compose.yml || fail "${setting} (README) is not passed through"
  grep -qE "^# ${setting}=" .env.example || fail "${setting} (README) is not in .env.example"
done

# Without a password Compose must refuse, rather than start a database anyone can log in to.
empty_env=$(mktemp)
trap 'rm -f "${empty_env}"' EXIT
refusal=$(env -u POSTGRES_PASSWORD docker-compose --env-file "${empty_env}" -f docker-compose.yml config -q 2>&1) \
  && fail "the file resolves without POSTGRES_PASSWORD"
grep -q POSTGRES_PASSWORD <<<"${refusal}" || fail "Compose refused the file for another reason: ${refusal}"

echo "docker/check-compose.sh: docker-compose.yml OK"
