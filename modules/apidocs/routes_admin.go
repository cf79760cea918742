package apidocs

import (
	"myrestaurant/modules/compat"
	"myrestaurant/modules/media"
	"myrestaurant/modules/menu"
	"myrestaurant/modules/order"
	"myrestaurant/modules/report"
	"myrestaurant/modules/shop"
	"myrestaurant/modules/staff"
)

// Request bodies whose Go types are local to their handlers.
type (
	loginInput struct {
		Username compat.Text `json:"username"`
		Password compat.Text `json:"password"`
	}
	passwordInput struct {
		OldPassword compat.Text `json:"oldPassword"`
		NewPassword compat.Text `json:"newPassword"`
	}
	idInput struct {
		ID compat.ID `json:"id"`
	}
	rejectionInput struct {
		ID              compat.ID   `json:"id"`
		RejectionReason compat.Text `json:"rejectionReason"`
	}
	cancelInput struct {
		ID           compat.ID   `json:"id"`
		CancelReason compat.Text `json:"cancelReason"`
	}
)

var (
	pageParams = []param{
		{Name: "page", Type: "integer", Description: "1-based page number; default 1"},
		{Name: "pageSize", Type: "integer", Description: "rows per page; default 10, at most 500"},
	}
	idQuery       = param{Name: "id", Type: "integer", Description: "record id", Required: true}
	idsQuery      = param{Name: "ids", Type: "string", Description: "comma-separated record ids, e.g. `1,2,3`", Required: true}
	statusIDQuery = param{Name: "id", Type: "string", Description: "record id; dishes and set meals also take a comma-separated list", Required: true}
	periodParams  = []param{
		{Name: "begin", Type: "string", Description: "first day, `yyyy-MM-dd`", Required: true},
		{Name: "end", Type: "string", Description: "last day (inclusive), `yyyy-MM-dd`; at most one year after begin", Required: true},
	}
	reportMessages = []string{report.MsgReportDateMissing, report.MsgReportDateInvalid, report.MsgReportRangeInvalid, report.MsgReportRangeTooLong}
	nameMessages   = []string{menu.MsgNameRequired, menu.MsgNameTooLong, compat.MsgAlreadyExists}
	itemMessages   = []string{menu.MsgNameRequired, menu.MsgNameTooLong, menu.MsgPriceRequired, menu.MsgPriceNegative,
		menu.MsgCategoryDisabledOrWrong, menu.MsgImageTooLong, menu.MsgDescriptionTooLong, compat.MsgStatusInvalid, compat.MsgAlreadyExists}
	flavorMessages = []string{menu.MsgFlavorNameRequired, menu.MsgFlavorNameDuplicate, menu.MsgFlavorValueInvalid,
		menu.MsgFlavorValueTooLong, menu.MsgTooManyFlavors}
	setmealDishMessages   = []string{menu.MsgSetmealDishNotFound, menu.MsgCopiesInvalid, menu.MsgTooManySetmealDishes}
	employeeInputMessages = []string{staff.MsgUsernameRequired, staff.MsgUsernameInvalid, staff.MsgNameRequired,
		staff.MsgSexInvalid, staff.MsgRoleInvalid, compat.MsgAlreadyExists, compat.MsgValidationFailed}
)

func cat(lists ...[]string) []string {
	var all []string
	for _, l := range lists {
		all = append(all, l...)
	}
	return all
}

