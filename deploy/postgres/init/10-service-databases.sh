#!/bin/bash
# Runs once, on the first start of an empty data volume (the postgres image runs every script in
# /docker-entrypoint-initdb.d then). One database and one login per service, each owning its
# database, plus Keycloak's. Passwords come from the environment (docker-compose.yml).
# Schemas are not created here: each service migrates its own database with Flyway at start.
set -euo pipefail

create() {
  local name="$1" password="$2"
  echo "creating login and database ${name}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v name="$name" -v password="$password" <<-'SQL'
	CREATE ROLE :"name" LOGIN PASSWORD :'password';
	CREATE DATABASE :"name" OWNER :"name";
	REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
}

create members "${MEMBERS_DB_PASSWORD:?}"
create branches "${BRANCHES_DB_PASSWORD:?}"
create activities "${ACTIVITIES_DB_PASSWORD:?}"
create keycloak "${KEYCLOAK_DB_PASSWORD:?}"
