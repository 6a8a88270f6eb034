# The measurements of bench/run. Sourced, not run. Each wrk run leaves one
# "BENCH key=value ..." line (see bench/wrk/report.lua) in a results file.

ms_between() { echo $(( ($2 - $1) / 1000000 )); }

# field prints one key's value from a results file.
field() { tr ' ' '\n' <"$1" | awk -F= -v k="$2" '$1 == k { print $2 }'; }

# wrk_page loads one URL and fails the suite on any failed request.
wrk_page() {
	local name="$1" url="$2" duration="$3" out
	out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout "$TIMEOUT" -H "Accept-Encoding: $ACCEPT_ENCODING" \
		-s "$ROOT/bench/wrk/page.lua" "$url" | grep '^BENCH ')" || die "wrk failed on $url"
	check_failures "$name" "$out"
	echo "$out"
}

check_failures() {
	local bad
	bad="$(tr ' ' '\n' <<<"$2" | awk -F= '$1 == "non_2xx_3xx" || $1 == "socket_errors" { n += $2 } END { print n + 0 }')"
	[ "$bad" = 0 ] || die "$1: $bad failed requests ($2); see $WORK/dateline.log"
}

# post_comments measures comment posts on the approved or the held path:
# the moderation rule is set in the database first, and the rows that
# reached it are counted after each run.
post_comments() {
	local path="$1" rule run stamp before after out posted
	case "$path" in
	approved) rule=none ;;
	held) rule=all ;;
	esac
	"$WORK/bin/comments" --data "$WORK/data" --moderation "$rule" >/dev/null
	# A signed form time from the page, older than the three seconds a
	# person needs at least, as the form of a reader who took their time.
	stamp="$(curl -sf "$DATELINE$ARTICLE_PATH" | grep -o 'name="stamp" value="[^"]*"' | sed 's/.*value="//; s/"$//')"
	[ -n "$stamp" ] || die "no comment form stamp on $ARTICLE_PATH"
	sleep 3.2
	for run in $(seq 1 "$RUNS"); do
		say "comments ($path), run $run of $RUNS"
		before="$(comment_total "$path")"
		out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$TIMEOUT" -s "$ROOT/bench/wrk/post.lua" "$DATELINE/comments" -- \
			"$stamp" "$POST_FIRST_ID" "$POST_LAST_ID" "$(( $(date +%s%3N) % 4294967296 ))" | grep '^BENCH ')" ||
			die "wrk failed posting comments"
		check_failures "comments ($path)" "$out"
		after="$(comment_total "$path")"
		posted="$(field <(echo "$out") requests)"
		# wrk counts answers; a post still in flight when it stops may be
		# stored without being counted, never the other way round.
		[ "$(( after - before ))" -ge "$posted" ] ||
			die "comments ($path): wrk got $posted answers but only $(( after - before )) rows were stored"
		echo "$out stored=$(( after - before ))" >"$WORK/results/comments-$path.$run"
	done
}

# comment_total counts the comments with the status a path gives them.
comment_total() {
	local status=approved
	[ "$1" = held ] && status=pending
	"$WORK/bin/comments" --data "$WORK/data" | tr ' ' '\n' | awk -F= -v k="$status" '$1 == k { print $2 }'
}

# memory_sample records Dateline's resident memory now and at its peak.
memory_sample() {
	awk -v at="$1" '$1 == "VmHWM:" { hwm = $2 } $1 == "VmRSS:" { rss = $2 }
		END { printf "BENCH at=%s hwm_kb=%d rss_kb=%d\n", at, hwm, rss }' "/proc/$DATELINE_PID/status" \
		>"$WORK/results/memory.$1"
}

# cold_starts times process start to the first 200 of the front page, with
# the data folder already in the operating system's file cache.
cold_starts() {
	local run t0 t1
	for run in $(seq 1 "$RUNS"); do
		say "cold start, run $run of $RUNS"
		t0="$(date +%s%N)"
		launch_dateline
		wait_200 "$DATELINE/" || die "dateline did not start (see $WORK/dateline.log)"
		t1="$(date +%s%N)"
		echo "BENCH cold_ms=$(ms_between "$t0" "$t1")" >"$WORK/results/cold.$run"
		stop_dateline
	done
}
