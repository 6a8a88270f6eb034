package markup

import (
	"html"
	"regexp"
	"strconv"
	"strings"
)

// scOpen matches an opening shortcode tag at the start of the text:
// [name], [name attr="v" …], [name … /].
var scOpen = regexp.MustCompile(`^\[([A-Za-z][A-Za-z0-9_-]*)((?:\s[^\[\]]*?)?)\s*(/?)\]`)

// knownShortcodes are those of WordPress itself.
var knownShortcodes = map[string]bool{
	"caption": true, "wp_caption": true, "embed": true, "video": true, "audio": true,
	"gallery": true, "playlist": true,
	// Jetpack's, common on older news sites: [youtube URL], [vimeo ID].
	"youtube": true, "vimeo": true,
}

// shortcodes replaces every shortcode in s with HTML the converter
// understands, or removes it. Brackets that are only text ("[sic]",
// "[Updated at 3pm]") are left alone: an unknown name counts as a
// shortcode only when it has key=value attributes, a closing tag, or a
// plugin-like name with "-" or "_".
func (c *converter) shortcodes(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i:]
		if lit, rest, ok := escapedShortcode(s); ok {
			b.WriteString(lit)
			s = rest
			continue
		}
		out, rest, ok := c.shortcode(s)
		if !ok {
			b.WriteByte('[')
			s = s[1:]
			continue
		}
		b.WriteString(out)
		s = rest
	}
}

// escapedShortcode reads [[name]], which WordPress shows as [name].
func escapedShortcode(s string) (lit, rest string, ok bool) {
	if !strings.HasPrefix(s, "[[") {
		return "", s, false
	}
	m := scOpen.FindString(s[1:])
	if m == "" || !strings.HasPrefix(s[1+len(m):], "]") {
		return "", s, false
	}
	return m, s[2+len(m):], true
}

// shortcode converts the shortcode at the start of s, if there is one.
func (c *converter) shortcode(s string) (out, rest string, ok bool) {
	m := scOpen.FindStringSubmatchIndex(s)
	if m == nil {
		return "", s, false
	}
	name := s[m[2]:m[3]] // WordPress matches names case-sensitively
	rawAttrs := s[m[4]:m[5]]
	rest = s[m[1]:]
	content, closed := "", false
	if m[7] == m[6] && !c.unclosed[name] { // not self-closing: look for [/name]
		if j := strings.Index(rest, "[/"+name+"]"); j >= 0 {
			content, rest, closed = rest[:j], rest[j+len(name)+3:], true
		} else {
			c.unclosed[name] = true // nor will it be found further on
		}
	}
	if !knownShortcodes[name] && !closed && !strings.Contains(rawAttrs, "=") && !strings.ContainsAny(name, "-_") {
		return "", s, false
	}
	return c.expand(name, parseAttrs(rawAttrs), content), rest, true
}

func (c *converter) expand(name string, attrs map[string]string, content string) string {
	switch name {
	case "caption", "wp_caption":
		return captionShortcode(attrs, content)
	case "embed":
		u := strings.TrimSpace(html.UnescapeString(content))
		if u == "" {
			return ""
		}
		return embedMarker(u)
	case "video":
		return mediaShortcode("video", attrs, "src", "mp4", "m4v", "webm", "ogv", "mov", "wmv", "flv")
	case "audio":
		return mediaShortcode("audio", attrs, "src", "mp3", "m4a", "ogg", "oga", "wav", "wma", "flac")
	case "gallery":
		return c.galleryShortcode(attrs)
	case "youtube", "vimeo":
		return jetpackVideo(name, attrs)
	}
	c.warn("shortcode [" + name + "] removed")
	// An enclosing shortcode's own text stays. It is not a suffix of the
	// post, so what is unclosed in it may close further on.
	outer := c.unclosed
	c.unclosed = map[string]bool{}
	defer func() { c.unclosed = outer }()
	return c.shortcodes(content)
}

// captionImage splits [caption] content into the image (perhaps linked)
// and the caption text after it.
var captionImage = regexp.MustCompile(`(?is)^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$`)

func captionShortcode(attrs map[string]string, content string) string {
	img, caption := content, ""
	if m := captionImage.FindStringSubmatch(content); m != nil {
		img, caption = m[1], m[2]
	}
	if a := attrs["caption"]; a != "" { // the form before WordPress 3.4
		caption = a
	}
	return "<figure>" + img + "<figcaption>" + strings.TrimSpace(caption) + "</figcaption></figure>"
}

// mediaShortcode turns [video]/[audio] into the element, from the first
// source attribute set, keeping a video's poster.
func mediaShortcode(tag string, attrs map[string]string, keys ...string) string {
	poster := ""
	if p := attrs["poster"]; p != "" && tag == "video" {
		poster = ` poster="` + html.EscapeString(html.UnescapeString(p)) + `"`
	}
	for _, k := range keys {
		if u := attrs[k]; u != "" {
			return "<" + tag + ` src="` + html.EscapeString(html.UnescapeString(u)) + `"` + poster + `></` + tag + ">"
		}
	}
	return ""
}

// jetpackVideo reads [youtube https://…] or [vimeo 123456] (an address
// or an id, as the first bare value, or url=).
func jetpackVideo(name string, attrs map[string]string) string {
	v := firstNonEmpty(attrs["0"], attrs["url"], attrs["id"])
	if v == "" {
		return ""
	}
	if !strings.Contains(v, "/") {
		if name == "youtube" {
			v = "https://www.youtube.com/watch?v=" + v
		} else {
			v = "https://vimeo.com/" + v
		}
	}
	return embedMarker(html.UnescapeString(v))
}

// scAttr matches one attribute: key="v", key='v', key=v or a bare value.
var scAttr = regexp.MustCompile(`([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)|"[^"]*"|'[^']*'|\S+`)

// parseAttrs reads shortcode attributes; keys are lower-cased, bare
// values are numbered from "0". Curly
// quotes, which WordPress's texturize sometimes saved into posts, count as
// straight ones.
func parseAttrs(s string) map[string]string {
	s = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2033", `"`, "\u2018", "'", "\u2019", "'").Replace(s)
	out := map[string]string{}
	bare := 0
	for _, m := range scAttr.FindAllStringSubmatch(s, -1) {
		switch {
		case m[1] != "":
			out[strings.ToLower(m[1])] = m[2]
		case m[3] != "":
			out[strings.ToLower(m[3])] = m[4]
		case m[5] != "":
			out[strings.ToLower(m[5])] = m[6]
		default:
			out[strconv.Itoa(bare)] = strings.Trim(m[0], `"'`)
			bare++
		}
	}
	return out
}

// autoEmbedLine is a line holding only an address, which WordPress turns
// into an embed in classic posts.
var autoEmbedLine = regexp.MustCompile(`(?m)^[ \t]*(https?://[^\s<>"]+)[ \t]*$`)

func autoEmbed(s string) string {
	return autoEmbedLine.ReplaceAllString(s, `<x-dl-embed url="$1"></x-dl-embed>`)
}
