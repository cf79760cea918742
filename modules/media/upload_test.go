package media_test

import (
	"bytes"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/media"
)

func pngBytes(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	img.Set(1, 1, color.RGBA{255, 0, 0, 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func upload(t *testing.T, url, token, filename string, content []byte) apptest.Reply {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	fw, _ := w.CreateFormFile("file", filename)
	fw.Write(content)
	w.Close()
	req, _ := http.NewRequest("POST", url, &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("token", token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	reply := apptest.Reply{Status: res.StatusCode}
	raw, _ := io.ReadAll(res.Body)
	if res.StatusCode == 200 {
		if err := json.Unmarshal(raw, &reply); err != nil {
			t.Fatalf("not an envelope: %s", raw)
		}
	}
	return reply
}

func TestUpload(t *testing.T) {
	app := apptest.New(t, func(app core.App) { media.Register(app) })
	base := apptest.Serve(t, app)
	_, tok := apptest.Employee(t, app, "alice", 1)
	_, customerTok := apptest.Customer(t, app, "o1")
	img := pngBytes(t)

	r := upload(t, base+"/admin/common/upload", tok, "宫保鸡丁.png", img)
	if r.Code != 1 {
		t.Fatalf("upload: %s", r.Message())
	}
	var url string
	json.Unmarshal(r.Data, &url)
	if !strings.HasPrefix(url, base+"/api/files/") {
		t.Fatalf("url %q", url)
	}
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !bytes.Equal(got, img) {
		t.Fatalf("serving the upload: %d, %d bytes", res.StatusCode, len(got))
	}

	n0, _ := app.CountRecords("images")
	for name, c := range map[string]struct {
		file    string
		content []byte
		msg     string
	}{
		"text renamed to png": {"x.png", []byte("just text, not a picture"), "只能上传"},
		"html":                {"x.html", []byte("<html><script>alert(1)</script></html>"), "只能上传"},
		"oversized":           {"big.png", append(img, make([]byte, 2<<20)...), "2MB"},
		"traversal name":      {"../../../etc/passwd", []byte("root:x:0:0"), "只能上传"},
	} {
		r := upload(t, base+"/admin/common/upload", tok, c.file, c.content)
		if r.Code != 0 || !strings.Contains(r.Message(), c.msg) {
			t.Errorf("%s: %+v %q", name, r, r.Message())
		}
	}
	if n, _ := app.CountRecords("images"); n != n0 {
		t.Fatalf("refused uploads were stored: %d → %d", n0, n)
	}
	// A picture with a traversal name is stored under PocketBase's own sanitised name.
	r = upload(t, base+"/admin/common/upload", tok, "../../evil.png", img)
	json.Unmarshal(r.Data, &url)
	if r.Code != 1 || strings.Contains(url, "..") {
		t.Fatalf("traversal picture: %+v %s", r, url)
	}
	if r := upload(t, base+"/admin/common/upload", customerTok, "x.png", img); r.Status != http.StatusUnauthorized {
		t.Fatalf("customer upload: %d", r.Status)
	}
	// Not multipart at all.
	if r := apptest.Call(t, "POST", base+"/admin/common/upload", map[string]int{"a": 1}, "token", tok); r.Code != 0 || r.Message() != "文件上传失败" {
		t.Fatalf("json body: %+v", r)
	}
}
