// Package migrations holds the schema and seed data of MyRestaurant as Go migrations, compiled into the binary.
// It holds no behaviour.
package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"
)

// Records of the compat collections have 15-digit numeric ids, which the compat API writes as JSON numbers.
const (
	idPattern         = `^[1-9][0-9]{14}$`
	idAutoPattern     = `[1-9][0-9]{14}`
	isEmployee        = `@request.auth.collectionName = "employees" && @request.auth.status = 1`
	isCustomer        = `@request.auth.collectionName = "users"`
	employeeTokenSecs = 24 * 3600      // one working day; the console asks for the password again the next day
	customerTokenSecs = 30 * 24 * 3600 // the mini-program logs in again silently when a token expires
)

func init() {
	m.Register(createCollections, dropCollections)
}

var compatCollections = []string{
	"alerts", "payments", "order_details", "orders", "cart_items", "address_book",
	"setmeal_dishes", "setmeals", "dish_flavors", "dishes", "categories", "shop", "employees",
}

func dropCollections(app core.App) error {
	for _, name := range compatCollections {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			continue
		}
		if err := app.Delete(c); err != nil {
			return err
		}
	}
	return nil
}

func createCollections(app core.App) error {
	employees, err := createEmployees(app)
	if err != nil {
		return err
	}
	users, err := extendUsers(app)
	if err != nil {
		return err
	}
	if err := createShop(app); err != nil {
		return err
	}
	menu, err := createMenu(app, employees)
	if err != nil {
		return err
	}
	return createOrdering(app, users, menu)
}

// ---- field helpers: every compat field is declared with the original's column limits ----

func numericID(c *core.Collection) {
	id := c.Fields.GetByName("id").(*core.TextField)
	id.Pattern = idPattern
	id.AutogeneratePattern = idAutoPattern
	id.Min, id.Max = 15, 15
}

func text(name string, max int, required bool) *core.TextField {
	return &core.TextField{Name: name, Max: max, Required: required}
}

func integer(name string, min, max float64) *core.NumberField {
	return &core.NumberField{Name: name, OnlyInt: true, Min: types.Pointer(min), Max: types.Pointer(max)}
}

// cents is an amount of money in integer cents (decimal(10,2) in the original).
func cents(name string) *core.NumberField {
	return integer(name, 0, 99_999_999_99)
}

func relation(name, collectionID string, required, cascade bool) *core.RelationField {
	return &core.RelationField{Name: name, CollectionId: collectionID, MaxSelect: 1, Required: required, CascadeDelete: cascade}
}

func date(name string) *core.DateField { return &core.DateField{Name: name} }

func timestamps(c *core.Collection) {
	c.Fields.Add(
		&core.AutodateField{Name: "created", OnCreate: true},
		&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
	)
}

// audit adds the original's create_user/update_user, as relations to the employee who made the change.
func audit(c *core.Collection, employeesID string) {
	c.Fields.Add(relation("created_by", employeesID, false, false), relation("updated_by", employeesID, false, false))
	timestamps(c)
}

func rules(c *core.Collection, list, create, update, del *string) {
	c.ListRule, c.ViewRule, c.CreateRule, c.UpdateRule, c.DeleteRule = list, list, create, update, del
}

// ---- accounts ----

func createEmployees(app core.App) (*core.Collection, error) {
	c := core.NewAuthCollection("employees")
	numericID(c)
	rules(c, types.Pointer(isEmployee), nil, nil, nil)
	c.AuthRule = types.Pointer("status = 1")
	c.PasswordAuth.Enabled = true
	c.PasswordAuth.IdentityFields = []string{"username"}
	c.AuthToken.Duration = employeeTokenSecs
	c.Fields.GetByName("email").(*core.EmailField).Required = false
	// The original gives new employees the password 123456.
	c.Fields.GetByName("password").(*core.PasswordField).Min = 6
	c.Fields.Add(
		&core.TextField{Name: "username", Max: 32, Required: true, Presentable: true, Pattern: `^\S+$`},
		&core.TextField{Name: "name", Max: 32, Required: true, Presentable: true},
		text("phone", 11, false),
		&core.SelectField{Name: "sex", Values: []string{"0", "1"}, MaxSelect: 1},
		text("id_number", 18, false),
		integer("status", 0, 1),
	)
	timestamps(c)
	c.AddIndex("idx_employees_username", true, "username", "")
	c.AddIndex("idx_employees_created", false, "created", "")
	if err := app.Save(c); err != nil {
		return nil, err
	}
	c.Fields.Add(relation("created_by", c.Id, false, false), relation("updated_by", c.Id, false, false))
	return c, app.Save(c)
}

