package media

// ExternalVideo is a YouTube or Vimeo video a story embeds. Its poster is a
// library image, served by us so that readers' browsers contact the video
// site only when they press play.
type ExternalVideo struct {
	Provider string // "youtube" or "vimeo"
	ID       string
}

// Key names the video in maps of posters: "youtube:dQw4w9WgXcQ".
func (v ExternalVideo) Key() string { return v.Provider + ":" + v.ID }
