package security_test

import (
	"bytes"
	"encoding/base64"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tinyPNG is a valid 1×1 PNG.
var tinyPNG, _ = base64.StdEncoding.DecodeString("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")

// upload posts one file as the multipart field "file" to the upload route.
func (w *world) upload(t *testing.T, filename string, content []byte, headers ...string) response {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	part, err := mw.CreateFormFile("file", filename)
	if err != nil {
		t.Fatal(err)
	}
	part.Write(content)
	mw.Close()
	req, _ := http.NewRequest("POST", w.base+"/admin/common/upload", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
		if headers[i] == "Host" {
			req.Host = headers[i+1] // Go sends req.Host, not the header
		}
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var body bytes.Buffer
	body.ReadFrom(res.Body)
	return response{status: res.StatusCode, body: body.Bytes()}
}

// uploadPNG stores one picture, so that the images collection has a record.
func (w *world) uploadPNG(t *testing.T) {
	t.Helper()
	if r := envelope(t, "upload", w.upload(t, "dish.png", tinyPNG, "token", w.staff)); r.Code != 1 {
		t.Fatalf("upload of a PNG refused: %s", r.Message())
	}
}

// Uploads accept pictures only, by their content; refuse oversized files; and keep crafted names inside the
// storage folder.
func TestUploadsAcceptOnlyPicturesAndKeepNamesInside(t *testing.T) {
	w := newWorld(t)
	staff := []string{"token", w.staff}
	big := append(append([]byte{}, tinyPNG...), bytes.Repeat([]byte{0}, 3<<20)...)

	refusals := []struct {
		name     string
		filename string
		content  []byte
	}{
		{"a text file named .jpg", "menu.jpg", []byte("just some text, not a picture")},
		{"an HTML page named .png", "dish.png", []byte("<html><script>alert(1)</script></html>")},
		{"an SVG with a script", "logo.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`)},
		{"a Windows program named .png", "setup.png", append([]byte("MZ\x90\x00"), bytes.Repeat([]byte{0}, 512)...)},
		{"an empty file", "empty.png", nil},
		{"a 3 MB picture", "huge.png", big},
	}
	for _, c := range refusals {
		t.Run("refuses "+c.name, func(t *testing.T) {
			before := w.count("images")
			r := envelope(t, c.name, w.upload(t, c.filename, c.content, staff...))
			if r.Code != 0 || r.Message() == "" {
				t.Errorf("accepted: %+v", r)
			}
			if w.count("images") != before {
				t.Errorf("stored anyway")
			}
		})
	}

	outside := filepath.Dir(w.app.DataDir())
	for _, name := range []string{"../../../../pwned.png", `..\..\..\pwned.png`, "/etc/pwned.png", "..%2F..%2Fpwned.png",
		"pwned.png\x00.txt", "../" + strings.Repeat("a", 300) + ".png"} {
		t.Run("keeps the name "+name+" inside the storage", func(t *testing.T) {
			res := w.upload(t, name, tinyPNG, staff...)
			r := envelope(t, name, res)
			if r.Code != 1 {
				return // refusing the name is fine too
			}
			var link string
			if err := jsonString(r.Data, &link); err != nil || link == "" {
				t.Fatalf("no link: %s", res)
			}
			if strings.Contains(link, "..") || strings.Contains(link, "%2F..") || strings.Contains(link, "/etc/") {
				t.Errorf("link carries the crafted path: %s", link)
			}
			for _, dir := range []string{outside, w.app.DataDir(), "/etc"} {
				if _, err := os.Stat(filepath.Join(dir, "pwned.png")); err == nil {
					t.Errorf("a file escaped to %s", dir)
				}
			}
			// The stored picture is served back from where the link says.
			if got := send(t, "GET", link, nil); got.status != http.StatusOK || !bytes.Equal(got.body, tinyPNG) {
				t.Errorf("the link does not serve the picture: %d", got.status)
			}
		})
	}
}