var adminRoutes = []route{
	// ---- employees ----
	{Method: "POST", Path: "/admin/employee/login", Access: public, Tag: "employee", Summary: "Employee sign-in",
		Description: "Answers the token to send as the `token` header. `mustChangePassword` true: only editPassword and logout answer until the password is replaced.",
		Body:        loginInput{}, Data: staff.LoginResult{},
		Messages: cat(bodyMessages, []string{staff.MsgAccountNotFound, staff.MsgPasswordError, staff.MsgAccountLocked}),
		Example: &example{Path: "/admin/employee/login", Body: `{"username":"admin","password":"demo-admin-pass"}`,
			Answer: `{"code":1,"msg":null,"data":{"id":100000000000001,"userName":"admin","name":"管理员","token":"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…","role":"manager","mustChangePassword":false}}`}},
	{Method: "POST", Path: "/admin/employee/logout", Access: employeeSession, Tag: "employee", Summary: "Sign out: ends every session of this employee"},
	{Method: "PUT", Path: "/admin/employee/editPassword", Access: employeeSession, Tag: "employee", Summary: "Change one's own password",
		Description: "The employee is the token's; a body `empId` is ignored. Ends the employee's other sessions.",
		Body:        passwordInput{},
		Messages:    cat(bodyMessages, []string{staff.MsgPasswordEditFailed, staff.MsgNewPasswordInvalid, staff.MsgPasswordTooWeak, staff.MsgPasswordUnchanged})},
	{Method: "POST", Path: "/admin/employee", Access: manager, Tag: "employee", Summary: "Add an employee (initial password 123456, to be replaced at first sign-in)",
		Body: staff.EmployeeInput{}, Messages: cat(managerMessages, bodyMessages, employeeInputMessages)},
	{Method: "PUT", Path: "/admin/employee", Access: manager, Tag: "employee", Summary: "Edit an employee (non-null fields only; the password is never changed here)",
		Body: staff.EmployeeInput{}, Messages: cat(managerMessages, bodyMessages, employeeInputMessages,
			[]string{staff.MsgEmployeeIDRequired, staff.MsgEmployeeNotFound, staff.MsgAdminProtected, staff.MsgCannotDemoteSelf})},
	{Method: "GET", Path: "/admin/employee/page", Access: manager, Tag: "employee", Summary: "Employees, newest first",
		Query: append(pageParams, param{Name: "name", Type: "string", Description: "part of the name"}),
		Data:  compat.PageResult[staff.Employee]{}, Messages: managerMessages},
	{Method: "POST", Path: "/admin/employee/status/{status}", Access: manager, Tag: "employee", Summary: "Enable (1) or lock (0) an employee",
		Query: []param{idQuery}, Messages: cat(managerMessages, []string{compat.MsgStatusInvalid, compat.MsgIDRequired,
			staff.MsgEmployeeNotFound, staff.MsgCannotDisableSelf, staff.MsgAdminProtected})},
	{Method: "GET", Path: "/admin/employee/{id}", Access: manager, Tag: "employee", Summary: "One employee (password shown as ****)",
		Data: staff.Employee{}, Messages: cat(managerMessages, []string{staff.MsgEmployeeNotFound})},

	// ---- categories ----
	{Method: "POST", Path: "/admin/category", Access: manager, Tag: "category", Summary: "Add a category (starts disabled)",
		Body: menu.CategoryInput{}, Messages: cat(managerMessages, bodyMessages, nameMessages, []string{menu.MsgCategoryTypeInvalid, menu.MsgSortOutOfRange})},
	{Method: "PUT", Path: "/admin/category", Access: manager, Tag: "category", Summary: "Edit a category (non-null fields only)",
		Body: menu.CategoryInput{}, Messages: cat(managerMessages, bodyMessages, nameMessages,
			[]string{compat.MsgIDRequired, menu.MsgCategoryNotFound, menu.MsgCategoryTypeInvalid, menu.MsgSortOutOfRange, menu.MsgCategoryTypeInUse})},
	{Method: "DELETE", Path: "/admin/category", Access: manager, Tag: "category", Summary: "Delete a category without dishes or set meals",
		Query: []param{idQuery}, Messages: cat(managerMessages, []string{compat.MsgIDRequired, menu.MsgCategoryNotFound, menu.MsgCategoryHasDish, menu.MsgCategoryHasSetmeal})},
	{Method: "POST", Path: "/admin/category/status/{status}", Access: manager, Tag: "category", Summary: "Enable (1) or disable (0) a category",
		Query: []param{idQuery}, Messages: cat(managerMessages, []string{compat.MsgStatusInvalid, compat.MsgIDRequired, menu.MsgCategoryNotFound})},
	{Method: "GET", Path: "/admin/category/page", Access: employee, Tag: "category", Summary: "Categories by sort, then newest",
		Query: append(pageParams, param{Name: "name", Type: "string", Description: "part of the name"},
			param{Name: "type", Type: "integer", Description: "1 dishes, 2 set meals"}),
		Data: compat.PageResult[menu.Category]{}, Messages: employeeMessages},
	{Method: "GET", Path: "/admin/category/list", Access: employee, Tag: "category", Summary: "Enabled categories (for the dish and set meal forms)",
		Query: []param{{Name: "type", Type: "integer", Description: "1 dishes, 2 set meals"}},
		Data:  []menu.Category{}, Messages: employeeMessages},

	// ---- dishes ----
	{Method: "POST", Path: "/admin/dish", Access: manager, Tag: "dish", Summary: "Add a dish with its flavors",
		Body: menu.DishInput{}, Messages: cat(managerMessages, bodyMessages, itemMessages, flavorMessages)},
	{Method: "PUT", Path: "/admin/dish", Access: manager, Tag: "dish", Summary: "Edit a dish; a flavors list replaces its flavors",
		Body: menu.DishInput{}, Messages: cat(managerMessages, bodyMessages, itemMessages, flavorMessages, []string{compat.MsgIDRequired, menu.MsgDishNotFound})},
	{Method: "DELETE", Path: "/admin/dish", Access: manager, Tag: "dish", Summary: "Delete dishes that are off sale and in no set meal",
		Query: []param{idsQuery}, Messages: cat(managerMessages, []string{compat.MsgIDRequired, menu.MsgDishOnSale, menu.MsgDishInSetmeal})},
	{Method: "GET", Path: "/admin/dish/page", Access: employee, Tag: "dish", Summary: "Dishes, newest first, with their category's name",
		Query: append(pageParams, param{Name: "name", Type: "string", Description: "part of the name"},
			param{Name: "categoryId", Type: "integer", Description: "category id"}, param{Name: "status", Type: "integer", Description: "1 on sale, 0 off sale"}),
		Data: compat.PageResult[menu.DishVO]{}, Messages: employeeMessages},
	{Method: "GET", Path: "/admin/dish/list", Access: employee, Tag: "dish", Summary: "Dishes on sale (for the set meal form)",
		Query: []param{{Name: "categoryId", Type: "integer", Description: "category id"}, {Name: "name", Type: "string", Description: "part of the name"}},
		Data:  []menu.Dish{}, Messages: employeeMessages},
	{Method: "POST", Path: "/admin/dish/status/{status}", Access: employee, Tag: "dish", Summary: "Put dishes on (1) or off (0) sale; off sale also stops their set meals",
		Query: []param{statusIDQuery}, Messages: cat(employeeMessages, []string{compat.MsgStatusInvalid, compat.MsgIDRequired, menu.MsgDishNotFound})},
	{Method: "GET", Path: "/admin/dish/{id}", Access: employee, Tag: "dish", Summary: "One dish with its flavors",
		Data: menu.DishVO{}, Messages: cat(employeeMessages, []string{menu.MsgDishNotFound})},

	// ---- set meals ----
	{Method: "POST", Path: "/admin/setmeal", Access: manager, Tag: "setmeal", Summary: "Add a set meal with its dishes",
		Body: menu.SetmealInput{}, Messages: cat(managerMessages, bodyMessages, itemMessages, setmealDishMessages)},
	{Method: "PUT", Path: "/admin/setmeal", Access: manager, Tag: "setmeal", Summary: "Edit a set meal; a setmealDishes list replaces its dishes",
		Body: menu.SetmealInput{}, Messages: cat(managerMessages, bodyMessages, itemMessages, setmealDishMessages, []string{compat.MsgIDRequired, menu.MsgSetmealNotFound})},
	{Method: "DELETE", Path: "/admin/setmeal", Access: manager, Tag: "setmeal", Summary: "Delete set meals that are off sale",
		Query: []param{idsQuery}, Messages: cat(managerMessages, []string{compat.MsgIDRequired, menu.MsgSetmealOnSale})},
	{Method: "GET", Path: "/admin/setmeal/page", Access: employee, Tag: "setmeal", Summary: "Set meals, newest first, with their category's name",
		Query: append(pageParams, param{Name: "name", Type: "string", Description: "part of the name"},
			param{Name: "categoryId", Type: "integer", Description: "category id"}, param{Name: "status", Type: "integer", Description: "1 on sale, 0 off sale"}),
		Data: compat.PageResult[menu.SetmealVO]{}, Messages: employeeMessages},
	{Method: "POST", Path: "/admin/setmeal/status/{status}", Access: employee, Tag: "setmeal", Summary: "Put set meals on (1) or off (0) sale",
		Query: []param{statusIDQuery}, Messages: cat(employeeMessages, []string{compat.MsgStatusInvalid, compat.MsgIDRequired, menu.MsgSetmealNotFound, menu.MsgSetmealEnableFailed})},
	{Method: "GET", Path: "/admin/setmeal/{id}", Access: employee, Tag: "setmeal", Summary: "One set meal with its dishes",
		Data: menu.SetmealVO{}, Messages: cat(employeeMessages, []string{menu.MsgSetmealNotFound})},

	// ---- shop ----
	{Method: "GET", Path: "/admin/shop/status", Access: employee, Tag: "shop", Summary: "Open (1) or closed (0)",
		Data: 0, Messages: employeeMessages},
	{Method: "PUT", Path: "/admin/shop/{status}", Access: employee, Tag: "shop", Summary: "Open (1) or close (0) the shop; a body is ignored",
		Messages: cat(employeeMessages, []string{compat.MsgStatusInvalid})},
	{Method: "PUT", Path: "/admin/shop/busyMode/{status}", Access: employee, Tag: "shop", Summary: "Busy mode on (1) or off (0): paid orders are accepted at once and their alerts still ring (ours)",
		Messages: cat(employeeMessages, []string{compat.MsgStatusInvalid})},
	{Method: "GET", Path: "/admin/shop/settings", Access: employee, Tag: "shop", Summary: "Shop settings (ours)",
		Data: shop.Settings{}, Messages: employeeMessages},
	{Method: "PUT", Path: "/admin/shop/settings", Access: manager, Tag: "shop", Summary: "Change shop settings; absent fields stay (ours)",
		Body: shop.SettingsInput{}, Data: shop.Settings{},
		Messages: cat(managerMessages, bodyMessages, []string{shop.MsgFeeOutOfRange, shop.MsgTimeZoneInvalidFormat, compat.MsgFieldTooLongFormat})},

	// ---- pictures ----
	{Method: "POST", Path: "/admin/common/upload", Access: manager, Tag: "common", Summary: "Upload a menu picture (multipart field `file`); answers its URL",
		Body: uploadBody, Data: "", Messages: cat(managerMessages, []string{media.MsgUploadFailed, media.MsgUploadNotImage, media.MsgUploadTooLarge})},
	{Method: "GET", Path: "/admin/common/appUrl", Access: employee, Tag: "common", Summary: "The configured application URL without a trailing slash, or \"\" while none is set (ours: the console's QR codes)",
		Data: "", Messages: employeeMessages},

	// ---- orders ----
	{Method: "GET", Path: "/admin/order/conditionSearch", Access: employee, Tag: "order", Summary: "Orders, newest first; rows carry orderDishes, orderDetailList is null",
		Query: append(pageParams,
			param{Name: "number", Type: "string", Description: "part of the order number"},
			param{Name: "phone", Type: "string", Description: "part of the phone"},
			param{Name: "status", Type: "integer", Description: "1 待付款, 2 待接单, 3 已接单, 4 派送中, 5 已完成, 6 已取消"},
			param{Name: "beginTime", Type: "string", Description: "`yyyy-MM-dd HH:mm:ss`"},
			param{Name: "endTime", Type: "string", Description: "`yyyy-MM-dd HH:mm:ss`"}),
		Data: compat.PageResult[order.View]{}, Messages: cat(employeeMessages, []string{order.MsgTimeParamInvalidFormat}),
		Example: &example{Path: "/admin/order/conditionSearch?page=1&pageSize=10&status=2", Answer: `{"code":1,"msg":null,"data":{"total":1,"records":[{"id":100000000000401,"number":"1764000000000001","status":2,"userId":100000000000201,"addressBookId":100000000000301,"orderTime":"2026-01-02 11:20","checkoutTime":"2026-01-02 11:20","payMethod":1,"payStatus":1,"amount":63.00,"remark":null,"userName":null,"phone":"13800138000","address":"北京市市辖区海淀区中关村大街1号","consignee":"张三","cancelReason":null,"rejectionReason":null,"cancelTime":null,"estimatedDeliveryTime":"2030-01-01 12:00","deliveryStatus":1,"deliveryTime":null,"packAmount":1,"deliveryFee":6.00,"tablewareNumber":1,"tablewareStatus":0,"channel":"miniprogram","tableNo":"","orderDishes":"老坛酸菜鱼*1;","orderDetailList":null}]}}`}},
	{Method: "GET", Path: "/admin/order/statistics", Access: employee, Tag: "order", Summary: "How many orders wait to be confirmed, are confirmed, are on the way",
		Data: order.Statistics{}, Messages: employeeMessages,
		Example: &example{Path: "/admin/order/statistics", Answer: `{"code":1,"msg":null,"data":{"toBeConfirmed":1,"confirmed":0,"deliveryInProgress":0}}`}},
	{Method: "GET", Path: "/admin/order/details/{id}", Access: employee, Tag: "order", Summary: "One order with its items",
		Data: order.View{}, Messages: cat(employeeMessages, []string{order.MsgOrderNotFound})},
	{Method: "GET", Path: "/admin/order/actions", Access: employee, Tag: "order", Summary: "The staff actions allowed in each order status (ours, for the console)",
		Data: map[string][]string{}, Messages: employeeMessages},
	{Method: "PUT", Path: "/admin/order/confirm", Access: employee, Tag: "order", Summary: "Accept a paid order (2 → 3)",
		Body: idInput{}, Messages: cat(employeeMessages, bodyMessages, []string{compat.MsgIDRequired, order.MsgOrderNotFound, order.MsgOrderStatusError}),
		Example: &example{Path: "/admin/order/confirm", Body: `{"id":100000000000401}`, Answer: `{"code":1,"msg":null,"data":null}`, Refs: map[string]string{"100000000000401": "order"}}},
	{Method: "PUT", Path: "/admin/order/rejection", Access: employee, Tag: "order", Summary: "Reject an order waiting to be accepted; paid money is refunded",
		Body: rejectionInput{}, Messages: cat(employeeMessages, bodyMessages, []string{compat.MsgIDRequired, order.MsgOrderNotFound, order.MsgOrderStatusError, order.MsgReasonTooLong})},
	{Method: "PUT", Path: "/admin/order/cancel", Access: employee, Tag: "order", Summary: "Cancel an order; paid money is refunded",
		Body: cancelInput{}, Messages: cat(employeeMessages, bodyMessages, []string{compat.MsgIDRequired, order.MsgOrderNotFound, order.MsgOrderStatusError, order.MsgReasonTooLong})},
	{Method: "PUT", Path: "/admin/order/delivery/{id}", Access: employee, Tag: "order", Summary: "Send out an accepted order (3 → 4)",
		Messages: cat(employeeMessages, []string{order.MsgOrderNotFound, order.MsgOrderStatusError})},
	{Method: "PUT", Path: "/admin/order/complete/{id}", Access: employee, Tag: "order", Summary: "Complete a delivered order (4 → 5)",
		Messages: cat(employeeMessages, []string{order.MsgOrderNotFound, order.MsgOrderStatusError})},

	// ---- reports and workspace ----
	{Method: "GET", Path: "/admin/report/turnoverStatistics", Access: manager, Tag: "report", Summary: "Turnover per day (completed orders)",
		Query: periodParams, Data: report.TurnoverReport{}, Messages: cat(managerMessages, reportMessages)},
	{Method: "GET", Path: "/admin/report/userStatistics", Access: manager, Tag: "report", Summary: "New and total customers per day",
		Query: periodParams, Data: report.UserReport{}, Messages: cat(managerMessages, reportMessages)},
	{Method: "GET", Path: "/admin/report/ordersStatistics", Access: manager, Tag: "report", Summary: "Orders and valid (completed) orders per day",
		Query: periodParams, Data: report.OrderReport{}, Messages: cat(managerMessages, reportMessages)},
	{Method: "GET", Path: "/admin/report/top10", Access: manager, Tag: "report", Summary: "The ten best sellers of the period",
		Query: periodParams, Data: report.SalesTop10Report{}, Messages: cat(managerMessages, reportMessages)},
	{Method: "GET", Path: "/admin/report/export", Access: manager, Tag: "report", Summary: "Excel report of the last 30 days (raw .xlsx, no envelope; a failure is a code 0 envelope)",
		Messages: managerMessages,
		Raw:      &rawAnswer{ContentType: report.XLSXContentType, Schema: object{"type": "string", "contentMediaType": report.XLSXContentType}, Description: "the workbook, as an attachment"}},
	{Method: "GET", Path: "/admin/workspace/businessData", Access: employee, Tag: "workspace", Summary: "Today's turnover, valid orders, completion rate, unit price, new customers",
		Data: report.BusinessData{}, Messages: employeeMessages},
	{Method: "GET", Path: "/admin/workspace/overviewOrders", Access: employee, Tag: "workspace", Summary: "Today's orders by state",
		Data: report.OrderOverview{}, Messages: employeeMessages},
	{Method: "GET", Path: "/admin/workspace/overviewDishes", Access: employee, Tag: "workspace", Summary: "Dishes on and off sale",
		Data: report.MenuOverview{}, Messages: employeeMessages},
	{Method: "GET", Path: "/admin/workspace/overviewSetmeals", Access: employee, Tag: "workspace", Summary: "Set meals on and off sale",
		Data: report.MenuOverview{}, Messages: employeeMessages},
}

// uploadBody marks the multipart body of the picture upload.
var uploadBody = multipart{Field: "file", Description: "a jpg, jpeg, png, gif or webp picture of at most 2 MB"}

type multipart struct{ Field, Description string }