// extendUsers turns PocketBase's users into the customers of the mini-program, who sign in with WeChat only.
func extendUsers(app core.App) (*core.Collection, error) {
	c, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		return nil, err
	}
	numericID(c)
	own := types.Pointer("id = @request.auth.id")
	// A customer may read and edit their own profile but not their openid.
	rules(c, own, nil, types.Pointer(`id = @request.auth.id && @request.body.openid:isset = false`), nil)
	c.PasswordAuth.Enabled = false
	c.AuthToken.Duration = customerTokenSecs
	c.Fields.GetByName("email").(*core.EmailField).Required = false
	c.Fields.Add(
		&core.TextField{Name: "openid", Max: 64, Presentable: true},
		text("phone", 11, false),
		text("sex", 2, false),
		text("id_number", 18, false),
	)
	c.AddIndex("idx_users_openid", true, "openid", "openid != ''")
	c.AddIndex("idx_users_created", false, "created", "")
	return c, app.Save(c)
}

// ---- shop ----

func createShop(app core.App) error {
	c := core.NewBaseCollection("shop")
	rules(c, types.Pointer(""), nil, types.Pointer(isEmployee), nil)
	c.Fields.Add(
		&core.TextField{Name: "name", Max: 64, Presentable: true},
		text("phone", 32, false),
		text("address", 255, false),
		integer("status", 0, 1),
		cents("delivery_fee"),
		cents("packing_fee"),
		&core.TextField{Name: "time_zone", Max: 64, Required: true},
	)
	timestamps(c)
	if err := app.Save(c); err != nil {
		return err
	}
	// One record, closed until staff open the shop.
	shop := core.NewRecord(c)
	shop.Set("name", "MyRestaurant")
	shop.Set("status", 0)
	shop.Set("delivery_fee", 600)
	shop.Set("packing_fee", 100)
	shop.Set("time_zone", "Asia/Shanghai")
	return app.Save(shop)
}

// ---- menu ----

type menuIDs struct{ categories, dishes, setmeals string }

