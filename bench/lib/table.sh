# The report of bench/run: medians of the runs, in a Markdown table.
# Sourced, not run.

# median prints the median of one key over a measurement's results files.
median() {
	local f
	for f in "$WORK/results/$1".*; do field "$f" "$2"; done |
		sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# calc evaluates an awk expression.
calc() { awk "BEGIN { print ($1) }"; }

verdict() { if [ "$(calc "$1")" = 1 ]; then echo pass; else echo "**miss**"; fi; }

page_row() {
	local label="$1" name="$2" rps p99 ratio
	rps="$(median "$name" rps)"
	p99="$(calc "$(median "$name" p99_us) / 1000")"
	ratio="$(calc "$rps / $STATIC_RPS")"
	printf '| %s | %.0f req/s | %.2f ms%s | %.3f | ≥ 0.80 × nginx, p99 < 10 ms | %s |\n' "$label" "$rps" "$p99" \
		"$(timeouts "$name")" "$ratio" "$(verdict "$ratio >= 0.8 && $p99 < 10")"
}

comment_row() {
	local path="$1" rps p99
	rps="$(median "comments-$path" rps)"
	p99="$(calc "$(median "comments-$path" p99_us) / 1000")"
	printf '| d. comment posts, %s (%s stored) | %.0f posts/s | %.2f ms%s | | ≥ 2,000/s | %s |\n' "$path" \
		"$(stored_total "$path")" "$rps" "$p99" "$(timeouts "comments-$path")" "$(verdict "$rps >= 2000")"
}

# timeouts notes answers slower than TIMEOUT, which wrk leaves out of its
# latency figures.
timeouts() {
	local n
	n="$(cat "$WORK/results/$1".* | tr ' ' '\n' | awk -F= '$1 == "timeouts" { n += $2 } END { print n + 0 }')"
	[ "$n" = 0 ] || printf ' (+%s over %s)' "$n" "$TIMEOUT"
}

stored_total() { cat "$WORK/results/comments-$1".* | tr ' ' '\n' | awk -F= '$1 == "stored" { n += $2 } END { print n + 0 }'; }

memory_row() {
	local hwm rss_pages rss_comments
	hwm="$(calc "$(field "$WORK/results/memory.comments" hwm_kb) / 1024")"
	rss_pages="$(calc "$(field "$WORK/results/memory.pages" rss_kb) / 1024")"
	rss_comments="$(calc "$(field "$WORK/results/memory.comments" rss_kb) / 1024")"
	printf '| e. resident memory: peak (VmHWM); after page load, after comment load (VmRSS) | %.0f MB; %.0f MB, %.0f MB | | | < 150 MB | %s |\n' \
		"$hwm" "$rss_pages" "$rss_comments" "$(verdict "$hwm < 150")"
}

cold_row() {
	local ms
	ms="$(median cold cold_ms)"
	printf '| f. cold start: process start to first 200 of `/` | %.0f ms | | | < 1,000 ms | %s |\n' "$ms" "$(verdict "$ms < 1000")"
}

print_table() {
	STATIC_RPS="$(median static rps)"
	[ "$(calc "$STATIC_RPS > 0")" = 1 ] || die "nginx answered no request; nothing to compare with"
	{
		echo
		echo "Dateline $(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo '?'), $(go env GOVERSION), $(date -u '+%Y-%m-%d %H:%M UTC')"
		echo "$(nproc) cores ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/^MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM; load average before the run: $LOAD_BEFORE"
		echo "$ARTICLES stories, $COMMENTS comments (SQLite, $DATA_SIZE MB${GENERATED:+, generated in $(calc "$GENERATED / 1000") s}); wrk $THREADS threads, $CONNECTIONS connections, $DURATION × $RUNS runs, timeout $TIMEOUT; Accept-Encoding: $ACCEPT_ENCODING → ${ENCODING:-identity}, article $ARTICLE_BYTES bytes"
		echo
		echo "| measurement (median of $RUNS) | throughput | p99 latency | ratio to nginx | target | result |"
		echo "| --- | ---: | ---: | ---: | --- | --- |"
		page_row "a. article page, 40 comments" article
		page_row "b. front page" front
		printf '| c. nginx, same article as a static file | %.0f req/s | %.2f ms | 1.00 | reference | |\n' \
			"$STATIC_RPS" "$(calc "$(median static p99_us) / 1000")"
		comment_row approved
		comment_row held
		memory_row
		cold_row
	} | tee ${OUT:+"$OUT"}
}
