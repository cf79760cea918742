package apidocs

// Test-only access to the route table.
var (
	RouteKeys = routeKeys
	Examples  = examples
)
