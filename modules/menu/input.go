package menu

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/compat"
)

// CategoryInput is CategoryDTO. On update only the non-null fields change.
type CategoryInput struct {
	ID   compat.ID   `json:"id"`
	Type compat.Int  `json:"type"`
	Name compat.Text `json:"name"`
	Sort compat.Int  `json:"sort"`
}

// DishInput is DishDTO. On update only the non-null fields change; Flavors nil (absent or null) keeps the
// dish's flavors, a list (even empty) replaces them.
type DishInput struct {
	ItemInput
	Flavors *[]FlavorInput `json:"flavors"`
}

// ItemInput holds the fields dishes and set meals share.
type ItemInput struct {
	ID          compat.ID    `json:"id"`
	Name        compat.Text  `json:"name"`
	CategoryID  compat.ID    `json:"categoryId"`
	Price       compat.Money `json:"price"`
	Image       compat.Text  `json:"image"`
	Description compat.Text  `json:"description"`
	Status      compat.Int   `json:"status"`
}

// apply checks and copies the non-null fields onto a dish or set meal record; the category must exist and
// be of categoryType.
func (in ItemInput) apply(tx core.App, r *core.Record, categoryType int) error {
	if in.Name.Valid {
		name, err := checkName(in.Name)
		if err != nil {
			return err
		}
		r.Set("name", name)
	}
	if in.CategoryID != 0 {
		if err := requireCategoryOfType(tx, in.CategoryID, categoryType); err != nil {
			return err
		}
		r.Set("category", in.CategoryID.String())
	}
	if in.Price.Valid {
		price, err := checkPrice(in.Price)
		if err != nil {
			return err
		}
		r.Set("price", price)
	}
	if in.Image.Valid {
		image, err := checkText(in.Image, MsgImageTooLong)
		if err != nil {
			return err
		}
		r.Set("image", image)
	}
	if in.Description.Valid {
		description, err := checkText(in.Description, MsgDescriptionTooLong)
		if err != nil {
			return err
		}
		r.Set("description", description)
	}
	if in.Status.Valid {
		status, err := checkStatus(in.Status)
		if err != nil {
			return err
		}
		r.Set("status", status)
	}
	return nil
}

// FlavorInput is one posted flavor; its id and dishId are ignored because the flavors are replaced.
type FlavorInput struct {
	Name  compat.Text   `json:"name"`
	Value FlavorOptions `json:"value"`
}

// FlavorOptions is the options of a flavor as the JSON array string the clients exchange. The admin front end
// sends the string (JSON.stringify); a plain JSON array of strings is accepted too and stored as its string.
type FlavorOptions struct {
	Text  string
	Valid bool
}

func (o *FlavorOptions) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		*o = FlavorOptions{}
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*o = FlavorOptions{Text: s, Valid: true}
	case b[0] == '[':
		var options []string
		if err := json.Unmarshal(b, &options); err != nil {
			return err
		}
		raw, err := json.Marshal(options)
		if err != nil {
			return err
		}
		*o = FlavorOptions{Text: string(raw), Valid: true}
	default:
		return errors.New("expected a JSON array string")
	}
	return nil
}

// SetmealInput is SetmealDTO. On update only the non-null fields change; SetmealDishes nil keeps the set
// meal's dishes, a list (even empty) replaces them.
type SetmealInput struct {
	ItemInput
	SetmealDishes *[]SetmealDishInput `json:"setmealDishes"`
}

// SetmealDishInput is one posted dish of a set meal. Its name and price are ignored: the server copies them
// from the dish.
type SetmealDishInput struct {
	DishID compat.ID  `json:"dishId"`
	Copies compat.Int `json:"copies"`
}

// ---- checks shared by the three kinds of menu record ----

func checkName(t compat.Text) (string, error) {
	name := strings.TrimSpace(t.Value)
	if name == "" {
		return "", compat.Fail(MsgNameRequired)
	}
	if utf8.RuneCountInString(name) > maxNameLen {
		return "", compat.Fail(MsgNameTooLong)
	}
	return name, nil
}

func checkText(t compat.Text, tooLong string) (string, error) {
	s := strings.TrimSpace(t.Value)
	if utf8.RuneCountInString(s) > maxTextLen {
		return "", compat.Fail(tooLong)
	}
	return s, nil
}

func checkStatus(n compat.Int) (int, error) {
	if n.Value != OffSale && n.Value != OnSale {
		return 0, compat.Fail(compat.MsgStatusInvalid)
	}
	return int(n.Value), nil
}

func checkPrice(m compat.Money) (int64, error) {
	if !m.Valid {
		return 0, compat.Fail(MsgPriceRequired)
	}
	if m.Cents < 0 {
		return 0, compat.Fail(MsgPriceNegative)
	}
	return m.Cents, nil
}

func checkCategoryType(n compat.Int) (int, error) {
	if !n.Valid || (n.Value != DishCategory && n.Value != SetmealCategory) {
		return 0, compat.Fail(MsgCategoryTypeInvalid)
	}
	return int(n.Value), nil
}

func checkSort(n compat.Int) (int, error) {
	if n.Value < -maxSort || n.Value > maxSort {
		return 0, compat.Fail(MsgSortOutOfRange)
	}
	return int(n.Value), nil
}

// flavor is a checked flavor ready to store.
type flavor struct{ name, value string }

// checkFlavors checks posted flavors: each has a name, names differ, and the value is a non-empty JSON array
// of non-empty strings, which is what the mini-program parses.
func checkFlavors(in []FlavorInput) ([]flavor, error) {
	if len(in) > maxFlavors {
		return nil, compat.Fail(MsgTooManyFlavors)
	}
	out := make([]flavor, 0, len(in))
	seen := make(map[string]bool, len(in))
	for _, f := range in {
		name := strings.TrimSpace(f.Name.Value)
		if name == "" {
			return nil, compat.Fail(MsgFlavorNameRequired)
		}
		if utf8.RuneCountInString(name) > maxNameLen {
			return nil, compat.Fail(MsgNameTooLong)
		}
		if seen[name] {
			return nil, compat.Fail(MsgFlavorNameDuplicate)
		}
		seen[name] = true
		value := strings.TrimSpace(f.Value.Text)
		if err := checkFlavorValue(value); err != nil {
			return nil, err
		}
		out = append(out, flavor{name: name, value: value})
	}
	return out, nil
}

// checkFlavorValue: a flavor's options are a non-empty JSON array of non-empty strings, which is what the
// mini-program parses.
func checkFlavorValue(value string) error {
	var options []string
	if err := json.Unmarshal([]byte(value), &options); err != nil || len(options) == 0 {
		return compat.Fail(MsgFlavorValueInvalid)
	}
	for _, o := range options {
		if strings.TrimSpace(o) == "" {
			return compat.Fail(MsgFlavorValueInvalid)
		}
	}
	if utf8.RuneCountInString(value) > maxTextLen {
		return compat.Fail(MsgFlavorValueTooLong)
	}
	return nil
}
