package cart_test

import (
	"errors"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/cart"
)

// Checkout empties exactly the cart that was priced; a cart changed since is reported, and the caller's rollback
// puts every row back.
func TestCheckout(t *testing.T) {
	s := newShop(t)
	add := func(n int) {
		t.Helper()
		if err := cart.AddItem(s.app, s.userA, cart.Choice{DishID: s.fish}, n); err != nil {
			t.Fatal(err)
		}
	}
	checkout := func(items []cart.Item) (bool, int) {
		t.Helper()
		var same bool
		err := s.app.RunInTransaction(func(tx core.App) error {
			var err error
			if same, err = cart.Checkout(tx, s.userA, items); err != nil {
				return err
			}
			if !same {
				return errors.New("roll back")
			}
			return nil
		})
		if same && err != nil {
			t.Fatal(err)
		}
		left, err := cart.Items(s.app, s.userA)
		if err != nil {
			t.Fatal(err)
		}
		return same, len(left)
	}

	add(1)
	priced, err := cart.Items(s.app, s.userA)
	if err != nil {
		t.Fatal(err)
	}
	add(1) // one more after pricing: the same row, another count
	if same, left := checkout(priced); same || left != 1 {
		t.Fatalf("changed count: same %v, %d rows left", same, left)
	}
	if err := cart.AddItem(s.app, s.userA, cart.Choice{SetmealID: s.combo}, 1); err != nil {
		t.Fatal(err)
	}
	priced, _ = cart.Items(s.app, s.userA)
	if same, left := checkout(priced[:1]); same || left != 2 {
		t.Fatalf("an extra row: same %v, %d rows left", same, left)
	}
	if same, left := checkout(priced); !same || left != 0 {
		t.Fatalf("the priced cart: same %v, %d rows left", same, left)
	}
}
