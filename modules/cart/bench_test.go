package cart_test

import (
	"fmt"
	"testing"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/cart"
	"myrestaurant/modules/compat"
)

// BenchmarkCartAdd measures POST /user/shoppingCart/add through a real HTTP server: auth, decode, the menu
// check and the increment, in one transaction.
func BenchmarkCartAdd(b *testing.B) {
	b.Run("http/same row", func(b *testing.B) {
		s := newShop(b)
		body := map[string]any{"dishId": s.fish, "dishFlavor": "微辣"}
		n := 0
		for b.Loop() {
			if n++; n%(cart.MaxNumber-1) == 0 { // stay under the per-row limit on long runs
				b.StopTimer()
				clearCart(b, s, s.userA)
				b.StartTimer()
			}
			if r := s.call(b, s.tokA, "POST", "/user/shoppingCart/add", body); r.Code != 1 {
				b.Fatal(r.Message())
			}
		}
	})
	b.Run("http/parallel customers", func(b *testing.B) {
		s := newShop(b)
		toks := make(chan string, 64)
		for i := range cap(toks) {
			_, tok := apptest.Customer(b, s.app, fmt.Sprint("bench-", i))
			toks <- tok
		}
		body := map[string]any{"dishId": s.rice}
		b.ResetTimer()
		b.RunParallel(func(pb *testing.PB) {
			tok := <-toks
			for n := 1; pb.Next(); n++ {
				if n%(cart.MaxNumber-1) == 0 {
					s.call(b, tok, "DELETE", "/user/shoppingCart/clean", nil)
				}
				if r := s.call(b, tok, "POST", "/user/shoppingCart/add", body); r.Code != 1 {
					b.Error(r.Message())
					return
				}
			}
		})
	})
	b.Run("func/AddItem", func(b *testing.B) {
		s := newShop(b)
		n := 0
		for b.Loop() {
			if n++; n%(cart.MaxNumber-1) == 0 {
				b.StopTimer()
				clearCart(b, s, s.userA)
				b.StartTimer()
			}
			if err := cart.AddItem(s.app, s.userA, cart.Choice{DishID: s.rice}, 1); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func clearCart(b *testing.B, s *shop, user compat.ID) {
	if err := cart.Clear(s.app, user); err != nil {
		b.Fatal(err)
	}
}
