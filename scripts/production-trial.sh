#!/usr/bin/env bash
# A Production start on one machine, as README "Deploy" describes it, end to end:
#   publish -> run the DLL from another directory -> a bad setting is one line and exit 1 ->
#   start before `migrate` is refused -> migrate -> create-admin -> serve with keys and the HTTP
#   SMS gateway and civil registry pointed at local stand-ins (scripts/stand-in-gateways.py) ->
#   probes, JSON and gRPC calls -> the admin signs in with the code that reached the SMS stand-in.
# Loopback only; everything lives in a temporary directory that is removed at the end.
# Needs: dotnet, python3, curl, openssl; `npm ci` run once in the repository (for buf curl).
# usage: bash scripts/production-trial.sh      (ports: TRIAL_PORT_BASE, default 6380; it uses 4)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base="${TRIAL_PORT_BASE:-6380}"
grpc_url="http://127.0.0.1:$base" http_url="http://127.0.0.1:$((base + 1))"
sms_port=$((base + 2)) registry_port=$((base + 3))
buf="$repo/node_modules/.bin/buf"
[[ -x "$buf" ]] || (cd "$repo" && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)

work="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
step() { printf '\n== %s\n' "$*"; }

step "publish (Release) to $work/app"
dotnet publish "$repo/src/Tahseen.Grpc" -c Release -o "$work/app" >"$work/publish.log" 2>&1 || { tail -20 "$work/publish.log"; exit 1; }
mkdir "$work/elsewhere" && cd "$work/elsewhere"
app=(dotnet "$work/app/Tahseen.Grpc.dll")

python3 "$repo/scripts/stand-in-gateways.py" "$sms_port" "$registry_port" >"$work/gateways.log" 2>&1 &
pids+=($!)

export ASPNETCORE_ENVIRONMENT=Production
key() { openssl rand -base64 32; }
rsa() { openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 2>/dev/null; }
export Security__SigningKeys__0__Id=t1 Security__SigningKeys__0__Key="$(rsa)" Security__HashKey="$(key)" \
  Security__DataKeys__0__Id=d1 Security__DataKeys__0__Key="$(key)" \
  Security__LookupKeys__0__Id=h1 Security__LookupKeys__0__Key="$(key)"
export ConnectionStrings__Tahseen="Data Source=$work/tahseen.db"
export Sms__Provider=Http Sms__Http__Url="http://127.0.0.1:$sms_port/sms" Sms__Http__ApiKey=trial-sms-key
export CivilRegistry__Provider=Http CivilRegistry__Http__Url="http://127.0.0.1:$registry_port" CivilRegistry__Http__ApiKey=trial-registry-key
export Kestrel__Endpoints__Grpc__Url="$grpc_url" Kestrel__Endpoints__Http__Url="$http_url" Grpc__Reflection=true

step "a bad setting stops start-up with one line (Tickets__AutoCloseInterval=abc)"
set +e; Tickets__AutoCloseInterval=abc "${app[@]}" 2>&1 | tail -3; echo "exit code: ${PIPESTATUS[0]}"; set -e

step "start before migrate is refused"
set +e; "${app[@]}" 2>&1 | tail -2; echo "exit code: ${PIPESTATUS[0]}"; set -e

step "migrate"
"${app[@]}" migrate 2>&1 | tail -1

step "create-admin (password from standard input)"
admin_password="Trial$(openssl rand -hex 6)Aa1"
printf '%s\n' "$admin_password" | "${app[@]}" create-admin --username admin.trial --mobile 0590000001 --full-name "هدى" 2>&1 | tail -1

step "serve"
"${app[@]}" >"$work/server.log" 2>&1 &
server=$!; pids+=("$server")
for _ in $(seq 1 60); do curl -sf "$http_url/healthz" >/dev/null && break; sleep 0.5; done
grpc() { "$buf" curl --protocol grpc --http2-prior-knowledge "$@"; }

step "probes: /healthz, /readyz, grpc.health.v1.Health/Check"
printf '/healthz %s\n' "$(curl -s -o /dev/null -w '%{http_code}' "$http_url/healthz")"
printf '/readyz  %s\n' "$(curl -s -o /dev/null -w '%{http_code}' "$http_url/readyz")"
grpc -d '{"service":""}' "$grpc_url/grpc.health.v1.Health/Check"
grpc -d '{"service":"tahseen.v1.TicketService"}' "$grpc_url/grpc.health.v1.Health/Check"

step "JSON: a public method, then bad input (HTTP 400, google.rpc.Status with decoded details)"
curl -s "$http_url/v1/identity/passwordPolicy" | head -c 200; echo
curl -s -w '\nHTTP %{http_code}\n' -H 'accept-language: en' -H 'content-type: application/json' \
  -d '{"nationalId":"123","mobileNumber":"x"}' "$http_url/v1/identity:startRegistration"

step "the admin signs in: Login over JSON, the code arrives at the SMS stand-in, VerifyLogin"
challenge="$(curl -s -H 'content-type: application/json' -d "{\"login\":\"admin.trial\",\"password\":\"$admin_password\"}" \
  "$http_url/v1/identity:login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["challengeId"])')"
for _ in $(seq 1 40); do grep -q '^SMS ' "$work/gateways.log" && break; sleep 0.25; done
sed 's/\b[0-9]\{6\}\b/[code]/' "$work/gateways.log"
code="$(grep -oE '\b[0-9]{6}\b' "$work/gateways.log" | tail -1)"
token="$(curl -s -H 'content-type: application/json' -d "{\"challengeId\":\"$challenge\",\"otp\":\"$code\"}" \
  "$http_url/v1/identity:verifyLogin" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')"
grpc -H "authorization: Bearer $token" "$grpc_url/tahseen.v1.IdentityService/GetMyAccount"

step "metrics"
curl -s "$http_url/metrics" | grep -E '^tahseen_' | head -8

step "SIGTERM: the service stops cleanly"
kill -TERM "$server"; set +e; wait "$server"; echo "exit code: $?"; set -e
step "first server log lines (JSON, no personal data)"
head -3 "$work/server.log"
