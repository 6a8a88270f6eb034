package markup

import (
	"html"
	"strings"

	nethtml "golang.org/x/net/html"
)

// galleryImage is one picture of a gallery: its <img> (or <a><img></a>)
// and its caption, both as HTML.
type galleryImage struct{ img, caption string }

// galleryHTML lays a gallery out as the converter expects: a figure per
// image, inside one figure that carries the gallery's own caption.
func galleryHTML(imgs []galleryImage, caption string) string {
	if len(imgs) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("<figure>")
	for _, im := range imgs {
		b.WriteString("<figure>" + im.img)
		if strings.TrimSpace(im.caption) != "" {
			b.WriteString("<figcaption>" + im.caption + "</figcaption>")
		}
		b.WriteString("</figure>")
	}
	if strings.TrimSpace(caption) != "" {
		b.WriteString("<figcaption>" + caption + "</figcaption>")
	}
	b.WriteString("</figure>")
	return b.String()
}

// galleryBlock reads the images of a gallery block, in the nested form of
// WordPress 5.9 and later (image blocks inside) and in the older list form.
func galleryBlock(inner string) string {
	nodes := parseFragment(inner)
	outer := firstElement(nodes, "figure")
	var imgs []galleryImage
	for _, img := range allElements(nodes, "img") {
		shown := img
		if isElement(img.Parent, "a") {
			shown = img.Parent
		}
		imgs = append(imgs, galleryImage{img: renderHTML(shown), caption: ownCaption(img, outer)})
	}
	caption := ""
	if outer != nil {
		if fc := childElement(outer, "figcaption"); fc != nil {
			caption = renderInner(fc)
		}
	}
	return galleryHTML(imgs, caption)
}

// ownCaption is the caption of the figure nearest to img, short of the
// gallery's own figure.
func ownCaption(img, outer *nethtml.Node) string {
	for f := img.Parent; f != nil && f != outer; f = f.Parent {
		if isElement(f, "figure") {
			if fc := childElement(f, "figcaption"); fc != nil {
				return renderInner(fc)
			}
			return ""
		}
	}
	return ""
}

// galleryShortcode builds [gallery ids="1,2,3"] from the attachments.
func (c *converter) galleryShortcode(attrs map[string]string) string {
	ids := attrs["ids"]
	if ids == "" {
		ids = attrs["include"]
	}
	if ids == "" {
		c.warn("shortcode [gallery] without ids removed: it shows the post's attached images, which the content does not list")
		return ""
	}
	if c.opt.Attachment == nil {
		c.warn("shortcode [gallery] removed: no attachments to find its images in")
		return ""
	}
	var imgs []galleryImage
	for _, id := range strings.Split(ids, ",") {
		u, alt, caption, ok := c.opt.Attachment(strings.TrimSpace(id))
		if !ok || u == "" {
			c.warn("an image of a [gallery] is not among the attachments and was left out")
			continue
		}
		img := `<img src="` + html.EscapeString(u) + `" alt="` + html.EscapeString(alt) + `">`
		imgs = append(imgs, galleryImage{img: img, caption: caption}) // WordPress keeps captions as HTML
	}
	return galleryHTML(imgs, "")
}
