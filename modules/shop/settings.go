// Package shop holds the shop's open/closed status and the settings staff change at run time:
// name, phone, address, delivery and packing fees, and the time zone.
package shop

import (
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/clock"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/sqlite"
)

// Collection holds the one shop record: its name, contacts, status, fees and time zone.
const Collection = "shop"

// Shop statuses of the contract.
const (
	Closed = 0
	Open   = 1
)

// Settings is the shop record as the compat API shows it.
type Settings struct {
	Name        string       `json:"name"`
	Phone       string       `json:"phone"`
	Address     string       `json:"address"`
	Status      int          `json:"status"`
	DeliveryFee compat.Money `json:"deliveryFee"`
	PackingFee  compat.Money `json:"packingFee"` // per item
	TimeZone    string       `json:"timeZone"`
	BusyMode    bool         `json:"busyMode"` // paid orders are accepted at once (order/busy_mode.go)

	PayOnDelivery bool `json:"payOnDelivery"` // customers may choose to pay on delivery / at the counter
}

// record returns the one shop record; the first migration creates it.
func record(app core.App) (*core.Record, error) {
	r := &core.Record{}
	err := app.RecordQuery(Collection).Limit(1).One(r)
	return r, err
}

// Load reads the shop settings. Every order submit reads them: a hot read.
func Load(app core.App) (Settings, error) {
	var s Settings
	var delivery, packing int64
	err := sqlite.HotRow(app, "SELECT name, phone, address, status, delivery_fee, packing_fee, time_zone, busy_mode, pay_on_delivery FROM shop LIMIT 1", nil,
		&s.Name, &s.Phone, &s.Address, &s.Status, &delivery, &packing, &s.TimeZone, &s.BusyMode, &s.PayOnDelivery)
	s.DeliveryFee, s.PackingFee = compat.Cents(delivery), compat.Cents(packing)
	return s, err
}

func settingsOf(r *core.Record) Settings {
	return Settings{
		Name:        r.GetString("name"),
		Phone:       r.GetString("phone"),
		Address:     r.GetString("address"),
		Status:      r.GetInt("status"),
		DeliveryFee: compat.Cents(int64(r.GetInt("delivery_fee"))),
		PackingFee:  compat.Cents(int64(r.GetInt("packing_fee"))),
		TimeZone:    r.GetString("time_zone"),
		BusyMode:    r.GetBool("busy_mode"),

		PayOnDelivery: r.GetBool("pay_on_delivery"),
	}
}

// IsOpen tells whether the shop takes orders now.
func IsOpen(app core.App) (bool, error) {
	s, err := Load(app)
	return s.Status == Open, err
}

// SetStatus opens (1) or closes (0) the shop.
func SetStatus(app core.App, status int) error {
	if status != Open && status != Closed {
		return compat.Fail(compat.MsgStatusInvalid)
	}
	r, err := record(app)
	if err != nil {
		return err
	}
	r.Set("status", status)
	return compat.Save(app, r)
}

// SettingsInput is what the console may change; absent fields stay as they are.
type SettingsInput struct {
	Name        compat.Text  `json:"name"`
	Phone       compat.Text  `json:"phone"`
	Address     compat.Text  `json:"address"`
	DeliveryFee compat.Money `json:"deliveryFee"`
	PackingFee  compat.Money `json:"packingFee"`
	TimeZone    compat.Text  `json:"timeZone"`
	BusyMode    *bool        `json:"busyMode"`

	PayOnDelivery *bool `json:"payOnDelivery"`
}

// Update saves the changed settings. A time zone must be an IANA name such as Asia/Shanghai.
func Update(app core.App, in SettingsInput) (Settings, error) {
	r, err := record(app)
	if err != nil {
		return Settings{}, err
	}
	for field, t := range map[string]compat.Text{"name": in.Name, "phone": in.Phone, "address": in.Address} {
		if t.Valid {
			r.Set(field, strings.TrimSpace(t.Value))
		}
	}
	for field, m := range map[string]compat.Money{"delivery_fee": in.DeliveryFee, "packing_fee": in.PackingFee} {
		if !m.Valid {
			continue
		}
		if !feeInRange(m.Cents) {
			return Settings{}, compat.Fail(MsgFeeOutOfRange)
		}
		r.Set(field, m.Cents)
	}
	if in.TimeZone.Valid {
		name := strings.TrimSpace(in.TimeZone.Value)
		if err := checkTimeZone(name); err != nil {
			return Settings{}, err
		}
		r.Set("time_zone", name)
	}
	if in.BusyMode != nil {
		r.Set("busy_mode", *in.BusyMode)
	}
	if in.PayOnDelivery != nil {
		r.Set("pay_on_delivery", *in.PayOnDelivery)
	}
	if err := compat.Save(app, r); err != nil {
		return Settings{}, err
	}
	return settingsOf(r), nil
}

// applyZone makes the shop's time zone the one the compat API and reports use.
func applyZone(name string) {
	if loc, err := time.LoadLocation(name); err == nil && name != "" {
		clock.SetZone(loc)
	}
}
