# Sourced by .ci/citus-up and .ci/citus-add-worker: one Citus node as a local PostgreSQL 15 cluster,
# with the settings every node of the set takes, and the template database test stores are copied from.
# shellcheck shell=bash
TEMPLATE=kedu_citus_template
psql_on() { # port, database, sql
  su postgres -c "psql -X -q -v ON_ERROR_STOP=1 -p $1 -d $2 -tA" <<<"$3"
}

healthy() { # name, port: the cluster runs, has Citus loaded and the template ready
  local name=$1 port=$2
  pg_lsclusters -h 2>/dev/null | awk -v n="$name" '$1 == 15 && $2 == n' | grep -q . || return 1
  pg_ctlcluster 15 "$name" start >/dev/null 2>&1 || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 0.5; done
  [ "$(psql_on "$port" postgres 'SHOW shared_preload_libraries' 2>/dev/null)" = citus ] || return 1
  if [ "$(psql_on "$port" postgres 'SHOW wal_level')" != logical ]; then # a node made before it was a setting
    psql_on "$port" postgres "ALTER SYSTEM SET wal_level = logical" >/dev/null
    pg_ctlcluster 15 "$name" restart
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 0.5; done
  fi
  psql_on "$port" postgres "UPDATE pg_database SET datallowconn = true WHERE datname = '$TEMPLATE'" >/dev/null
  [ "$(psql_on "$port" "$TEMPLATE" "SELECT count(*) FROM pg_extension WHERE extname = 'citus'" 2>/dev/null)" = 1 ]
}

pgpass() { # The nodes connect to each other (and to themselves) as postgres over TCP; a shard move
  # connects to the coordinator as localhost (citus.local_hostname).
  su postgres -c "printf '127.0.0.1:*:*:postgres:postgres\nlocalhost:*:*:postgres:postgres\n' > ~/.pgpass && chmod 600 ~/.pgpass"
}

create() { # name, port
  local name=$1 port=$2
  if pg_lsclusters -h 2>/dev/null | awk -v n="$name" '$1 == 15 && $2 == n' | grep -q .; then
    echo "citus-up: $name is broken, recreating it" >&2
    pg_dropcluster --stop 15 "$name"
  fi
  pg_createcluster 15 "$name" -p "$port" >/dev/null
  local conf=/etc/postgresql/15/$name
  cat >>"$conf/postgresql.conf" <<EOF
shared_preload_libraries = 'citus'
listen_addresses = '127.0.0.1'
max_connections = 200
# Shards move by logical replication (writes wait only for the switch): .ci/citus-add-worker.
wal_level = logical
# Test databases: durability does not matter, speed does.
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  # Password logins over TCP from this machine; the nodes reach each other the same way.
  sed -i -E 's/^(host\s+all\s+all\s+127\.0\.0\.1\/32\s+)\S+/\1scram-sha-256/' "$conf/pg_hba.conf"
  pg_ctlcluster 15 "$name" start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 0.5; done
  psql_on "$port" postgres "ALTER USER postgres PASSWORD 'postgres'"
  psql_on "$port" postgres "CREATE DATABASE $TEMPLATE"
  psql_on "$port" "$TEMPLATE" 'CREATE EXTENSION citus'
  pgpass
}

