package media

import (
	"regexp"
	"strings"

	"github.com/pocketbase/pocketbase/core"
)

// A menu item keeps its picture twice: `image`, the URL every client shows (the compat API reads it), and
// `picture`, a link to the uploaded file in images, by which the dashboard shows a thumbnail and the owner picks
// another picture. LinkPictures keeps them in step in the collection items, from any API:
//   - a new image URL (the console's upload, a pasted URL) links the picture it names, or none for a URL
//     elsewhere;
//   - a picture picked through PocketBase's record API (the dashboard) sets image to its URL at the application
//     URL (else at the host the request came to), and clearing it clears image;
//   - an image typed in as a path (/api/files/…) is made a full URL the same way, since the mini-program needs one.
func LinkPictures(app core.App, items string) {
	follow := func(e *core.RecordEvent) error {
		r := e.Record
		if r.IsNew() || r.GetString("image") != r.Original().GetString("image") {
			r.Set("picture", uploadedPicture(e.App, r.GetString("image")))
		}
		return e.Next()
	}
	app.OnRecordCreate(items).BindFunc(follow)
	app.OnRecordUpdate(items).BindFunc(follow)

	picked := func(e *core.RecordRequestEvent) error {
		r := e.Record
		imageChanged := r.IsNew() || r.GetString("image") != r.Original().GetString("image")
		pictureChanged := (r.IsNew() && r.GetString("picture") != "") || (!r.IsNew() && r.GetString("picture") != r.Original().GetString("picture"))
		switch {
		case pictureChanged && !imageChanged:
			r.Set("image", "")
			if id := r.GetString("picture"); id != "" {
				if img, err := e.App.FindRecordById(collection, id); err == nil {
					r.Set("image", FileURL(requestBase(e.RequestEvent), img))
				}
			}
		case imageChanged && strings.HasPrefix(r.GetString("image"), "/api/files/"):
			r.Set("image", requestBase(e.RequestEvent)+r.GetString("image"))
		}
		return e.Next()
	}
	app.OnRecordCreateRequest(items).BindFunc(picked)
	app.OnRecordUpdateRequest(items).BindFunc(picked)
}

// picturePath is the path of an uploaded file: /api/files/<collection id or name>/<record id>/<file name>.
var picturePath = regexp.MustCompile(`/api/files/([^/]+)/([0-9a-z]+)/[^/?#]+`)

// uploadedPicture is the id of the uploaded picture a URL names, or "" when it names none that exists.
func uploadedPicture(app core.App, url string) string {
	m := picturePath.FindStringSubmatch(url)
	if m == nil {
		return ""
	}
	img, err := app.FindRecordById(collection, m[2])
	if err != nil || (m[1] != img.Collection().Id && m[1] != collection) {
		return ""
	}
	return img.Id
}
