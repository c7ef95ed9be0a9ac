#!/usr/bin/env bash
# A three-node MariaDB Galera cluster on loopback, for trying Keyward on Galera and for its tests.
# Debian's packages: apt-get install -y mariadb-server galera-4 rsync (the package's own service
# is not used). Run as root: the nodes run as the mysql user (rsync state transfers need it).
#
#   deploy/galera/galera.sh start  [DIR]   bootstrap node 1, create the database, join nodes 2 and 3
#   deploy/galera/galera.sh stop   [DIR]   shut every node down
#   deploy/galera/galera.sh kill N [DIR]   kill node N at once (kill -9), as a crash would
#   deploy/galera/galera.sh join N [DIR]   start node N again: it rejoins (IST, or SST when too far behind)
#   deploy/galera/galera.sh wait-synced N [DIR]
#   deploy/galera/galera.sh status [DIR]
#   deploy/galera/galera.sh single [DIR]   one plain server (no Galera), same package and settings, as
#                                          node 0 on $GALERA_PORT: the benchmarks' single-server baseline
#
# DIR defaults to /var/lib/keyward-galera. Node N listens for SQL on 127.0.0.1:$((GALERA_PORT+N))
# (GALERA_PORT defaults to 33060: nodes on 33061, 33062, 33063), for replication on 4570+N, IST
# on 4580+N and SST on 4590+N. `start` creates the database `keyward` and the user `keyward` with
# the password in KEYWARD_DB_PASSWORD (required: no default password).
# Keyward then connects with:
#   SPRING_DATASOURCE_URL=jdbc:mariadb:sequential://127.0.0.1:33061,127.0.0.1:33062,127.0.0.1:33063/keyward?transactionReplay=true
#   SPRING_DATASOURCE_USERNAME=keyward SPRING_DATASOURCE_PASSWORD=$KEYWARD_DB_PASSWORD
set -euo pipefail

command="${1:?usage: galera.sh start|single|stop|kill N|join N|wait-synced N|status [DIR]}"
shift
node=""
if [[ "$command" == kill || "$command" == join || "$command" == wait-synced ]]; then
    node="${1:?node number 1-3}"
    shift
fi
dir="${1:-/var/lib/keyward-galera}"
base_port="${GALERA_PORT:-33060}"
nodes=(1 2 3)

cnf() { echo "$dir/node$1/my.cnf"; }
sock() { echo "$dir/node$1/run/mysqld.sock"; }
sql() { local n="$1"; shift; mariadb --defaults-file="$(cnf "$n")" --protocol=socket -uroot -N -B -e "$*"; }

write_cnf() {
    local n="$1"
    mkdir -p "$dir/node$n/data" "$dir/node$n/run" "$dir/node$n/tmp"
    cat > "$(cnf "$n")" <<EOF
[client]
socket = $(sock "$n")

[mysqld]
datadir = $dir/node$n/data
socket = $(sock "$n")
pid-file = $dir/node$n/run/mysqld.pid
tmpdir = $dir/node$n/tmp
log-error = $dir/node$n/error.log
port = $((base_port + n))
bind-address = 127.0.0.1
user = mysql
character-set-server = utf8mb4
collation-server = utf8mb4_unicode_ci
innodb_buffer_pool_size = 128M
binlog_format = ROW
default_storage_engine = InnoDB
innodb_autoinc_lock_mode = 2
EOF
    if [[ "$n" == 0 ]]; then
        chown -R mysql:mysql "$dir/node$n"
        return
    fi
    cat >> "$(cnf "$n")" <<EOF
wsrep_on = ON
wsrep_provider = /usr/lib/galera/libgalera_smm.so
wsrep_cluster_name = keyward
wsrep_node_name = node$n
wsrep_node_address = 127.0.0.1:$((4570 + n))
wsrep_cluster_address = gcomm://127.0.0.1:4571,127.0.0.1:4572,127.0.0.1:4573
wsrep_provider_options = "gmcast.listen_addr=tcp://127.0.0.1:$((4570 + n));ist.recv_addr=127.0.0.1:$((4580 + n));gcache.size=256M"
wsrep_sst_receive_address = 127.0.0.1:$((4590 + n))
wsrep_sst_method = rsync
EOF
    chown -R mysql:mysql "$dir/node$n"
}

