package apidocs

import "myrestaurant/modules/compat"

// access is who may call a route, and so which header carries the token.
type access int

const (
	public          access = iota
	employee               // an enabled employee who has replaced the initial password; header `token`
	employeeSession        // any enabled employee, even on the initial password; header `token`
	manager                // an employee with the manager role; header `token`
	signedCustomer         // a signed-in customer; header `authentication`
	wechatPay              // WeChat Pay's signed callback (Wechatpay-* headers)
)

// route is one documented operation. Body and Data are zero values of the Go types the handler decodes and
// answers (the schemas are made from them); Messages are the module constants it can answer with in code 0.
type route struct {
	Method, Path string
	Access       access
	Tag          string
	Summary      string
	Description  string
	Query        []param
	Body         any
	Data         any // the type of `data` on success; nil: data is null
	Messages     []string
	Example      *example
	// Raw documents an answer that is not the envelope (the Excel export, WeChat Pay's callbacks).
	Raw *rawAnswer
}

type param struct {
	Name, Type, Description string
	Required                bool
}

// rawAnswer is a route's own answer format.
type rawAnswer struct {
	ContentType string
	Schema      object
	Description string
}

// example is a request and the answer the demo server gives to it; the examples test sends the request to a
// real demo app and compares the answer. Refs names the ids of the demo data the request uses: the test
// replaces each key (the id shown here) with the id of what its value names (see the examples test).
type example struct {
	Path   string // with query string and path values filled in
	Body   string // JSON, or ""
	Answer string // the whole envelope
	Refs   map[string]string
}

// Messages every route of a kind can answer with in code 0.
var (
	bodyMessages     = []string{compat.MsgBadRequest, compat.MsgBodyTooLarge}
	employeeMessages = []string{compat.MsgChangeInitialPassword}
	managerMessages  = []string{compat.MsgChangeInitialPassword, compat.MsgManagersOnly}
)
