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

	"myrestaurant/modules/auth"
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
func saveImage(app core.App, by compat.ID, fh *multipart.FileHeader) (*core.Record, error) {
	if fh.Size > MaxImageBytes {
		return nil, compat.Fail(MsgUploadTooLarge)
	}
	f, err := fh.Open()
	if err != nil {
		return nil, compat.Fail(MsgUploadFailed)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxImageBytes+1))
	if err != nil {
		return nil, compat.Fail(MsgUploadFailed)
	}
	return StoreImage(app, by, fh.Filename, data)
}

// StoreImage stores a picture as a PocketBase file of the `images` collection, as an upload by employee by (0 for
// none) named name. It checks that data is a picture by its content, not its name; the stored name is
// PocketBase's sanitised one, so a crafted file name cannot escape the storage folder.
func StoreImage(app core.App, by compat.ID, name string, data []byte) (*core.Record, error) {
	if len(data) > MaxImageBytes {
		return nil, compat.Fail(MsgUploadTooLarge)
	}
	ext, ok := imageTypes[http.DetectContentType(data)]
	if !ok {
		return nil, compat.Fail(MsgUploadNotImage)
	}
	base := strings.TrimSuffix(path.Base(strings.ReplaceAll(name, "\\", "/")), path.Ext(name))
	file, err := filesystem.NewFileFromBytes(data, base+ext)
	if err != nil {
		return nil, compat.Fail(MsgUploadFailed)
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
		return nil, compat.Fail(MsgUploadFailed)
	}
	return r, nil
}

// PublicBase is the scheme and host pictures are served at: the configured application URL (see appURL), else
// fallback. The URL must be absolute, because the mini-program loads pictures from another origin.
func PublicBase(app core.App, fallback string) string {
	if base, ok := appURL(app); ok {
		return base
	}
	return fallback
}

// FileURL is where PocketBase serves the stored picture under base (see PublicBase).
func FileURL(base string, r *core.Record) string {
	return base + "/api/files/" + url.PathEscape(r.Collection().Id) + "/" + url.PathEscape(r.Id) + "/" + url.PathEscape(r.GetString("file"))
}

// fileURL is the picture's URL for this request: at the application URL when there is one, else at this
// request's own host (the server warns at start that it will, see appURL).
func fileURL(e *core.RequestEvent, r *core.Record) string {
	return FileURL(requestBase(e), r)
}

// requestBase is the application URL, or else the scheme and host the request came to.
func requestBase(e *core.RequestEvent) string {
	scheme := "http"
	if e.IsTLS() || strings.EqualFold(e.Request.Header.Get("X-Forwarded-Proto"), "https") {
		scheme = "https"
	}
	return PublicBase(e.App, scheme+"://"+e.Request.Host)
}

func uploadAction(e *core.RequestEvent) (any, error) {
	e.Request.Body = http.MaxBytesReader(e.Response, e.Request.Body, MaxImageBytes+64<<10)
	if err := e.Request.ParseMultipartForm(MaxImageBytes + 64<<10); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, compat.Fail(MsgUploadTooLarge)
		}
		return nil, compat.Fail(MsgUploadFailed)
	}
	_, fh, err := e.Request.FormFile("file")
	if err != nil {
		return nil, compat.Fail(MsgUploadFailed)
	}
	r, err := saveImage(e.App, auth.AuthID(e), fh)
	if err != nil {
		return nil, err
	}
	return fileURL(e, r), nil
}

// Register wires POST /admin/common/upload and GET /admin/common/appUrl.
func Register(app core.App) {
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		warnWithoutAppURL(se.App)
		// Pictures are for the menu, which managers edit.
		se.Router.Group("/admin/common").BindFunc(auth.RequireManager).
			POST("/upload", compat.Handle(uploadAction))
		// The console prints the storefront's link as a QR code, which must carry the public address.
		se.Router.Group("/admin/common").BindFunc(auth.RequireEmployee).
			GET("/appUrl", compat.Handle(appURLAction))
		return se.Next()
	})
}
