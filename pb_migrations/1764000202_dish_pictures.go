package migrations

import (
	"regexp"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Dishes and set meals keep their picture as the URL the clients show (`image`, read by the compat API); beside
// it, `picture` links the uploaded picture (images) so the dashboard shows a thumbnail and the owner can pick
// another one. modules/media keeps the two in step from any API; here the pictures already uploaded are linked.
// Staff, who may only put items on and off sale, may not change the picture either.
var pictureURL = regexp.MustCompile(`/api/files/([^/]+)/([0-9a-z]+)/[^/?#]+`)

func init() {
	m.Register(func(app core.App) error {
		images, err := app.FindCollectionByNameOrId("images")
		if err != nil {
			return err
		}
		images.Fields.GetByName("file").(*core.FileField).Presentable = true
		if err := app.Save(images); err != nil {
			return err
		}
		for _, name := range []string{"dishes", "setmeals"} {
			c, err := app.FindCollectionByNameOrId(name)
			if err != nil {
				return err
			}
			picture := relation("picture", images.Id, false, false)
			picture.Help = "图片 picture: pick an uploaded picture (images) or upload one there; image follows it."
			at := len(c.Fields)
			for i, f := range c.Fields {
				if f.GetName() == "image" {
					at = i // the thumbnail before the long URL
				}
			}
			c.Fields.AddAt(at, picture)
			if c.UpdateRule != nil && strings.HasSuffix(*c.UpdateRule, ")") {
				staffOnly := strings.TrimSuffix(*c.UpdateRule, ")") + " && @request.body.picture:changed = false)"
				c.UpdateRule = &staffOnly
			}
			if err := app.Save(c); err != nil {
				return err
			}
			if err := linkPictures(app, name, images); err != nil {
				return err
			}
		}
		return nil
	}, nil)
}

// linkPictures sets picture on every record whose image is the URL of an uploaded picture. (A shop's menu is
// small: one pass over its rows.)
func linkPictures(app core.App, collection string, images *core.Collection) error {
	var rows []struct {
		ID    string `db:"id"`
		Image string `db:"image"`
	}
	if err := app.DB().Select("id", "image").From(collection).Where(dbx.NewExp("image != ''")).All(&rows); err != nil {
		return err
	}
	for _, r := range rows {
		match := pictureURL.FindStringSubmatch(r.Image)
		if match == nil || (match[1] != images.Id && match[1] != images.Name) {
			continue
		}
		// Only a picture that still exists: a link to a deleted one would make the record unsavable.
		_, err := app.DB().NewQuery("UPDATE " + collection + " SET picture = {:picture} WHERE id = {:id} AND EXISTS (SELECT 1 FROM images WHERE id = {:picture})").
			Bind(dbx.Params{"picture": match[2], "id": r.ID}).Execute()
		if err != nil {
			return err
		}
	}
	return nil
}
