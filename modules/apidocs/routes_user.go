package apidocs

import (
	"myrestaurant/modules/cart"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/customer"
	"myrestaurant/modules/menu"
	"myrestaurant/modules/order"
	"myrestaurant/modules/payment"
)

type (
	customerLoginInput struct {
		Code compat.Text `json:"code"`
	}
	browserLoginInput struct {
		DeviceKey compat.Text `json:"deviceKey"`
	}
	// cartInput is ShoppingCartDTO: a dish (with its chosen flavors, comma-joined) or a set meal.
	cartInput struct {
		DishID     compat.ID   `json:"dishId"`
		SetmealID  compat.ID   `json:"setmealId"`
		DishFlavor compat.Text `json:"dishFlavor"`
	}
)

var (
	cartLimitMessages = []string{cart.MsgCartItemLimitFormat, cart.MsgCartTooManyItemsFormat, cart.MsgOrderTotalLimitFormat}
	addressMessages   = []string{customer.MsgAddressPhoneRequired, compat.MsgFieldTooLongFormat}
	orderIDMessages   = []string{order.MsgOrderNotFound, order.MsgOrderStatusError}
)

var userRoutes = []route{
	{Method: "POST", Path: "/user/user/login", Access: public, Tag: "customer", Summary: "Customer sign-in with a wx.login code (registers on first visit)",
		Description: "In demo mode any code signs in (the same code, the same customer). Send the token as the `authentication` header.",
		Body:        customerLoginInput{}, Data: customer.LoginResult{}, Messages: cat(bodyMessages, []string{customer.MsgLoginFailed}),
		Example: &example{Path: "/user/user/login", Body: `{"code":"0a3Xk1ll2mFf5J0Ue4ml2ab7Yb0Xk1lc"}`, Answer: `{"code":1,"msg":null,"data":{"id":100000000000201,"openid":"mock-0a3Xk1ll2mFf5J0Ue4ml2ab7Yb0Xk1lc","token":"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…"}}`}},
	{Method: "POST", Path: "/user/user/browser-login", Access: public, Tag: "customer", Summary: "Customer sign-in from a browser, without WeChat (ours: the storefront at /order/)",
		Description: "`deviceKey` is 43–128 base64url characters the browser makes once (crypto.getRandomValues) and keeps; the same key signs in the same customer, a new key registers one (new customers are limited per client address). Only a hash of the key is stored. The token works as the `authentication` header and for PocketBase realtime (`orders/<id>` of the customer's own orders).",
		Body:        browserLoginInput{}, Data: customer.LoginResult{}, Messages: cat(bodyMessages, []string{customer.MsgDeviceKeyInvalid, customer.MsgTooManyNewCustomers})},
	{Method: "GET", Path: "/user/shop/info", Access: public, Tag: "shop", Summary: "The shop's settings and how its customers may pay online (ours: the storefront)",
		Data: order.ShopInfo{}},
	{Method: "GET", Path: "/user/shop/status", Access: public, Tag: "shop", Summary: "Open (1) or closed (0)", Data: 0,
		Example: &example{Path: "/user/shop/status", Answer: `{"code":1,"msg":null,"data":1}`}},
	{Method: "GET", Path: "/user/shop/phone", Access: public, Tag: "shop", Summary: "The shop's phone number", Data: ""},

	{Method: "GET", Path: "/user/category/list", Access: signedCustomer, Tag: "menu", Summary: "Enabled categories by sort",
		Query: []param{{Name: "type", Type: "integer", Description: "1 dishes, 2 set meals; absent: both"}}, Data: []menu.Category{},
		Example: &example{Path: "/user/category/list", Answer: `{"code":1,"msg":null,"data":[{"id":100000000000116,"type":1,"name":"蜀味烤鱼","sort":4,"status":1,"createTime":"2026-01-02 09:00","updateTime":"2026-01-02 09:00","createUser":null,"updateUser":null},{"id":100000000000117,"type":1,"name":"蜀味牛蛙","sort":5,"status":1,"createTime":"2026-01-02 09:00","updateTime":"2026-01-02 09:00","createUser":null,"updateUser":null}]}`}},
	{Method: "GET", Path: "/user/dish/list", Access: signedCustomer, Tag: "menu", Summary: "Dishes on sale in a category, with their flavors",
		Query: []param{{Name: "categoryId", Type: "integer", Description: "category id", Required: true}}, Data: []menu.DishVO{},
		Messages: []string{compat.MsgIDRequired},
		Example:  &example{Path: "/user/dish/list?categoryId=100000000000120", Answer: `{"code":1,"msg":null,"data":[{"id":100000000000253,"name":"蜀味水煮草鱼","categoryId":100000000000120,"price":38.00,"image":"http://127.0.0.1:8090/api/files/pbc_3607937828/100000000000903/demo_dish_53.png","description":"原料：草鱼，汤","status":1,"updateTime":"2026-01-02 09:00","categoryName":null,"flavors":[{"id":100000000000261,"dishId":100000000000253,"name":"忌口","value":"[\"不要葱\",\"不要蒜\",\"不要香菜\",\"不要辣\"]"},{"id":100000000000262,"dishId":100000000000253,"name":"辣度","value":"[\"不辣\",\"微辣\",\"中辣\",\"重辣\"]"}]}]}`, Refs: map[string]string{"100000000000120": "categories:水煮鱼"}}},
	{Method: "GET", Path: "/user/setmeal/list", Access: signedCustomer, Tag: "menu", Summary: "Set meals on sale in a category",
		Query: []param{{Name: "categoryId", Type: "integer", Description: "category id", Required: true}}, Data: []menu.Setmeal{},
		Messages: []string{compat.MsgIDRequired},
		Example:  &example{Path: "/user/setmeal/list?categoryId=100000000000113", Answer: `{"code":1,"msg":null,"data":[{"id":100000000000271,"categoryId":100000000000113,"name":"酸菜鱼单人餐","price":58.00,"status":1,"description":"老坛酸菜鱼 + 米饭 + 王老吉","image":"http://127.0.0.1:8090/api/files/pbc_3607937828/100000000000904/demo_setmeal_1.png","createTime":"2026-01-02 09:00","updateTime":"2026-01-02 09:00","createUser":null,"updateUser":null}]}`, Refs: map[string]string{"100000000000113": "categories:人气套餐"}}},
	{Method: "GET", Path: "/user/setmeal/dish/{id}", Access: signedCustomer, Tag: "menu", Summary: "The dishes of a set meal",
		Data: []menu.DishItemVO{}, Messages: []string{menu.MsgSetmealNotFound}},

	{Method: "POST", Path: "/user/shoppingCart/add", Access: signedCustomer, Tag: "cart", Summary: "Add one of a dish (with flavors) or a set meal",
		Description: "The cart is priced from the current menu; `amount` of a cart row is the unit price.",
		Body:        cartInput{}, Messages: cat(bodyMessages, []string{cart.MsgCartChooseItem, cart.MsgDishFlavorTooLong, menu.MsgItemOffSale}, cartLimitMessages),
		Example: &example{Path: "/user/shoppingCart/add", Body: `{"dishId":100000000000251,"dishFlavor":"不要葱,微辣"}`, Answer: `{"code":1,"msg":null,"data":null}`, Refs: map[string]string{"100000000000251": "dishes:老坛酸菜鱼"}}},
	{Method: "GET", Path: "/user/shoppingCart/list", Access: signedCustomer, Tag: "cart", Summary: "The customer's cart", Data: []cart.Item{},
		Example: &example{Path: "/user/shoppingCart/list", Answer: `{"code":1,"msg":null,"data":[{"id":100000000000281,"name":"老坛酸菜鱼","userId":100000000000201,"dishId":100000000000251,"setmealId":null,"dishFlavor":"不要葱,微辣","number":1,"amount":56.00,"image":"http://127.0.0.1:8090/api/files/pbc_3607937828/100000000000901/demo_dish_51.png","createTime":"2026-01-02 11:18"}]}`}},
	{Method: "POST", Path: "/user/shoppingCart/sub", Access: signedCustomer, Tag: "cart", Summary: "Take one away (the row goes at zero)",
		Body: cartInput{}, Messages: cat(bodyMessages, []string{cart.MsgCartChooseItem})},
	{Method: "DELETE", Path: "/user/shoppingCart/clean", Access: signedCustomer, Tag: "cart", Summary: "Empty the cart"},

	{Method: "GET", Path: "/user/addressBook/list", Access: signedCustomer, Tag: "address", Summary: "The customer's addresses", Data: []customer.Address{}},
	{Method: "POST", Path: "/user/addressBook", Access: signedCustomer, Tag: "address", Summary: "Add an address (not the default)",
		Body: customer.AddressInput{}, Messages: cat(bodyMessages, addressMessages, []string{customer.MsgTooManyAddressesFormat}),
		Example: &example{Path: "/user/addressBook", Body: `{"consignee":"张三","phone":"13800138000","sex":"0","provinceCode":"11","provinceName":"北京市","cityCode":"1101","cityName":"市辖区","districtCode":"110108","districtName":"海淀区","detail":"中关村大街1号","label":"1"}`, Answer: `{"code":1,"msg":null,"data":null}`}},
	{Method: "PUT", Path: "/user/addressBook", Access: signedCustomer, Tag: "address", Summary: "Edit an address (non-null fields only)",
		Body: customer.AddressInput{}, Messages: cat(bodyMessages, addressMessages, []string{customer.MsgAddressIDRequired, customer.MsgAddressNotFound})},
	{Method: "GET", Path: "/user/addressBook/default", Access: signedCustomer, Tag: "address", Summary: "The default address",
		Data: customer.Address{}, Messages: []string{customer.MsgNoDefaultAddress}},
	{Method: "PUT", Path: "/user/addressBook/default", Access: signedCustomer, Tag: "address", Summary: "Make an address the default",
		Body: idInput{}, Messages: cat(bodyMessages, []string{customer.MsgAddressIDRequired, customer.MsgAddressNotFound}),
		Example: &example{Path: "/user/addressBook/default", Body: `{"id":100000000000301}`, Answer: `{"code":1,"msg":null,"data":null}`, Refs: map[string]string{"100000000000301": "address"}}},
	{Method: "GET", Path: "/user/addressBook/{id}", Access: signedCustomer, Tag: "address", Summary: "One of the customer's addresses",
		Data: customer.Address{}, Messages: []string{customer.MsgAddressNotFound}},
	{Method: "DELETE", Path: "/user/addressBook", Access: signedCustomer, Tag: "address", Summary: "Delete an address",
		Query: []param{{Name: "id", Type: "integer", Description: "address id (or a JSON body {id})"}}, Messages: []string{customer.MsgAddressIDRequired, customer.MsgAddressNotFound}},
	{Method: "DELETE", Path: "/user/addressBook/", Access: signedCustomer, Tag: "address", Summary: "Delete an address (the mini-program's trailing-slash form)",
		Query: []param{{Name: "id", Type: "integer", Description: "address id (or a JSON body {id})"}}, Messages: []string{customer.MsgAddressIDRequired, customer.MsgAddressNotFound}},

	{Method: "POST", Path: "/user/order/submit", Access: signedCustomer, Tag: "order", Summary: "Order the cart",
		Description: "The server prices the cart itself: dishes and set meals at their current prices, plus the packing fee for every item, plus the delivery fee (shop settings). `amount` must be that total (the mini-program's double sum is accepted within floating-point noise); `packAmount` is ignored. Pay within 15 minutes. Ours: with `tableNo` (a dine-in order) no address is needed and there is no delivery fee; `payMethod` 3 (pay on delivery or at the counter) only while the shop allows it.",
		Body:        order.SubmitInput{}, Data: order.SubmitResult{},
		Messages: cat(bodyMessages, []string{order.MsgCartEmpty, order.MsgAddressEmpty, order.MsgShopClosed, order.MsgAmountChangedFormat,
			order.MsgAmountChanged, order.MsgOrderItemOffSaleFormat, order.MsgOrderOutOfLimits, order.MsgTooManyUnpaidOrdersFormat,
			order.MsgRemarkTooLong, order.MsgTablewareInvalid, order.MsgDeliveryStatusInvalid, order.MsgPayMethodInvalid, compat.MsgMoneySubCent,
			order.MsgTableNoInvalid, order.MsgPayOnDeliveryOff}, cartLimitMessages),
		Example: &example{Path: "/user/order/submit", Body: `{"addressBookId":100000000000301,"payMethod":1,"remark":"","estimatedDeliveryTime":"2030-01-01 12:00:00","deliveryStatus":1,"tablewareNumber":1,"tablewareStatus":0,"packAmount":1,"amount":63}`, Answer: `{"code":1,"msg":null,"data":{"id":100000000000401,"orderNumber":"1764000000000001","orderAmount":63.00,"orderTime":"2026-01-02 11:20"}}`, Refs: map[string]string{"100000000000301": "address"}}},
	{Method: "GET", Path: "/user/order/quote", Access: signedCustomer, Tag: "order", Summary: "The server's own total of the cart, with its parts (ours: the storefront's checkout)",
		Description: "Priced by the same code as submit: `amount` = dishAmount + packAmount + deliveryFee, and submit accepts that amount. With `tableNo` (a dine-in order) there is no delivery fee.",
		Query:       []param{{Name: "tableNo", Type: "string", Description: "table of a dine-in order: letters, digits, - and _, at most 16"}}, Data: order.PriceQuote{},
		Messages: cat([]string{order.MsgCartEmpty, order.MsgTableNoInvalid}, cartLimitMessages)},
	{Method: "PUT", Path: "/user/order/payment", Access: signedCustomer, Tag: "order", Summary: "Pay an order: answers the wx.requestPayment parameters",
		Description: "With WeChat Pay the order is paid when WeChat calls /notify/paySuccess; in demo mode (mock payment) it is paid at once and the parameters are placeholders. Ours: a browser customer (no openid) gets WeChat Pay's Native mode, `codeUrl` to show as a QR code; `payMethod` 3 sends the order to the kitchen unpaid (pay on delivery or at the counter, when the shop allows it) and answers empty parameters.",
		Body:        order.PayInput{}, Data: payment.ClientParams{},
		Messages: cat(bodyMessages, []string{order.MsgOrderNumberRequired, order.MsgPayMethodInvalid, order.MsgOrderNotFound, order.MsgOrderPaid,
			order.MsgOrderStatusError, order.MsgPaymentExpired, order.MsgPaymentUnavailable, order.MsgPaymentFailed, order.MsgPayOnDeliveryOff}),
		Example: &example{Path: "/user/order/payment", Body: `{"orderNumber":"1764000000000001","payMethod":1}`, Answer: `{"code":1,"msg":null,"data":{"timeStamp":"","nonceStr":"","packageStr":"","signType":"","paySign":""}}`, Refs: map[string]string{"1764000000000001": "orderNumber"}}},
	{Method: "GET", Path: "/user/order/historyOrders", Access: signedCustomer, Tag: "order", Summary: "The customer's orders with their items, newest first",
		Query: append(pageParams, param{Name: "status", Type: "integer", Description: "order status; empty: all"}),
		Data:  compat.PageResult[order.View]{}},
	{Method: "GET", Path: "/user/order/orderDetail/{id}", Access: signedCustomer, Tag: "order", Summary: "One of the customer's orders with its items",
		Data: order.View{}, Messages: []string{order.MsgOrderNotFound},
		Example: &example{Path: "/user/order/orderDetail/100000000000401", Answer: `{"code":1,"msg":null,"data":{"id":100000000000401,"number":"1764000000000001","status":2,"userId":100000000000201,"addressBookId":100000000000301,"orderTime":"2026-01-02 11:20","checkoutTime":"2026-01-02 11:20","payMethod":1,"payStatus":1,"amount":63.00,"remark":null,"userName":null,"phone":"13800138000","address":"北京市市辖区海淀区中关村大街1号","consignee":"张三","cancelReason":null,"rejectionReason":null,"cancelTime":null,"estimatedDeliveryTime":"2030-01-01 12:00","deliveryStatus":1,"deliveryTime":null,"packAmount":1,"deliveryFee":6.00,"tablewareNumber":1,"tablewareStatus":0,"channel":"miniprogram","tableNo":"","orderDishes":null,"orderDetailList":[{"id":100000000000402,"name":"老坛酸菜鱼","orderId":100000000000401,"dishId":100000000000251,"setmealId":null,"dishFlavor":"不要葱,微辣","number":1,"amount":56.00,"image":"http://127.0.0.1:8090/api/files/pbc_3607937828/100000000000901/demo_dish_51.png"}]}}`, Refs: map[string]string{"100000000000401": "order"}}},
	{Method: "PUT", Path: "/user/order/cancel/{id}", Access: signedCustomer, Tag: "order", Summary: "Cancel an order not yet accepted; paid money is refunded",
		Messages: orderIDMessages},
	{Method: "POST", Path: "/user/order/repetition/{id}", Access: signedCustomer, Tag: "order", Summary: "Put a past order's items back into the cart",
		Description: "Answers code 1; when items are no longer sold, msg names them (" + order.MsgRepetitionSkippedFormat + ").",
		Messages:    cat([]string{order.MsgOrderNotFound}, cartLimitMessages)},
	{Method: "GET", Path: "/user/order/reminder/{id}", Access: signedCustomer, Tag: "order", Summary: "Remind the shop of a paid order (raises a staff alert at most every five minutes)",
		Messages: orderIDMessages},
}

var notifyRoutes = []route{
	{Method: "POST", Path: "/notify/paySuccess", Access: wechatPay, Tag: "notify", Summary: "WeChat Pay payment callback (any method is accepted; WeChat POSTs)",
		Description: "The body is WeChat Pay API v3's signed, encrypted notification; the signature is verified against the platform key and the resource decrypted with the API v3 key. Only present when WeChat Pay (or demo mode) is on.",
		Raw:         notifyAnswer},
	{Method: "POST", Path: "/notify/refundSuccess", Access: wechatPay, Tag: "notify", Summary: "WeChat Pay refund callback (any method is accepted; WeChat POSTs)",
		Description: "As /notify/paySuccess, for refunds.", Raw: notifyAnswer},
}

var notifyAnswer = &rawAnswer{ContentType: "application/json",
	Description: `{"code":"SUCCESS","message":"SUCCESS"}; a callback that fails verification gets 401 (签名验证失败), an unreadable one 400 (通知无法读取), a failure to record it 500 with code FAIL so that WeChat sends it again`,
	Schema: object{"type": "object", "required": []string{"code", "message"}, "properties": object{
		"code": object{"type": "string", "enum": []string{"SUCCESS", "FAIL"}}, "message": object{"type": "string"}}}}
