package customer

import (
	"database/sql"
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/auth"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/sqlite"
)

// AddressesCollection holds the customers' delivery addresses.
const AddressesCollection = "address_book"

// ErrAddressNotFound is the answer for an address that does not exist or belongs to another customer: the two
// cases look the same, so nobody learns which ids exist. It is a business error (`地址不存在`); the order
// module may test for it with errors.Is and answer with its own message.
var ErrAddressNotFound = compat.Fail(MsgAddressNotFound)

// Address is the AddressBook JSON of the contract.
type Address struct {
	ID           compat.ID `json:"id"`
	UserID       compat.ID `json:"userId"`
	Consignee    string    `json:"consignee"`
	Phone        string    `json:"phone"`
	Sex          string    `json:"sex"`
	ProvinceCode string    `json:"provinceCode"`
	ProvinceName string    `json:"provinceName"`
	CityCode     string    `json:"cityCode"`
	CityName     string    `json:"cityName"`
	DistrictCode string    `json:"districtCode"`
	DistrictName string    `json:"districtName"`
	Detail       string    `json:"detail"`
	Label        string    `json:"label"`
	IsDefault    int       `json:"isDefault"`
}

// AddressOf reads an address_book record.
func AddressOf(r *core.Record) Address {
	a := Address{
		ID:           compat.ParseID(r.Id),
		UserID:       compat.ParseID(r.GetString("user")),
		Consignee:    r.GetString("consignee"),
		Phone:        r.GetString("phone"),
		Sex:          r.GetString("sex"),
		ProvinceCode: r.GetString("province_code"),
		ProvinceName: r.GetString("province_name"),
		CityCode:     r.GetString("city_code"),
		CityName:     r.GetString("city_name"),
		DistrictCode: r.GetString("district_code"),
		DistrictName: r.GetString("district_name"),
		Detail:       r.GetString("detail"),
		Label:        r.GetString("label"),
	}
	if r.GetBool("is_default") {
		a.IsDefault = 1
	}
	return a
}

// AddressInput is what the mini-program posts. Every field reads a number or a string (it sends `label` as
// 1/2/3); absent or null fields are left as they are on update. Its extras (name, type, userId) are ignored.
type AddressInput struct {
	ID           compat.ID   `json:"id"`
	Consignee    compat.Text `json:"consignee"`
	Phone        compat.Text `json:"phone"`
	Sex          compat.Text `json:"sex"`
	ProvinceCode compat.Text `json:"provinceCode"`
	ProvinceName compat.Text `json:"provinceName"`
	CityCode     compat.Text `json:"cityCode"`
	CityName     compat.Text `json:"cityName"`
	DistrictCode compat.Text `json:"districtCode"`
	DistrictName compat.Text `json:"districtName"`
	Detail       compat.Text `json:"detail"`
	Label        compat.Text `json:"label"`
	// IsDefault is honoured on update only, through the same switch as PUT /user/addressBook/default.
	IsDefault compat.Int `json:"isDefault"`
}

// addressField is one text column with the limit of the original's schema and the name a customer reads.
type addressField struct {
	column string
	label  string
	max    int
	value  compat.Text
}

func (in AddressInput) fields() []addressField {
	return []addressField{
		{"consignee", "收货人", 50, in.Consignee},
		{"sex", "性别", 2, in.Sex},
		{"phone", "手机号", 11, in.Phone},
		{"province_code", "省份编码", 12, in.ProvinceCode},
		{"province_name", "省份", 32, in.ProvinceName},
		{"city_code", "城市编码", 12, in.CityCode},
		{"city_name", "城市", 32, in.CityName},
		{"district_code", "区县编码", 12, in.DistrictCode},
		{"district_name", "区县", 32, in.DistrictName},
		{"detail", "详细地址", 200, in.Detail},
		{"label", "标签", 100, in.Label},
	}
}

// apply copies every field that was sent onto r; the recommended behaviour of the contract, where the original
// forgot province, city and district on update.
func (in AddressInput) apply(r *core.Record) error {
	for _, f := range in.fields() {
		if !f.value.Valid {
			continue
		}
		v := strings.TrimSpace(f.value.Value)
		if utf8.RuneCountInString(v) > f.max {
			return compat.Failf(compat.MsgFieldTooLongFormat, f.label, f.max)
		}
		r.Set(f.column, v)
	}
	if r.GetString("phone") == "" {
		return compat.Fail(MsgAddressPhoneRequired)
	}
	return nil
}

func ownQuery(app core.App, userID compat.ID) *dbx.SelectQuery {
	return app.RecordQuery(AddressesCollection).AndWhere(dbx.HashExp{"user": userID.String()})
}

// FindOwnAddress returns the customer's address with addressID, or ErrAddressNotFound when it does not exist
// or is someone else's. It works with a transaction app.
func FindOwnAddress(app core.App, userID, addressID compat.ID) (*core.Record, error) {
	if userID == 0 || addressID == 0 {
		return nil, ErrAddressNotFound
	}
	var rows []*core.Record
	err := ownQuery(app, userID).AndWhere(dbx.HashExp{"id": addressID.String()}).Limit(1).All(&rows)
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, ErrAddressNotFound
	}
	return rows[0], nil
}

// Delivery is what an order copies from the customer: the chosen address and the customer's name.
type Delivery struct {
	AddressID    string
	Consignee    string
	Phone        string
	ProvinceName string
	CityName     string
	DistrictName string
	Detail       string
	CustomerName string
}

