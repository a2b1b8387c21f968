#!/usr/bin/env bash
# Checks generated snippets against the real programs, without installing or starting any of them:
# Debian's packages are downloaded with `apt-get download` and unpacked with `dpkg -x` into a
# temporary folder.
#   Postfix 3.7 (Debian bookworm): every generated `postconf` line (for Postfix 2.11, 3.6 and 3.7)
#     runs against an empty configuration directory; `postconf -n` must not report an unused
#     parameter and no line may warn; the parameter table's since-versions are checked against the
#     binary (present iff since <= 3.7).
#   Exim 4.96: every generated configuration fragment is put into a minimal configuration that
#     `exim4 -bV` must accept; the connect-ACL rate limit is run once with `exim4 -bh`.
#   Sendmail 8.17: every generated mc fragment is built with m4 + sendmail-cf, and `sendmail -bt`
#     must accept the resulting sendmail.cf.
# Usage: scripts/verify-snippets.sh   (as root on Debian/Ubuntu; needs network access to the Debian mirror)
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=$(mktemp -d /tmp/verify-snippets.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
FAILS=0
PASSES=0
SUMMARY=()

pass() { PASSES=$((PASSES + 1)); }
fail() { FAILS=$((FAILS + 1)); echo "FAIL: $*" >&2; }
print() { npx --no-install tsx "$ROOT/scripts/print-snippets.ts" "$@"; }

download() {
  mkdir -p "$WORK/debs"
  ( cd "$WORK/debs" && apt-get download "$@" >/dev/null 2>&1 ) && return 0
  echo "apt-get download failed; running apt-get update once" >&2
  apt-get update >/dev/null 2>&1 || true
  ( cd "$WORK/debs" && apt-get download "$@" >/dev/null 2>&1 )
}

unpack() { # unpack PACKAGE into $WORK/x/PACKAGE
  local deb
  deb=$(ls "$WORK"/debs/"$1"_*.deb 2>/dev/null | head -n 1)
  [ -n "$deb" ] || return 1
  mkdir -p "$WORK/x/$1"
  dpkg -x "$deb" "$WORK/x/$1"
}

version_le() { [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n 1)" = "$1" ]; }

# ---------------------------------------------------------------- Postfix
verify_postfix() {
  download postfix && unpack postfix || { fail "postfix: could not download/unpack"; return; }
  local PF="$WORK/x/postfix" v conf n_lines=0 out
  pc() { LD_LIBRARY_PATH="$PF/usr/lib/postfix" "$PF/usr/sbin/postconf" -c "$CONF" "$@"; }
  local real
  real=$(LD_LIBRARY_PATH="$PF/usr/lib/postfix" "$PF/usr/sbin/postconf" -c "$PF/usr/share/postfix" -d mail_version 2>/dev/null | sed 's/.*= //')
  echo "Postfix binary: $real"
  for v in 2.11 3.6 3.7; do
    CONF="$WORK/postfix-$v"
    mkdir -p "$CONF"
    : > "$CONF/main.cf"
    cp "$PF/usr/share/postfix/master.cf.dist" "$CONF/master.cf"
    while IFS=$'\t' read -r id line; do
      [ -n "$line" ] || continue
      n_lines=$((n_lines + 1))
      # Run the line with `postconf` replaced by the unpacked binary on the private config dir. A
      # query piped into grep (a diagnostic step) runs without the grep: on the empty test config
      # grep would find nothing, while postconf itself must still accept the query.
      local cmd="$line" re='^(postconf [^|&]*) \| grep [^|&]*$'
      [[ "$line" =~ $re ]] && cmd="${BASH_REMATCH[1]}"
      out=$(eval "${cmd//postconf /pc }" 2>&1 >/dev/null)
      if [ $? -ne 0 ] || grep -qiE 'warning|fatal|unknown' <<<"$out"; then fail "postfix $v $id: $line -> $out"; else pass; fi
    done < <(print --lines postconf --product postfix --version "$v" --test-values)
    out=$(pc -n 2>&1 >/dev/null; pc -M 2>&1 >/dev/null)
    if grep -q 'unused parameter' <<<"$out"; then fail "postfix $v: postconf -n reports: $out"; else pass; fi
  done
  SUMMARY+=("Postfix $real: $n_lines generated postconf lines run for 2.11/3.6/3.7, postconf -n clean")

  # The table: a parameter is known to the 3.7 binary iff its since-version is <= 3.7.
  CONF="$WORK/postfix-3.7"
  local name since until known checked=0
  while IFS=$'\t' read -r name since until; do
    [[ "$name" == transport_destination_* ]] && name="smtp_${name#transport_}"
    if pc -d "$name" 2>&1 | grep -q 'unknown parameter'; then known=no; else known=yes; fi
    local expect=yes
    if [ -n "$since" ] && ! version_le "$since" 3.7; then expect=no; fi
    if [ "$known" != "$expect" ]; then fail "postfix table: $name (since ${since:-early}) known to 3.7.11: $known, expected $expect"; else pass; fi
    checked=$((checked + 1))
  done < <(print --table postfix)
  SUMMARY+=("Postfix table: $checked parameters, presence in 3.7.11 matches since-versions")
}

# ---------------------------------------------------------------- Exim
verify_exim() {
  download exim4-daemon-light libidn12 libnss-wrapper && unpack exim4-daemon-light && unpack libidn12 && unpack libnss-wrapper \
    || { fail "exim: could not download/unpack"; return; }
  local EX="$WORK/x/exim4-daemon-light/usr/sbin/exim4" E="$WORK/exim" wrapper
  wrapper=$(find "$WORK/x/libnss-wrapper" -name 'libnss_wrapper.so*' | head -n 1)
  mkdir -p "$E/spool/db" "$E/log"
  # Exim refuses to run as root for its own user: give Debian-exim an unused uid that owns the spool.
  printf 'root:x:0:0:root:/root:/bin/sh\nDebian-exim:x:64101:64101::/nonexistent:/bin/false\n' > "$E/passwd"
  printf 'root:x:0:\nDebian-exim:x:64101:\n' > "$E/group"
  chown -R 64101:64101 "$E/spool" "$E/log"
  printf '127.0.0.1 mx.example.test mx localhost\n' > "$E/hosts"
  ex() {
    LD_LIBRARY_PATH="$WORK/x/libidn12/usr/lib/x86_64-linux-gnu" LD_PRELOAD="$wrapper" \
      NSS_WRAPPER_PASSWD="$E/passwd" NSS_WRAPPER_GROUP="$E/group" NSS_WRAPPER_HOSTS="$E/hosts" "$EX" "$@"
  }
  echo "Exim binary: $(ex -bV -C /dev/null 2>/dev/null | head -n 1)"
  local blocks="$E/blocks" ids id n=0
  print --exim-sections --version 4.96 --test-values > "$blocks"
  ids=$(grep '^### ' "$blocks" | awk '{print $3}' | sort -u)
  for id in $ids; do
    local cfg="$E/${id//\//_}.conf"
    section() { awk -v want="$1" -v id="$id" '/^### /{keep = ($2 == want && $3 == id); next} keep' "$blocks"; }
    {
      echo 'keep_environment ='
      echo 'primary_hostname = mx.example.test'
      echo "spool_directory = $E/spool"
      echo "log_file_path = $E/log/%slog"
      section main
      echo 'begin acl'
      section acl
      echo 'begin routers'
      section routers
      echo 'dnslookup:'
      echo '  driver = dnslookup'
      echo '  transport = remote_smtp'
      echo '  no_more'
      echo 'begin transports'
      section transports
      if ! section transports | grep -q '^remote_smtp:'; then printf 'remote_smtp:\n  driver = smtp\n'; fi
    } > "$cfg"
    n=$((n + 1))
    local out
    out=$(ex -C "$cfg" -bV 2>&1)
    if [ $? -ne 0 ]; then fail "exim $id: exim -bV: $(grep -i error <<<"$out" | head -n 3)"; cat -n "$cfg" >&2; else pass; fi
    if [ "$id" = connection-rate-limit/exim ]; then
      out=$(printf 'QUIT\r\n' | ex -C "$cfg" -bh 192.0.2.10 2>&1)
      if grep -q 'ratelimit condition count=1 .*/per_conn/' <<<"$out"; then pass; else fail "exim $id: exim -bh did not run the connect ACL: $(tail -n 5 <<<"$out")"; fi
    fi
  done
  SUMMARY+=("Exim 4.96: $n generated configuration fragments accepted by exim4 -bV")
}

# ---------------------------------------------------------------- Sendmail
verify_sendmail() {
  download sendmail-bin sendmail-cf m4 libwrap0 libnss-wrapper && unpack sendmail-bin && unpack sendmail-cf && unpack m4 && unpack libwrap0 \
    && unpack libnss-wrapper || { fail "sendmail: could not download/unpack"; return; }
  local S="$WORK/sendmail" CF="$WORK/x/sendmail-cf/usr/share/sendmail/cf" M4="$WORK/x/m4/usr/bin/m4" wrapper
  wrapper=$(find "$WORK/x/libnss-wrapper" -name 'libnss_wrapper.so*' | head -n 1)
  mkdir -p "$S/mqueue" "$S/mqueue/slow"
  cp "$WORK/x/sendmail-bin/usr/libexec/sendmail/sendmail" "$S/sendmail" && chmod g-s,u-s "$S/sendmail"
  printf 'root:x:0:0:root:/root:/bin/sh\nsmmta:x:%s:%s::/nonexistent:/bin/false\n' "$(id -u)" "$(id -g)" > "$S/passwd"
  printf 'root:x:0:\nsmmsp:x:%s:\nsmmta:x:%s:\n' "$(id -g)" "$(id -g)" > "$S/group"
  printf '127.0.0.1 mx.example.test %s mx localhost\n' "$(hostname)" > "$S/hosts"
  : > "$S/access"
  sm() {
    LD_LIBRARY_PATH="$WORK/x/libwrap0/lib/x86_64-linux-gnu:$WORK/x/libwrap0/usr/lib/x86_64-linux-gnu" LD_PRELOAD="$wrapper" \
      NSS_WRAPPER_PASSWD="$S/passwd" NSS_WRAPPER_GROUP="$S/group" NSS_WRAPPER_HOSTS="$S/hosts" "$S/sendmail" "$@"
  }
  local frags="$S/frags" ids id n=0 out
  print --sendmail-mc --version 8.17 --test-values > "$frags"
  ids=$(grep '^dnl ### ' "$frags" | awk '{print $3}' | sort -u)
  for id in $ids; do
    local mc="$S/${id//\//_}.mc" cf="$S/${id//\//_}.cf"
    {
      echo "OSTYPE(\`linux')dnl"
      echo "define(\`confQUEUE_DIR', \`$S/mqueue')dnl"
      echo "define(\`QUEUE_DIR', \`$S/mqueue')dnl"
      echo "FEATURE(\`access_db', \`hash -T<TMPF> -o $S/access')dnl"
      echo "FEATURE(\`delay_checks')dnl"
      awk -v id="$id" '/^dnl ### /{keep = ($3 == id); next} keep' "$frags" | sed "s#/var/spool/mqueue#$S/mqueue#g"
      echo "MAILER(\`local')dnl"
      echo "MAILER(\`smtp')dnl"
    } > "$mc"
    n=$((n + 1))
    out=$("$M4" -D_CF_DIR_="$CF/" "$CF/m4/cf.m4" "$mc" 2>&1 > "$cf")
    if [ -n "$out" ]; then fail "sendmail $id: m4: $out"; continue; fi
    out=$(sm -C "$cf" -bt < /dev/null 2>&1)
    if [ $? -ne 0 ] || grep -qiE 'unknown|readcf|warning' <<<"$out"; then fail "sendmail $id: sendmail -bt: $(head -n 5 <<<"$out")"; else pass; fi
  done
  SUMMARY+=("Sendmail 8.17: $n generated mc fragments built with m4 and accepted by sendmail -bt")
}

verify_postfix
verify_exim
verify_sendmail

echo
echo "verify-snippets summary"
for line in "${SUMMARY[@]}"; do echo "  - $line"; done
echo "  checks passed: $PASSES, failed: $FAILS"
[ "$FAILS" -eq 0 ]