start_node() {
    local n="$1"
    shift
    # mariadbd drops to the mysql user itself; its output goes to the node's error.log
    setsid mariadbd --defaults-file="$(cnf "$n")" "$@" < /dev/null > /dev/null 2>&1 &
}

wait_ready() {
    local n="$1"
    for _ in $(seq 1 60); do
        if sql "$n" "SELECT 1" > /dev/null 2>&1; then
            return 0
        fi
        sleep 1
    done
    echo "node $n did not start; its log:" >&2
    tail -n 40 "$dir/node$n/error.log" >&2 || true
    return 1
}

create_database() {
    local n="$1"
    password="${KEYWARD_DB_PASSWORD//\'/\'\'}"
    sql "$n" "CREATE DATABASE keyward CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
           CREATE USER 'keyward'@'127.0.0.1' IDENTIFIED BY '$password';
           CREATE USER 'keyward'@'localhost' IDENTIFIED BY '$password';
           GRANT ALL PRIVILEGES ON keyward.* TO 'keyward'@'127.0.0.1';
           GRANT ALL PRIVILEGES ON keyward.* TO 'keyward'@'localhost';"
}

wait_synced() {
    local n="$1"
    for _ in $(seq 1 180); do
        if state=$(sql "$n" "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null) \
                && [[ "$state" == *Synced* ]]; then
            return 0
        fi
        sleep 1
    done
    echo "node $n did not reach Synced; its log:" >&2
    tail -n 40 "$dir/node$n/error.log" >&2 || true
    return 1
}

case "$command" in
    start)
        : "${KEYWARD_DB_PASSWORD:?set KEYWARD_DB_PASSWORD: the password of the keyward database user}"
        if [[ -e "$dir/node1/data/mysql" ]]; then
            echo "$dir holds a cluster already: stop it and remove the folder first" >&2
            exit 1
        fi
        for n in "${nodes[@]}"; do write_cnf "$n"; done
        mariadb-install-db --defaults-file="$(cnf 1)" --user=mysql --skip-test-db > "$dir/node1/install.log" 2>&1
        start_node 1 --wsrep-new-cluster
        wait_synced 1
        create_database 1
        # one node at a time: each takes a full state transfer (SST) from a synced node
        for n in 2 3; do
            start_node "$n"
            wait_synced "$n"
        done
        echo "cluster size: $(sql 1 "SHOW STATUS LIKE 'wsrep_cluster_size'" | cut -f2)"
        ;;
    single)
        : "${KEYWARD_DB_PASSWORD:?set KEYWARD_DB_PASSWORD: the password of the keyward database user}"
        if [[ -e "$dir/node0/data/mysql" ]]; then
            echo "$dir holds a server 0 already: stop it and remove the folder first" >&2
            exit 1
        fi
        write_cnf 0
        mariadb-install-db --defaults-file="$(cnf 0)" --user=mysql --skip-test-db > "$dir/node0/install.log" 2>&1
        start_node 0
        wait_ready 0
        create_database 0
        ;;
    stop)
        for n in 0 "${nodes[@]}"; do
            [[ -e "$(cnf "$n")" ]] || continue
            mariadb-admin --defaults-file="$(cnf "$n")" -uroot shutdown 2>/dev/null || true
        done
        ;;
    kill)
        pid=$(cat "$dir/node$node/run/mysqld.pid")
        kill -9 "$pid"
        rm -f "$dir/node$node/run/mysqld.pid" "$(sock "$node")"
        ;;
    join)
        # as Debian's mariadb service does: after a crash, recover the last position the node
        # committed, so that it catches up by IST (the write sets it missed), not a whole SST
        position=""
        if [[ -x /usr/bin/galera_recovery ]]; then
            position=$(/usr/bin/galera_recovery --defaults-file="$(cnf "$node")")
        fi
        start_node "$node" $position
        wait_synced "$node"
        ;;
    wait-synced)
        wait_synced "$node"
        ;;
    status)
        for n in "${nodes[@]}"; do
            if status=$(sql "$n" "SHOW STATUS WHERE Variable_name IN ('wsrep_cluster_size','wsrep_local_state_comment')" 2>/dev/null); then
                echo "node $n: $(echo "$status" | tr '\t\n' '= ')"
            else
                echo "node $n: down"
            fi
        done
        ;;
    *)
        echo "unknown command: $command" >&2
        exit 2
        ;;
esac
