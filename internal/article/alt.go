package article

import (
	"context"
	"errors"
	"fmt"
	"regexp"

	"github.com/datelinenews/dateline/internal/media"
)

// emptyAlt finds Markdown images without alt text: ![](…) or ![ ](…).
var emptyAlt = regexp.MustCompile(`!\[\s*\]\(\s*<?([^)\s>]*)`)

// imageRules checks a story's images: the featured image must be in the
// library, and a story about to be published or scheduled must describe
// every image for readers who cannot see it. Drafts may lack alt text.
func (s *Service) imageRules(ctx context.Context, in Input, publishing bool) error {
	v := ValidationError{}
	if in.FeaturedMediaID != 0 {
		img, err := s.store.ImageByID(ctx, in.FeaturedMediaID)
		switch {
		case errors.Is(err, media.ErrNotFound):
			v["featured_media"] = "That image is no longer in the media library. Choose another."
		case err != nil:
			return err
		case publishing && img.Alt == "":
			v["featured_media"] = fmt.Sprintf("The featured image %s needs alt text before the story is published: "+
				"describe it in the media library.", imageName(img))
		}
	}
	if m := emptyAlt.FindStringSubmatch(in.Body); publishing && m != nil {
		v["body"] = fmt.Sprintf("The image %s in the story needs alt text before it is published: "+
			"describe it between the square brackets, as in ![A crowd outside the ministry](…).", m[1])
	}
	if len(v) > 0 {
		return v
	}
	return nil
}

// imageName is how an editor recognises an image in a message.
func imageName(img media.Image) string {
	name := img.OriginalName
	if name == "" {
		name = img.Path
	}
	return fmt.Sprintf("%q (#%d)", name, img.ID)
}

// publishes reports whether a save moves a story to published or scheduled.
func publishes(from, to Status) bool {
	return from != to && (to == Published || to == Scheduled)
}
