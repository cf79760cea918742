package backoffice_test

import "myrestaurant/modules/compat"

func textOf(s string) compat.Text { return compat.Text{Value: s, Valid: true} }
