// Command generate fills a fresh Dateline database with a large, realistic
// newsroom for the benchmark suite: sections, authors, tags, published
// stories and reader comments, written through internal/store in batched
// transactions. One story, the newest and the front page's lead, gets
// exactly 40 approved comments; it is the page the suite measures.
//
//	go run ./bench/generate --data DIR --articles 100000 --comments 1000000
//
// It writes DIR/bench.env with the measured story's path and the range of
// story ids that comment posts may target.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/datelinenews/dateline/internal/store"
)

// measuredComments is how many approved comments the measured story has.
const measuredComments = 40

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "generate:", err)
		os.Exit(1)
	}
}

func run() error {
	data := flag.String("data", "", "folder for the new SQLite database (must not hold one yet)")
	articles := flag.Int("articles", 100_000, "published stories to create")
	comments := flag.Int("comments", 1_000_000, "reader comments to create, the measured story's 40 included")
	flag.Parse()
	switch {
	case *data == "":
		return errors.New("--data is required")
	case *articles < 2:
		return errors.New("--articles must be at least 2")
	case *comments < measuredComments:
		return fmt.Errorf("--comments must be at least %d", measuredComments)
	}
	if _, err := os.Stat(filepath.Join(*data, store.SQLiteFile)); err == nil {
		return fmt.Errorf("%s already holds a database; generate into an empty folder", *data)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, "", *data)
	if err != nil {
		return err
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		return err
	}
	start := time.Now()
	g := newGenerator(st, time.Now().UTC().Truncate(time.Second))
	if err := g.newsroom(ctx); err != nil {
		return err
	}
	if err := g.stories(ctx, *articles); err != nil {
		return err
	}
	fmt.Printf("%d stories in %s\n", *articles, time.Since(start).Round(time.Millisecond))
	t := time.Now()
	if err := g.comments(ctx, *comments); err != nil {
		return err
	}
	fmt.Printf("%d comments in %s\n", *comments, time.Since(t).Round(time.Millisecond))
	return g.writeEnv(ctx, filepath.Join(*data, "bench.env"))
}
