# Starts a private PostgreSQL server for the tests and exports
# CROSSCHECK_TEST_POSTGRES, the URL of a database the tests may create
# schemas in. Source it from bash: `. .ci/postgres.sh`; the server stops
# when the shell exits. It uses Debian's packages (apt-get install
# postgresql, done by .ci/run), listens on 127.0.0.1 only, on a free port,
# with its data in a temporary folder, so it never touches a cluster the
# machine already runs. PostgreSQL refuses to run as root: as root the
# server runs as the postgres user.

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pg_bin" ]; then
  echo "PostgreSQL is not installed: apt-get install postgresql" >&2
  return 1
fi
pg_dir=$(mktemp -d /tmp/crosscheck-pg.XXXXXX)
pg_as=()
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$pg_dir"
  pg_as=(runuser -u postgres --)
fi
pg_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${pg_as[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync >"$pg_dir/initdb.log" 2>&1 \
  || { cat "$pg_dir/initdb.log" >&2; return 1; }
# Test data is thrown away: no need to wait for the disk.
"${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$pg_dir -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || { cat "$pg_dir/server.log" >&2; return 1; }
pg_stop() {
  "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1
  rm -rf "$pg_dir"
}
trap pg_stop EXIT
"$pg_bin/psql" -q -h "$pg_dir" -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE crosscheck LOGIN PASSWORD 'crosscheck'" \
  -c "CREATE DATABASE crosscheck_test OWNER crosscheck" || return 1
export CROSSCHECK_TEST_POSTGRES="postgres://crosscheck:crosscheck@127.0.0.1:$pg_port/crosscheck_test"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') for the tests on 127.0.0.1:$pg_port" >&2
