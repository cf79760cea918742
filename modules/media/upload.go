// Package media stores the dish and set meal pictures staff upload, as PocketBase files.
package media

import (
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"path"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"myrestaurant/modules/compat"
)

const collection = "images"

// MaxImageBytes is the original admin's 2 MB limit for a picture.
const MaxImageBytes = 2 << 20

// The picture types staff may upload, by their sniffed content type.
var imageTypes = map[string]string{
	"image/jpeg": ".jpg",
	"image/png":  ".png",
	"image/gif":  ".gif",
	"image/webp": ".webp",
}

// saveImage checks that the upload is a picture by its content, not its name, and stores it.
// The stored name is PocketBase's sanitised one, so a crafted file name cannot escape the storage folder.
func saveImage(app core.App, by compat.ID, fh *multipart.FileHeader) (*core.Record, error) {
	if fh.Size > MaxImageBytes {
		return nil, compat.Fail(compat.MsgUploadTooLarge)
	}
	f, err := fh.Open()
	if err != nil {
		return nil, compat.Fail(compat.MsgUploadFailed)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxImageBytes+1))
	if err != nil {
		return nil, compat.Fail(compat.MsgUploadFailed)
	}
	if len(data) > MaxImageBytes {
		return nil, compat.Fail(compat.MsgUploadTooLarge)
	}
	ext, ok := imageTypes[http.DetectContentType(data)]
	if !ok {
		return nil, compat.Fail(compat.MsgUploadNotImage)
	}
	base := strings.TrimSuffix(path.Base(strings.ReplaceAll(fh.Filename, "\\", "/")), path.Ext(fh.Filename))
	file, err := filesystem.NewFileFromBytes(data, base+ext)
	if err != nil {
		return nil, compat.Fail(compat.MsgUploadFailed)
	}
	col, err := app.FindCachedCollectionByNameOrId(collection)
	if err != nil {
		return nil, err
	}
	r := core.NewRecord(col)
	r.Set("file", file)
	r.Set("uploaded_by", by.String())
	if err := app.Save(r); err != nil {
		app.Logger().Warn("image upload refused", "error", err)
		return nil, compat.Fail(compat.MsgUploadFailed)
	}
	return r, nil
}

// fileURL is where PocketBase serves the stored picture. It is absolute, because the mini-program loads
// pictures from another origin: the configured application URL when there is one, else this request's host
// (the server warns at start that it will, see appURL).
func fileURL(e *core.RequestEvent, r *core.Record) string {
	p := "/api/files/" + url.PathEscape(r.Collection().Id) + "/" + url.PathEscape(r.Id) + "/" + url.PathEscape(r.GetString("file"))
	if base, ok := appURL(e.App); ok {
		return base + p
	}
	scheme := "http"
	if e.IsTLS() || strings.EqualFold(e.Request.Header.Get("X-Forwarded-Proto"), "https") {
		scheme = "https"
	}
	return scheme + "://" + e.Request.Host + p
}

func uploadAction(e *core.RequestEvent) (any, error) {
	e.Request.Body = http.MaxBytesReader(e.Response, e.Request.Body, MaxImageBytes+64<<10)
	if err := e.Request.ParseMultipartForm(MaxImageBytes + 64<<10); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, compat.Fail(compat.MsgUploadTooLarge)
		}
		return nil, compat.Fail(compat.MsgUploadFailed)
	}
	_, fh, err := e.Request.FormFile("file")
	if err != nil {
		return nil, compat.Fail(compat.MsgUploadFailed)
	}
	r, err := saveImage(e.App, compat.AuthID(e), fh)
	if err != nil {
		return nil, err
	}
	return fileURL(e, r), nil
}

// Register wires POST /admin/common/upload.
func Register(app core.App) {
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		warnWithoutAppURL(se.App)
		// Pictures are for the menu, which managers edit.
		se.Router.Group("/admin/common").BindFunc(compat.RequireManager).
			POST("/upload", compat.Handle(uploadAction))
		return se.Next()
	})
}
