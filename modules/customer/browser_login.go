package customer

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/compat"
)

// A customer who orders from a phone's browser has no WeChat openid. The browser makes a random device key
// (crypto.getRandomValues, base64url), keeps it in localStorage and signs in with it: the same key is the same
// customer. Only the key's SHA-256 is stored (users.device_key_hash, hidden): the key is 256 random bits or more,
// so a plain hash cannot be reversed by guessing, and a leaked database does not sign anyone in.

// DeviceKeyHashField holds the hash of a browser customer's device key; "" for mini-program customers.
const DeviceKeyHashField = "device_key_hash"

// deviceKeyPattern is 43 to 128 base64url characters: at least 32 random bytes.
var deviceKeyPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{43,128}$`)

// BrowserLogin signs in the customer of a browser's device key, registering them on its first visit as long as
// newCustomers allows one more from the client's address.
func BrowserLogin(app core.App, newCustomers *newCustomerLimit, clientAddress, deviceKey string) (LoginResult, error) {
	if !deviceKeyPattern.MatchString(deviceKey) {
		return LoginResult{}, compat.Fail(MsgDeviceKeyInvalid)
	}
	sum := sha256.Sum256([]byte(deviceKey))
	user, err := findOrRegister(app, DeviceKeyHashField, hex.EncodeToString(sum[:]), func() error {
		if !newCustomers.allow(clientAddress) {
			return compat.Fail(MsgTooManyNewCustomers)
		}
		return nil
	})
	if err != nil {
		return LoginResult{}, err
	}
	token, err := user.NewAuthToken()
	if err != nil {
		return LoginResult{}, err
	}
	return LoginResult{ID: compat.ParseID(user.Id), OpenID: user.GetString("openid"), Token: token}, nil
}

// IsBrowserCustomer tells whether the customer signed in with a browser's device key rather than WeChat.
func IsBrowserCustomer(user *core.Record) bool {
	return user != nil && user.GetString(DeviceKeyHashField) != ""
}
