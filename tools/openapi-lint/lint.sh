#!/usr/bin/env bash
# Lints the OpenAPI document the built service serves with Spectral (spectral:oas, see .spectral.yaml).
# Installs Spectral from package-lock.json into this folder if it is missing; any error fails the script.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if [ ! -x "$here/node_modules/.bin/spectral" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --ignore-scripts)
fi

dotnet build "$root/Blog.Api" --nologo -v q

work="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
# From its output folder, so that it reads its own appsettings.json, as it is deployed.
(cd "$root/Blog.Api/bin/Debug/net10.0" && ConnectionStrings__Blog="Data Source=$work/blog.db" RateLimiting__Enabled=false \
  exec dotnet Blog.Api.dll --urls "http://127.0.0.1:$port") >"$work/service.log" 2>&1 &
service=$!
trap 'kill "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true; rm -rf "$work"' EXIT

for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$port/health" >/dev/null && break
  kill -0 "$service" 2>/dev/null || { cat "$work/service.log"; echo "the service did not start"; exit 1; }
  sleep 0.5
done
curl -sf "http://127.0.0.1:$port/swagger/v1/swagger.json" -o "$work/swagger.json"

"$here/node_modules/.bin/spectral" lint "$work/swagger.json" --ruleset "$root/.spectral.yaml" --fail-severity error