func createMenu(app core.App, employees *core.Collection) (menuIDs, error) {
	var ids menuIDs
	anyone := types.Pointer("")
	staff := types.Pointer(isEmployee)

	categories := core.NewBaseCollection("categories")
	numericID(categories)
	rules(categories, anyone, staff, staff, staff)
	categories.Fields.Add(
		&core.TextField{Name: "name", Max: 32, Required: true, Presentable: true},
		integer("type", 1, 2),
		integer("sort", -1_000_000, 1_000_000),
		integer("status", 0, 1),
	)
	audit(categories, employees.Id)
	categories.Fields.GetByName("type").(*core.NumberField).Required = true
	categories.AddIndex("idx_categories_name", true, "name", "")
	categories.AddIndex("idx_categories_sort", false, "status, type, sort, created", "")
	if err := app.Save(categories); err != nil {
		return ids, err
	}
	ids.categories = categories.Id

	dishes := core.NewBaseCollection("dishes")
	numericID(dishes)
	rules(dishes, anyone, staff, staff, staff)
	dishes.Fields.Add(
		&core.TextField{Name: "name", Max: 32, Required: true, Presentable: true},
		relation("category", categories.Id, true, false),
		cents("price"),
		text("image", 255, false),
		text("description", 255, false),
		integer("status", 0, 1),
	)
	audit(dishes, employees.Id)
	dishes.AddIndex("idx_dishes_name", true, "name", "")
	dishes.AddIndex("idx_dishes_category", false, "category, status, created", "")
	dishes.AddIndex("idx_dishes_created", false, "created", "")
	if err := app.Save(dishes); err != nil {
		return ids, err
	}
	ids.dishes = dishes.Id

	flavors := core.NewBaseCollection("dish_flavors")
	numericID(flavors)
	rules(flavors, anyone, staff, staff, staff)
	flavors.Fields.Add(
		relation("dish", dishes.Id, true, true),
		&core.TextField{Name: "name", Max: 32, Required: true, Presentable: true},
		// The options as a JSON array string, e.g. ["不辣","微辣"], as the original stores and its clients parse.
		text("value", 255, false),
	)
	flavors.AddIndex("idx_dish_flavors_dish", false, "dish", "")
	if err := app.Save(flavors); err != nil {
		return ids, err
	}

	setmeals := core.NewBaseCollection("setmeals")
	numericID(setmeals)
	rules(setmeals, anyone, staff, staff, staff)
	setmeals.Fields.Add(
		&core.TextField{Name: "name", Max: 32, Required: true, Presentable: true},
		relation("category", categories.Id, true, false),
		cents("price"),
		integer("status", 0, 1),
		text("description", 255, false),
		text("image", 255, false),
	)
	audit(setmeals, employees.Id)
	setmeals.AddIndex("idx_setmeals_name", true, "name", "")
	setmeals.AddIndex("idx_setmeals_category", false, "category, status, created", "")
	setmeals.AddIndex("idx_setmeals_created", false, "created", "")
	if err := app.Save(setmeals); err != nil {
		return ids, err
	}
	ids.setmeals = setmeals.Id

	items := core.NewBaseCollection("setmeal_dishes")
	numericID(items)
	rules(items, anyone, staff, staff, staff)
	items.Fields.Add(
		relation("setmeal", setmeals.Id, true, true),
		// Not cascading: a dish in a set meal cannot be deleted, whichever API asks.
		relation("dish", dishes.Id, true, false),
		&core.TextField{Name: "name", Max: 32, Presentable: true},
		cents("price"),
		integer("copies", 1, 1000),
	)
	items.AddIndex("idx_setmeal_dishes_setmeal", false, "setmeal", "")
	items.AddIndex("idx_setmeal_dishes_dish", false, "dish", "")
	return ids, app.Save(items)
}

// ---- customers' data, orders, payments and alerts ----

