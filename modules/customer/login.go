// Package customer holds the customers: sign-in with WeChat (the mini-program) or a browser's device key (the
// storefront), both registering on the first visit, and their address books.
package customer

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/auth"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/config"
	"myrestaurant/modules/wechat"
)

// maxOpenIDLength is the openid column's limit; WeChat's are 28 characters.
const maxOpenIDLength = 64

// LoginResult is UserLoginVO.
type LoginResult struct {
	ID     compat.ID `json:"id"`
	OpenID string    `json:"openid"`
	Token  string    `json:"token"`
}

// sessionsFor picks the WeChat login of cfg: the mock in demo mode only, the real code2session when the app id
// and secret are set, and otherwise a provider that refuses every login and says which setting is missing.
func sessionsFor(cfg *config.Config) wechat.Sessions {
	if cfg.Demo {
		return wechat.Mock{}
	}
	var missing []string
	if strings.TrimSpace(cfg.WeChat.AppID) == "" {
		missing = append(missing, "MYRESTAURANT_WECHAT_APPID")
	}
	if strings.TrimSpace(cfg.WeChat.Secret) == "" {
		missing = append(missing, "MYRESTAURANT_WECHAT_SECRET")
	}
	if len(missing) > 0 {
		return unconfigured{missing: missing}
	}
	return wechat.NewClient(cfg.WeChat.AppID, cfg.WeChat.Secret, cfg.WeChat.APIBase, wechat.DefaultTimeout)
}

// unconfigured is the login of a server started without WeChat credentials and without --demo.
type unconfigured struct{ missing []string }

func (u unconfigured) Code2Session(context.Context, string) (string, error) {
	return "", fmt.Errorf("wechat login is not configured: set %s (or start with --demo for the mock login)",
		strings.Join(u.missing, " and "))
}

// Login signs a customer in with a wx.login code, registering them on their first visit. Whatever goes wrong
// with WeChat, the customer sees `登录失败` and the log says why.
func Login(ctx context.Context, app core.App, sessions wechat.Sessions, code string) (LoginResult, error) {
	openid, err := sessions.Code2Session(ctx, code)
	switch {
	case err != nil:
	case openid == "":
		err = errors.New("empty openid")
	case utf8.RuneCountInString(openid) > maxOpenIDLength:
		err = fmt.Errorf("openid longer than %d characters", maxOpenIDLength)
	}
	if err != nil {
		app.Logger().Warn("customer login failed", "reason", err.Error())
		return LoginResult{}, compat.Fail(MsgLoginFailed)
	}
	user, err := findOrRegister(app, "openid", openid, nil)
	if err != nil {
		return LoginResult{}, err
	}
	token, err := user.NewAuthToken()
	if err != nil {
		return LoginResult{}, err
	}
	return LoginResult{ID: compat.ParseID(user.Id), OpenID: openid, Token: token}, nil
}

// findOrRegister returns the customer whose field (openid or device_key_hash) is value, creating them if needed;
// mayCreate (nil: always) may refuse the creation. Two first logins at once both try to create; the field's
// unique index lets one win, and the other finds the winner's record.
func findOrRegister(app core.App, field, value string, mayCreate func() error) (*core.Record, error) {
	user, err := findBy(app, field, value)
	if err == nil || !errors.Is(err, sql.ErrNoRows) {
		return user, err
	}
	if mayCreate != nil {
		if err := mayCreate(); err != nil {
			return nil, err
		}
	}
	col, err := app.FindCachedCollectionByNameOrId(auth.UsersCollection)
	if err != nil {
		return nil, err
	}
	user = core.NewRecord(col)
	user.Set(field, value)
	// PocketBase auth records need a password; customers never use one (password sign-in is off for users).
	user.SetRandomPassword()
	saveErr := app.Save(user)
	if saveErr == nil {
		return user, nil
	}
	if existing, err := findBy(app, field, value); err == nil {
		return existing, nil
	}
	return nil, saveErr
}

// findBy looks the customer up in the field's partial unique index (idx_users_openid, idx_users_device_key_hash:
// customers of the other kind, and those made in the dashboard, have the field empty). SQLite uses a partial
// index only when the query repeats its condition: it cannot tell that a bound parameter is never empty.
func findBy(app core.App, field, value string) (*core.Record, error) {
	user := &core.Record{}
	err := app.RecordQuery(auth.UsersCollection).AndWhere(dbx.HashExp{field: value}).
		AndWhere(dbx.NewExp(field + " != ''")).Limit(1).One(user)
	if err != nil {
		return nil, err
	}
	return user, nil
}
