// Package wechat is the WeChat mini-program login: code2session, which trades the code of wx.login for the
// customer's openid. It is written on the standard library (no WeChat SDK is reachable from our module proxy)
// and imports no module, so the customer module can choose a provider and tests can fake WeChat.
package wechat

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
)

// Sessions trades a wx.login code for the customer's openid.
type Sessions interface {
	Code2Session(ctx context.Context, code string) (openid string, err error)
}

// DefaultTimeout bounds one code2session call; the customer waits on the login screen meanwhile.
const DefaultTimeout = 5 * time.Second

// MaxCodeLength is far above the 32 characters of a real wx.login code; longer ones are refused unsent.
const MaxCodeLength = 128

// maxAnswerBytes bounds what we read of WeChat's answer (a few hundred bytes in practice).
const maxAnswerBytes = 64 << 10

// Client calls WeChat's code2session API.
type Client struct {
	appID, secret string
	endpoint      string
	http          *http.Client
}

// DefaultAPIBase is WeChat's API server.
const DefaultAPIBase = "https://api.weixin.qq.com"

// NewClient returns a client of the API at apiBase (DefaultAPIBase when empty, a local fake in tests).
// A timeout of zero or less means DefaultTimeout.
func NewClient(appID, secret, apiBase string, timeout time.Duration) *Client {
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	if strings.TrimSpace(apiBase) == "" {
		apiBase = DefaultAPIBase
	}
	return &Client{
		appID:    appID,
		secret:   secret,
		endpoint: strings.TrimRight(apiBase, "/") + "/sns/jscode2session",
		http:     &http.Client{Timeout: timeout},
	}
}

// answer is code2session's JSON. WeChat answers HTTP 200 with errcode/errmsg on failure. session_key is read
// by nobody: it must never reach a log.
type answer struct {
	OpenID  string `json:"openid"`
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

// Code2Session returns the openid of code. Every failure is an error that says why (WeChat's errcode and
// errmsg, a timeout, a bad answer) and never contains the app secret.
func (c *Client) Code2Session(ctx context.Context, code string) (string, error) {
	if err := checkCode(code); err != nil {
		return "", err
	}
	q := url.Values{
		"appid":      {c.appID},
		"secret":     {c.secret},
		"js_code":    {code},
		"grant_type": {"authorization_code"},
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.endpoint+"?"+q.Encode(), nil)
	if err != nil {
		return "", fmt.Errorf("wechat code2session: %w", withoutURL(err))
	}
	res, err := c.http.Do(req)
	if err != nil {
		return "", fmt.Errorf("wechat code2session: %w", withoutURL(err))
	}
	defer res.Body.Close()
	body, err := io.ReadAll(io.LimitReader(res.Body, maxAnswerBytes))
	if err != nil {
		return "", fmt.Errorf("wechat code2session: reading the answer: %w", withoutURL(err))
	}
	if res.StatusCode != http.StatusOK {
		return "", fmt.Errorf("wechat code2session: HTTP %d", res.StatusCode)
	}
	var a answer
	if err := json.Unmarshal(body, &a); err != nil {
		return "", fmt.Errorf("wechat code2session: the answer is not JSON: %w", err)
	}
	if a.ErrCode != 0 {
		return "", fmt.Errorf("wechat code2session: errcode %d: %s", a.ErrCode, a.ErrMsg)
	}
	if a.OpenID == "" {
		return "", errors.New("wechat code2session: the answer has no openid")
	}
	return a.OpenID, nil
}

// withoutURL drops the request URL from a transport error: it carries the app secret in its query.
func withoutURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

func checkCode(code string) error {
	if strings.TrimSpace(code) == "" {
		return errors.New("wechat code2session: empty code")
	}
	if len(code) > MaxCodeLength {
		return fmt.Errorf("wechat code2session: code longer than %d bytes", MaxCodeLength)
	}
	return nil
}

// Mock is the demo login: code X signs in as openid "mock-X", without calling WeChat. Never use it outside
// demo mode: anyone could sign in as anyone.
type Mock struct{}

// MockPrefix starts every openid that Mock hands out.
const MockPrefix = "mock-"

// Code2Session returns "mock-" + code.
func (Mock) Code2Session(_ context.Context, code string) (string, error) {
	if err := checkCode(code); err != nil {
		return "", err
	}
	return MockPrefix + code, nil
}
