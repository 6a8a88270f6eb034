# Tools, build, data, and the two servers for bench/run. Sourced, not run.

DATELINE_PID=""
NGINX_PID=""

# cleanup stops what the suite started, by its process id, and removes
# the work folder unless KEEP is set.
cleanup() {
	stop_dateline
	if [ -n "$NGINX_PID" ]; then
		kill "$NGINX_PID" 2>/dev/null || true
		wait "$NGINX_PID" 2>/dev/null || true
		NGINX_PID=""
	fi
	if [ -n "$KEEP" ]; then
		say "work folder kept: $WORK"
	else
		rm -rf "$WORK"
	fi
}

# install_tools installs wrk and nginx (and nginx's brotli_static module,
# where the distribution has it) with apt-get when they are missing.
install_tools() {
	local missing=() brotli=libnginx-mod-http-brotli-static
	command -v wrk >/dev/null 2>&1 || missing+=(wrk)
	command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
	command -v curl >/dev/null 2>&1 || missing+=(curl)
	[ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=("$brotli")
	if [ "${#missing[@]}" -gt 0 ]; then
		say "installing ${missing[*]}"
		[ "$(id -u)" = 0 ] || die "need root to apt-get install ${missing[*]}"
		apt-get -o Acquire::Retries=3 update >"$WORK/apt.log" 2>&1 || die "apt-get update failed; see $WORK/apt.log"
		if ! apt-cache show "$brotli" >/dev/null 2>&1; then
			say "$brotli is not packaged here; nginx can serve gzip only"
			missing=("${missing[@]/$brotli/}")
		fi
		DEBIAN_FRONTEND=noninteractive apt-get -o Acquire::Retries=3 install -y ${missing[*]} >>"$WORK/apt.log" 2>&1 ||
			die "apt-get install ${missing[*]} failed; see $WORK/apt.log"
	fi
	NGINX_BIN="$(command -v nginx || echo /usr/sbin/nginx)"
}

build() {
	say "building dateline and the data tools"
	for cmd in cmd/dateline bench/generate bench/comments; do
		CGO_ENABLED=0 go build -o "$WORK/bin/$(basename "$cmd")" "./$cmd"
	done
}

# prepare_data generates the newsroom once per size into BENCH_CACHE and
# gives each run a fresh copy, so posted comments never pile up.
prepare_data() {
	local cached="$BENCH_CACHE/data-$ARTICLES-$COMMENTS"
	GENERATED=""
	if [ ! -f "$cached/bench.env" ]; then
		say "generating $ARTICLES stories and $COMMENTS comments into $cached"
		rm -rf "$cached.tmp"
		mkdir -p "$BENCH_CACHE"
		local t0 t1
		t0="$(date +%s%N)"
		"$WORK/bin/generate" --data "$cached.tmp" --articles "$ARTICLES" --comments "$COMMENTS" >&2
		t1="$(date +%s%N)"
		rm -rf "$cached"
		mv "$cached.tmp" "$cached"
		GENERATED="$(ms_between "$t0" "$t1")"
		echo "$GENERATED" >"$cached/generated-ms"
	fi
	[ -f "$cached/generated-ms" ] && GENERATED="$(cat "$cached/generated-ms")"
	cp -r "$cached" "$WORK/data"
	DATA_SIZE="$(du -sm "$WORK/data" | cut -f1)"
	# shellcheck disable=SC1091
	source "$WORK/data/bench.env"
}

# launch_dateline starts Dateline in the background and sets DATELINE_PID.
# 127.0.0.1 is trusted as a proxy so that each posted comment can carry its
# own reader address, as it would behind a reverse proxy.
launch_dateline() {
	"$WORK/bin/dateline" serve --no-demo --data "$WORK/data" --addr "127.0.0.1:$DATELINE_PORT" \
		--trusted-proxies 127.0.0.1 --log-format json >>"$WORK/dateline.out" 2>>"$WORK/dateline.log" &
	DATELINE_PID=$!
}

start_dateline() {
	port_free "$DATELINE_PORT"
	say "starting dateline on $DATELINE"
	launch_dateline
	wait_200 "$DATELINE/" || die "dateline did not answer 200 on $DATELINE/ (see $WORK/dateline.log)"
}

stop_dateline() {
	if [ -n "$DATELINE_PID" ]; then
		kill "$DATELINE_PID" 2>/dev/null || true
		wait "$DATELINE_PID" 2>/dev/null || true
		DATELINE_PID=""
	fi
}

# port_free refuses to measure whatever else already listens on a port.
port_free() {
	if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$1/"; then
		die "something already answers on 127.0.0.1:$1; set DATELINE_PORT / NGINX_PORT"
	fi
}

# wait_200 polls a URL until it answers 200, for up to 60 seconds.
wait_200() {
	local i
	for i in $(seq 1 6000); do
		[ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ] && return 0
		sleep 0.01
	done
	return 1
}

# static_copy saves the article exactly as Dateline sends it, plain and in
# each compression it answers ACCEPT_ENCODING with, where nginx serves it.
static_copy() {
	local dir="$WORK/www$ARTICLE_PATH"
	mkdir -p "$dir"
	curl -sf -o "$dir/index.html" "$DATELINE$ARTICLE_PATH"
	curl -sf -H 'Accept-Encoding: gzip' -o "$dir/index.html.gz" "$DATELINE$ARTICLE_PATH"
	ENCODING="$(content_encoding "$DATELINE$ARTICLE_PATH")"
	if [ "$ENCODING" = br ]; then
		curl -sf -H 'Accept-Encoding: br' -o "$dir/index.html.br" "$DATELINE$ARTICLE_PATH"
	fi
	chmod -R a+rX "$WORK/www"
}

content_encoding() {
	curl -s -o /dev/null -D - -H "Accept-Encoding: $ACCEPT_ENCODING" "$1" |
		tr -d '\r' | awk -F': *' 'tolower($1) == "content-encoding" { print $2 }'
}

# start_nginx serves the static copy with gzip_static, and brotli_static
# when Dateline answers the same request with brotli.
start_nginx() {
	port_free "$NGINX_PORT"
	local conf="$WORK/nginx" load="" brotli=""
	mkdir -p "$conf/logs"
	if [ "$ENCODING" = br ]; then
		[ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] ||
			die "Dateline answers with brotli but nginx's brotli_static module is missing (apt-get install libnginx-mod-http-brotli-static)"
		load="load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;"
		brotli="brotli_static on;"
	fi
	cat >"$conf/nginx.conf" <<-CONF
		$load
		worker_processes auto;
		daemon off;
		pid $conf/nginx.pid;
		error_log $conf/logs/error.log warn;
		events { worker_connections 1024; }
		http {
		    access_log off;
		    sendfile on;
		    tcp_nopush on;
		    keepalive_requests 1000000;
		    types { text/html html; }
		    server {
		        listen 127.0.0.1:$NGINX_PORT;
		        root $WORK/www;
		        index index.html;
		        gzip_static on;
		        gzip_vary on;
		        $brotli
		    }
		}
	CONF
	say "starting nginx on $NGINX (static copy, ${ENCODING:-identity})"
	"$NGINX_BIN" -p "$conf" -c "$conf/nginx.conf" 2>>"$conf/logs/error.log" &
	NGINX_PID=$!
	wait_200 "$NGINX$ARTICLE_PATH" || die "nginx did not serve the static copy (see $conf/logs/error.log)"
}

# check_same_answer makes sure both servers send the article with the same
# encoding and the same number of bytes for the header wrk sends.
check_same_answer() {
	local a b sa sb
	a="$(content_encoding "$DATELINE$ARTICLE_PATH")"
	b="$(content_encoding "$NGINX$ARTICLE_PATH")"
	sa="$(curl -s -o /dev/null -w '%{size_download}' -H "Accept-Encoding: $ACCEPT_ENCODING" "$DATELINE$ARTICLE_PATH")"
	sb="$(curl -s -o /dev/null -w '%{size_download}' -H "Accept-Encoding: $ACCEPT_ENCODING" "$NGINX$ARTICLE_PATH")"
	[ "$a" = "$b" ] || die "dateline answers with '${a:-identity}', nginx with '${b:-identity}'"
	say "both answer $ARTICLE_PATH with ${a:-identity}: dateline $sa bytes, nginx $sb bytes"
	ARTICLE_BYTES="$sa"
}
