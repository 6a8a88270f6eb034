package poster

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/datelinenews/dateline/internal/media"
)

// maxThumbnail bounds what is read from a provider: their thumbnails are
// tens of kilobytes.
const maxThumbnail = 8 << 20

// fetch downloads the video's thumbnail from its provider.
func (m *Maker) fetch(ctx context.Context, v media.ExternalVideo) ([]byte, error) {
	switch v.Provider {
	case "youtube":
		return m.get(ctx, strings.TrimSuffix(m.Sources.YouTube, "/")+"/vi/"+url.PathEscape(v.ID)+"/hqdefault.jpg")
	case "vimeo":
		thumb, err := m.vimeoThumbnail(ctx, v.ID)
		if err != nil {
			return nil, err
		}
		return m.get(ctx, thumb)
	}
	return nil, fmt.Errorf("unknown video provider %q", v.Provider)
}

// vimeoThumbnail asks Vimeo's oEmbed endpoint where the video's thumbnail is.
func (m *Maker) vimeoThumbnail(ctx context.Context, id string) (string, error) {
	q := url.Values{"url": {"https://vimeo.com/" + id}, "width": {"1280"}}
	body, err := m.get(ctx, m.Sources.VimeoOEmbed+"?"+q.Encode())
	if err != nil {
		return "", err
	}
	var answer struct {
		ThumbnailURL string `json:"thumbnail_url"`
	}
	if err := json.Unmarshal(body, &answer); err != nil {
		return "", fmt.Errorf("vimeo oEmbed: %w", err)
	}
	u, err := url.Parse(answer.ThumbnailURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return "", errors.New("vimeo oEmbed: no usable thumbnail_url")
	}
	return u.String(), nil
}

func (m *Maker) get(ctx context.Context, target string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", "Dateline (video poster)")
	client := m.Client
	if client == nil {
		client = &http.Client{Timeout: 15 * time.Second}
	}
	res, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", target, res.Status)
	}
	data, err := io.ReadAll(io.LimitReader(res.Body, maxThumbnail+1))
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", target, err)
	}
	if len(data) > maxThumbnail {
		return nil, fmt.Errorf("GET %s: larger than %d bytes", target, maxThumbnail)
	}
	return data, nil
}
