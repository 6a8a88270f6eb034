package main

import (
	"context"
	"fmt"
	"os"
)

// writeEnv records, for bench/run, where the measured story lives and
// which stories comment posts may go to (all but the measured one, so its
// page keeps its 40 comments).
func (g *generator) writeEnv(ctx context.Context, path string) error {
	a, err := g.st.ArticleByID(ctx, g.measured)
	if err != nil {
		return err
	}
	site, err := g.st.Site(ctx)
	if err != nil {
		return err
	}
	env := fmt.Sprintf("ARTICLE_ID=%d\nARTICLE_PATH=%s\nPOST_FIRST_ID=%d\nPOST_LAST_ID=%d\n",
		a.ID, a.Path(site.Location()), g.first, g.measured-1)
	return os.WriteFile(path, []byte(env), 0o644)
}