func createOrdering(app core.App, users *core.Collection, menu menuIDs) error {
	own := types.Pointer("user = @request.auth.id")

	addresses := core.NewBaseCollection("address_book")
	numericID(addresses)
	// Written only through /user/addressBook, which keeps exactly one default per customer.
	rules(addresses, own, nil, nil, nil)
	addresses.Fields.Add(
		relation("user", users.Id, true, true),
		&core.TextField{Name: "consignee", Max: 50, Presentable: true},
		text("sex", 2, false),
		&core.TextField{Name: "phone", Max: 11, Required: true, Presentable: true},
		text("province_code", 12, false),
		text("province_name", 32, false),
		text("city_code", 12, false),
		text("city_name", 32, false),
		text("district_code", 12, false),
		text("district_name", 32, false),
		text("detail", 200, false),
		text("label", 100, false),
		&core.BoolField{Name: "is_default"},
	)
	timestamps(addresses)
	addresses.AddIndex("idx_address_book_user", false, "user", "")
	addresses.AddIndex("idx_address_book_default", true, "user", "is_default = TRUE")
	if err := app.Save(addresses); err != nil {
		return err
	}

	cart := core.NewBaseCollection("cart_items")
	numericID(cart)
	rules(cart, own, nil, nil, nil)
	cart.Fields.Add(
		relation("user", users.Id, true, true),
		relation("dish", menu.dishes, false, true),
		relation("setmeal", menu.setmeals, false, true),
		&core.TextField{Name: "name", Max: 32, Presentable: true},
		text("image", 255, false),
		text("dish_flavor", 255, false),
		integer("number", 1, 9999),
		cents("amount"), // unit price
	)
	timestamps(cart)
	cart.AddIndex("idx_cart_items_user", false, "user", "")
	if err := app.Save(cart); err != nil {
		return err
	}

	orders := core.NewBaseCollection("orders")
	numericID(orders)
	staffOrOwner := types.Pointer("user = @request.auth.id || (" + isEmployee + ")")
	rules(orders, staffOrOwner, nil, nil, nil)
	orders.Fields.Add(
		&core.TextField{Name: "number", Max: 32, Required: true, Presentable: true},
		integer("status", 1, 7),
		relation("user", users.Id, true, false),
		// The id of the address chosen; a plain id, not a relation, so deleting the address later leaves the order as it was.
		text("address_book", 15, false),
		date("order_time"),
		date("checkout_time"),
		integer("pay_method", 1, 2),
		integer("pay_status", 0, 2),
		cents("amount"),
		text("remark", 100, false),
		text("phone", 11, false),
		text("address", 255, false),
		text("user_name", 32, false),
		text("consignee", 50, false),
		text("cancel_reason", 255, false),
		text("rejection_reason", 255, false),
		date("cancel_time"),
		date("estimated_delivery_time"),
		integer("delivery_status", 0, 1),
		date("delivery_time"),
		integer("pack_amount", 0, 1_000_000), // packing fee in whole yuan, as the original
		cents("delivery_fee"),
		integer("tableware_number", 0, 1000),
		integer("tableware_status", 0, 1),
	)
	timestamps(orders)
	orders.AddIndex("idx_orders_number", true, "number", "")
	orders.AddIndex("idx_orders_user_time", false, "user, order_time", "")
	orders.AddIndex("idx_orders_status_time", false, "status, order_time", "")
	orders.AddIndex("idx_orders_time", false, "order_time", "")
	if err := app.Save(orders); err != nil {
		return err
	}

	details := core.NewBaseCollection("order_details")
	numericID(details)
	rules(details, types.Pointer("order.user = @request.auth.id || ("+isEmployee+")"), nil, nil, nil)
	details.Fields.Add(
		relation("order", orders.Id, true, true),
		&core.TextField{Name: "name", Max: 32, Presentable: true},
		text("image", 255, false),
		// Plain ids, not relations: an order keeps what was sold even after the menu changes.
		text("dish_id", 15, false),
		text("setmeal_id", 15, false),
		text("dish_flavor", 255, false),
		integer("number", 1, 9999),
		cents("amount"), // unit price
	)
	details.AddIndex("idx_order_details_order", false, "`order`", "")
	details.AddIndex("idx_order_details_name", false, "name", "")
	if err := app.Save(details); err != nil {
		return err
	}

	payments := core.NewBaseCollection("payments")
	numericID(payments)
	rules(payments, nil, nil, nil, nil) // superusers only
	payments.Fields.Add(
		relation("order", orders.Id, true, false),
		&core.SelectField{Name: "kind", Values: []string{"pay", "refund"}, MaxSelect: 1, Required: true},
		&core.TextField{Name: "provider", Max: 32, Required: true},
		&core.TextField{Name: "out_no", Max: 64, Presentable: true},
		&core.TextField{Name: "transaction_id", Max: 64},
		cents("amount"),
		&core.SelectField{Name: "state", Values: []string{"pending", "succeeded", "failed"}, MaxSelect: 1, Required: true},
		&core.JSONField{Name: "raw", MaxSize: 1 << 16},
	)
	timestamps(payments)
	payments.AddIndex("idx_payments_transaction", true, "provider, kind, transaction_id", "transaction_id != ''")
	payments.AddIndex("idx_payments_order", false, "`order`", "")
	payments.AddIndex("idx_payments_state", false, "state, kind", "")
	if err := app.Save(payments); err != nil {
		return err
	}

	alerts := core.NewBaseCollection("alerts")
	numericID(alerts)
	staff := types.Pointer(isEmployee)
	// Staff acknowledge an alert by updating it; nothing else of it may change.
	ack := types.Pointer(isEmployee + ` && @request.body.type:isset = false && @request.body.order:isset = false && @request.body.content:isset = false`)
	rules(alerts, staff, nil, ack, nil)
	alerts.Fields.Add(
		integer("type", 1, 3),
		relation("order", orders.Id, false, true),
		&core.TextField{Name: "content", Max: 255, Presentable: true},
		&core.BoolField{Name: "acknowledged"},
	)
	timestamps(alerts)
	alerts.AddIndex("idx_alerts_open", false, "acknowledged, created", "")
	return app.Save(alerts)
}
