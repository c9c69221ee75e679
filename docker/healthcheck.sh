#!/bin/bash
# The container's HEALTHCHECK: healthy while /diagnostic/health/readiness answers 200 (it includes the database).
# The JRE image has no curl; bash's /dev/tcp needs nothing else, and starts no second JVM every few seconds.
set -uo pipefail

port="${PORT:-9292}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET /diagnostic/health/readiness HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 5 status <&3 || exit 1
exec 3<&-
[[ "${status}" =~ ^HTTP/[0-9.]+\ 200 ]]
