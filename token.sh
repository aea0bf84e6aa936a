#!/usr/bin/env bash
# Mints a bearer token for the local run (signed with .local/jwt/private.pem, made by
# ./run-local.sh on first start). Usage: ./token.sh ROLE ID [HOURS]
#   ./token.sh STREET_ADMIN 00000000-0000-0000-0000-00000000a001      # the demo street
#   ./token.sh BRANCH_SECRETARY <branch id>
#   ./token.sh MEMBER <member id>
set -euo pipefail
cd "$(dirname "$0")"
launcher=local-infra/target/local-infra.jar
if [[ ! -f "$launcher" || ! -f local-infra/target/classpath.txt ]]; then
  ./mvnw -B -q -pl local-infra -am package -DskipTests >&2
fi
exec java -cp "$launcher:$(cat local-infra/target/classpath.txt)" \
  org.civic.localinfra.security.MintToken "$@"
