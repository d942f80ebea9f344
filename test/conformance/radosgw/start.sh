#!/usr/bin/env bash
# One-node Ceph cluster with an S3 gateway, on loopback only, for the
# conformance suite: a monitor (msgr v1), one memstore OSD (no disk), auth off,
# pool size 1, and radosgw (beast) on 127.0.0.1.
#
#   start.sh <work-dir> <mon-port> <rgw-port> <access-key> <secret-key>
#
# RADOSGW_LC_DEBUG_INTERVAL=<n> makes one lifecycle "day" n seconds (Ceph's
# `rgw lc debug interval`), for tests of lifecycle rules in accelerated time.
#
# Prints `READY http://127.0.0.1:<rgw-port>` when the S3 user exists and the
# gateway answers. Stops every daemon it started when stdin closes (its parent
# went away), on SIGTERM/SIGINT, or after RADOSGW_MAX_SECONDS (default 600).
set -euo pipefail

dir=${1:?work dir}
mon_port=${2:?mon port}
rgw_port=${3:?rgw port}
access_key=${4:?access key}
secret_key=${5:?secret key}
max_seconds=${RADOSGW_MAX_SECONDS:-600}
lc_interval=${RADOSGW_LC_DEBUG_INTERVAL:-}

mkdir -p "$dir"/{mon,osd/ceph-0,run,log}
conf="$dir/ceph.conf"
fsid=$(uuidgen)
pids=()

stop() {
  trap - EXIT INT TERM
  # The OSD does not always honour SIGTERM; everything here is throwaway.
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop EXIT
trap 'exit 143' INT TERM

cat >"$conf" <<CONF
[global]
fsid = $fsid
mon host = v1:127.0.0.1:$mon_port
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind msgr2 = false
ms bind ipv6 = false
auth cluster required = none
auth service required = none
auth client required = none
auth supported = none
run dir = $dir/run
admin socket = $dir/run/\$name.asok
log file = $dir/log/\$name.log
pid file = $dir/run/\$name.pid
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
mon allow pool size one = true
mon warn on pool no redundancy = false
mon max pg per osd = 1000
mon data avail warn = 1
mon data avail crit = 0
osd objectstore = memstore
memstore device bytes = 1073741824
osd data = $dir/osd/\$cluster-\$id
osd crush chooseleaf type = 0
# The OSD would place itself in the CRUSH map at start, racing its first
# monitor map (the monitor then refuses it as 'wrong fsid'); this script
# places it before it starts instead.
osd class update on start = false
osd crush update on start = false
osd op num shards = 1
osd op num threads per shard = 1
mon data = $dir/mon
# One monitor, nothing to batch: commit map changes at once instead of once a
# second (radosgw creates its pools one mon command after another).
paxos propose interval = 0.01
paxos min wait = 0.001
[client.rgw]
rgw frontends = beast endpoint=127.0.0.1:$rgw_port
rgw dns name = 127.0.0.1
rgw enable usage log = false
rgw thread pool size = 32
CONF
# Lifecycle in accelerated time is run by the test's own passes
# (`radosgw-admin lc process`) only. The gateway's lifecycle thread would
# hold a shard's lifecycle lock (up to `rgw lc lock max time`, 90 s) and make
# those passes skip it. A pass handles one bucket per lifecycle shard (Ceph
# 16), so many shards make it unlikely that two of a test's buckets share one.
if [ -n "$lc_interval" ]; then
  printf 'rgw lc debug interval = %s\nrgw enable lc threads = false\n' "$lc_interval" >>"$conf"
  printf '[client]\nrgw lc max objs = %s\n' "${RADOSGW_LC_SHARDS:-1024}" >>"$conf"
fi

setup_log="$dir/log/setup.out"
# Runs a setup step; on failure says which, with its output.
step() {
  if ! "$@" >>"$setup_log" 2>&1; then
    echo "start.sh: '$*' failed; its output:" >&2
    tail -n 20 "$setup_log" >&2
    exit 1
  fi
}
ceph_() { ceph -c "$conf" --connect-timeout 20 "$@"; }

step monmaptool --create --fsid "$fsid" --addv a "[v1:127.0.0.1:$mon_port]" "$dir/monmap"
step ceph-mon -c "$conf" --mkfs -i a --monmap "$dir/monmap"
ceph-mon -c "$conf" -i a -f >"$dir/log/mon.out" 2>&1 & pids+=($!)

osd_uuid=$(uuidgen)
step ceph_ osd new "$osd_uuid" 0
step ceph_ osd crush add osd.0 1.0 root=default
step ceph-osd -c "$conf" -i 0 --mkfs --osd-uuid "$osd_uuid"
ceph-osd -c "$conf" -i 0 -f >"$dir/log/osd.out" 2>&1 & pids+=($!)

radosgw -c "$conf" -n client.rgw -f >"$dir/log/rgw.out" 2>&1 & pids+=($!)

# The gateway answers once it has created its pools on the OSD.
for _ in $(seq 1 600); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$rgw_port") 2>/dev/null; then break; fi
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "a Ceph daemon exited early; logs in $dir/log" >&2; exit 1; }
  done
  sleep 0.1
done
if ! (exec 3<>"/dev/tcp/127.0.0.1/$rgw_port") 2>/dev/null; then
  echo "radosgw did not listen on 127.0.0.1:$rgw_port within 60 s; logs in $dir/log" >&2
  exit 1
fi

step radosgw-admin -c "$conf" user create --uid conformance --display-name conformance \
  --access-key "$access_key" --secret-key "$secret_key"

echo "READY http://127.0.0.1:$rgw_port"

# Stay up until the parent closes stdin, a signal arrives, or time runs out.
timeout "$max_seconds" cat >/dev/null || true