// FindDelivery reads, in one hot read (every order submit runs it), the customer's address with addressID and the
// customer's name, or returns ErrAddressNotFound when the address does not exist or is someone else's. It works
// with a transaction app.
func FindDelivery(app core.App, userID, addressID compat.ID) (Delivery, error) {
	if userID == 0 || addressID == 0 {
		return Delivery{}, ErrAddressNotFound
	}
	var d Delivery
	err := sqlite.HotRow(app, "SELECT a.id, a.consignee, a.phone, a.province_name, a.city_name, a.district_name, a.detail, u.name "+
		"FROM "+AddressesCollection+" a JOIN "+auth.UsersCollection+" u ON u.id = a.user WHERE a.id = {:address} AND a.user = {:user} LIMIT 1",
		dbx.Params{"address": addressID.String(), "user": userID.String()},
		&d.AddressID, &d.Consignee, &d.Phone, &d.ProvinceName, &d.CityName, &d.DistrictName, &d.Detail, &d.CustomerName)
	if errors.Is(err, sql.ErrNoRows) {
		return Delivery{}, ErrAddressNotFound
	}
	return d, err
}

// listAddresses returns the customer's addresses, oldest first.
func listAddresses(app core.App, userID compat.ID) ([]Address, error) {
	var rows []*core.Record
	if err := ownQuery(app, userID).OrderBy("created ASC", "rowid ASC").All(&rows); err != nil {
		return nil, err
	}
	out := make([]Address, 0, len(rows))
	for _, r := range rows {
		out = append(out, AddressOf(r))
	}
	return out, nil
}

// MaxAddresses is how many addresses one customer may keep: home, work, family and friends with room to spare.
// The mini-program lists them all at once, without pages, so the list must stay short.
const MaxAddresses = 20

// addAddress stores a new address of the customer, up to MaxAddresses. It never starts as the default, as in the
// original. Counting and saving share a transaction, so concurrent adds cannot pass the limit together.
func addAddress(app core.App, userID compat.ID, in AddressInput) (*core.Record, error) {
	col, err := app.FindCachedCollectionByNameOrId(AddressesCollection)
	if err != nil {
		return nil, err
	}
	r := core.NewRecord(col)
	if err := in.apply(r); err != nil {
		return nil, err
	}
	r.Set("user", userID.String())
	r.Set("is_default", false)
	err = app.RunInTransaction(func(tx core.App) error {
		n, err := tx.CountRecords(AddressesCollection, dbx.HashExp{"user": userID.String()})
		if err != nil {
			return err
		}
		if n >= MaxAddresses {
			return compat.Failf(MsgTooManyAddressesFormat, MaxAddresses)
		}
		return compat.Save(tx, r)
	})
	return r, err
}

// updateAddress saves every field sent. isDefault 1 makes it the default (switching the old one off in the
// same transaction); 0 makes it an ordinary address.
func updateAddress(app core.App, userID compat.ID, in AddressInput) error {
	if in.ID == 0 {
		return compat.Fail(MsgAddressIDRequired)
	}
	return app.RunInTransaction(func(tx core.App) error {
		r, err := FindOwnAddress(tx, userID, in.ID)
		if err != nil {
			return err
		}
		if err := in.apply(r); err != nil {
			return err
		}
		makeDefault := in.IsDefault.Valid && in.IsDefault.Value != 0
		if in.IsDefault.Valid && !makeDefault {
			r.Set("is_default", false)
		}
		if err := compat.Save(tx, r); err != nil {
			return err
		}
		if makeDefault {
			return switchDefault(tx, userID, r)
		}
		return nil
	})
}

// setDefaultAddress makes the address the customer's only default. The switch is one transaction, and
// PocketBase runs write transactions one at a time, so concurrent calls leave exactly one default (the partial
// unique index on address_book(user) WHERE is_default guards it as well).
func setDefaultAddress(app core.App, userID, addressID compat.ID) error {
	if addressID == 0 {
		return compat.Fail(MsgAddressIDRequired)
	}
	return app.RunInTransaction(func(tx core.App) error {
		r, err := FindOwnAddress(tx, userID, addressID)
		if err != nil {
			return err
		}
		return switchDefault(tx, userID, r)
	})
}

// switchDefault turns off the customer's other defaults, then turns r on. Call it inside a transaction.
func switchDefault(tx core.App, userID compat.ID, r *core.Record) error {
	var current []*core.Record
	if err := ownQuery(tx, userID).AndWhere(dbx.HashExp{"is_default": true}).All(&current); err != nil {
		return err
	}
	for _, other := range current {
		if other.Id == r.Id {
			continue
		}
		other.Set("is_default", false)
		if err := tx.Save(other); err != nil {
			return err
		}
	}
	if r.GetBool("is_default") {
		return nil
	}
	r.Set("is_default", true)
	return tx.Save(r)
}

// deleteAddress removes the customer's address. Orders keep their own copy of the address they went to.
func deleteAddress(app core.App, userID, addressID compat.ID) error {
	return app.RunInTransaction(func(tx core.App) error {
		r, err := FindOwnAddress(tx, userID, addressID)
		if err != nil {
			return err
		}
		return tx.Delete(r)
	})
}

// defaultAddress returns the customer's default address, or `没有查询到默认地址`.
func defaultAddress(app core.App, userID compat.ID) (Address, error) {
	var rows []*core.Record
	if err := ownQuery(app, userID).AndWhere(dbx.HashExp{"is_default": true}).Limit(2).All(&rows); err != nil {
		return Address{}, err
	}
	if len(rows) != 1 {
		return Address{}, compat.Fail(MsgNoDefaultAddress)
	}
	return AddressOf(rows[0]), nil
}
