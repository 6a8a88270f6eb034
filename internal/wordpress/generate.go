package wordpress

import (
	"bufio"
	"fmt"
	"io"
	"time"
)

// GenerateOptions size a generated export.
type GenerateOptions struct {
	Posts           int
	CommentsPerPost int
}

// Generate writes a synthetic WXR 1.2 export of the given size, shaped like
// a newsroom's (authors, categories, tags, posts with links to earlier
// posts, threaded comments), for benchmarks and tests of large imports.
// It streams: any size takes the same memory.
func Generate(w io.Writer, opt GenerateOptions) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	g := generator{w: bw, start: time.Date(2020, 1, 1, 8, 0, 0, 0, time.UTC)}
	g.header()
	commentID := 1
	for i := 1; i <= opt.Posts; i++ {
		g.post(i, commentID, opt.CommentsPerPost)
		commentID += opt.CommentsPerPost
	}
	fmt.Fprint(bw, "</channel>\n</rss>\n")
	return bw.Flush()
}

type generator struct {
	w     *bufio.Writer
	start time.Time
}

const genBase = "https://bench.example.org"

var genWords = []string{"council", "border", "election", "valley", "river", "ministry", "schools", "harvest",
	"ceasefire", "budget", "reporters", "court", "market", "drought", "clinic", "railway", "province", "talks"}

func (g *generator) header() {
	fmt.Fprint(g.w, `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Benchmark Gazette</title>
<link>`+genBase+`</link>
<language>en-US</language>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>`+genBase+`</wp:base_site_url>
<wp:base_blog_url>`+genBase+`</wp:base_blog_url>
`)
	for i := 1; i <= 5; i++ {
		fmt.Fprintf(g.w, "<wp:author><wp:author_id>%d</wp:author_id><wp:author_login><![CDATA[writer%d]]></wp:author_login><wp:author_email><![CDATA[writer%d@bench.example.org]]></wp:author_email><wp:author_display_name><![CDATA[Writer %d]]></wp:author_display_name></wp:author>\n", i, i, i, i)
	}
	for i, w := range genWords[:8] {
		fmt.Fprintf(g.w, "<wp:category><wp:term_id>%d</wp:term_id><wp:category_nicename><![CDATA[%s]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[%s desk]]></wp:cat_name></wp:category>\n", i+1, w, w)
	}
	for i, w := range genWords {
		fmt.Fprintf(g.w, "<wp:tag><wp:term_id>%d</wp:term_id><wp:tag_slug><![CDATA[%s-news]]></wp:tag_slug><wp:tag_name><![CDATA[%s news]]></wp:tag_name></wp:tag>\n", 100+i, w, w)
	}
}

func (g *generator) word(n int) string { return genWords[n%len(genWords)] }

func (g *generator) post(i, firstComment, comments int) {
	t := g.start.Add(time.Duration(i) * 37 * time.Minute)
	gmt := t.Format(wpTime)
	local := t.Add(4*time.Hour + 30*time.Minute).Format(wpTime)
	name := fmt.Sprintf("%s-%s-story-%d", g.word(i), g.word(i*7), i)
	link := fmt.Sprintf("%s/%s/%s/", genBase, t.Format("2006/01/02"), name)
	w := g.w
	fmt.Fprintf(w, "<item>\n<title><![CDATA[The %s and the %s: story %d]]></title>\n<link>%s</link>\n", g.word(i), g.word(i*7), i, link)
	fmt.Fprintf(w, "<dc:creator><![CDATA[writer%d]]></dc:creator>\n<guid isPermaLink=\"false\">%s/?p=%d</guid>\n<description></description>\n", i%5+1, genBase, i)
	fmt.Fprint(w, "<content:encoded><![CDATA[")
	for p := 0; p < 6; p++ {
		fmt.Fprintf(w, "<p>Reporters in the %s found that the %s had changed since the %s began; officials of the %s said the %s would decide. ",
			g.word(i+p), g.word(i+2*p), g.word(i+3*p), g.word(i+5*p), g.word(i+7*p))
		if p == 2 && i > 1 {
			fmt.Fprintf(w, `See <a href="%s/?p=%d">the earlier story</a>.`, genBase, i-1)
		}
		fmt.Fprint(w, "</p>\n")
	}
	fmt.Fprintf(w, "]]></content:encoded>\n<excerpt:encoded><![CDATA[What the %s means for the %s.]]></excerpt:encoded>\n", g.word(i), g.word(i+3))
	fmt.Fprintf(w, "<wp:post_id>%d</wp:post_id>\n<wp:post_date><![CDATA[%s]]></wp:post_date>\n<wp:post_date_gmt><![CDATA[%s]]></wp:post_date_gmt>\n", i, local, gmt)
	fmt.Fprintf(w, "<wp:comment_status><![CDATA[open]]></wp:comment_status>\n<wp:post_name><![CDATA[%s]]></wp:post_name>\n<wp:status><![CDATA[publish]]></wp:status>\n", name)
	fmt.Fprint(w, "<wp:post_parent>0</wp:post_parent>\n<wp:post_type><![CDATA[post]]></wp:post_type>\n<wp:post_password><![CDATA[]]></wp:post_password>\n<wp:is_sticky>0</wp:is_sticky>\n")
	fmt.Fprintf(w, "<category domain=\"category\" nicename=\"%s\"><![CDATA[%s desk]]></category>\n", g.word(i%8), g.word(i%8))
	fmt.Fprintf(w, "<category domain=\"post_tag\" nicename=\"%s-news\"><![CDATA[%s news]]></category>\n", g.word(i+1), g.word(i+1))
	for c := 0; c < comments; c++ {
		g.comment(firstComment+c, firstComment, c, t)
	}
	fmt.Fprint(w, "</item>\n")
}

func (g *generator) comment(id, first, n int, post time.Time) {
	t := post.Add(time.Duration(n+1) * 11 * time.Minute)
	parent := 0
	if n%3 == 2 { // every third comment replies to the one before
		parent = id - 1
	}
	status := "1"
	if n%10 == 9 {
		status = "0"
	}
	fmt.Fprintf(g.w, "<wp:comment><wp:comment_id>%d</wp:comment_id><wp:comment_author><![CDATA[Reader %d]]></wp:comment_author><wp:comment_author_email><![CDATA[reader%d@example.net]]></wp:comment_author_email><wp:comment_author_url></wp:comment_author_url><wp:comment_author_IP><![CDATA[192.0.2.%d]]></wp:comment_author_IP><wp:comment_date><![CDATA[%s]]></wp:comment_date><wp:comment_date_gmt><![CDATA[%s]]></wp:comment_date_gmt><wp:comment_content><![CDATA[Thank you for reporting on the %s. The %s matters to us here.]]></wp:comment_content><wp:comment_approved><![CDATA[%s]]></wp:comment_approved><wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>%d</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>\n",
		id, id%997, id%5003, id%250, t.Add(4*time.Hour+30*time.Minute).Format(wpTime), t.Format(wpTime), g.word(id), g.word(id+first), status, parent)
}
