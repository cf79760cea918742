package menu

import (
	"database/sql"
	"math"

	"github.com/pocketbase/pocketbase/tools/types"

	"myrestaurant/modules/compat"
)

// The menu collections. Every change to any of them invalidates the customer menu cache.
const (
	categoriesCollection    = "categories"
	dishesCollection        = "dishes"
	flavorsCollection       = "dish_flavors"
	setmealsCollection      = "setmeals"
	setmealDishesCollection = "setmeal_dishes"
)

var menuCollections = []string{
	categoriesCollection, dishesCollection, flavorsCollection, setmealsCollection, setmealDishesCollection,
}

// Category types: a category holds either dishes or set meals.
const (
	DishCategory    = 1
	SetmealCategory = 2
)

// Sale statuses: customers see and order a dish, set meal or category that is OnSale; OffSale is a stopped
// dish or set meal, or a disabled category.
const (
	OffSale = 0
	OnSale  = 1
)

// The limits of the original's columns (docs/compat-api.md §3), which the schema repeats.
const (
	maxNameLen       = 32
	maxTextLen       = 255
	maxSort          = 1_000_000
	maxCopies        = 1000
	maxFlavors       = 20
	maxSetmealDishes = 200 // dishes in one set meal
)

// Category is the category JSON of the contract.
type Category struct {
	ID         compat.ID   `json:"id"`
	Type       int         `json:"type"`
	Name       string      `json:"name"`
	Sort       int         `json:"sort"`
	Status     int         `json:"status"`
	CreateTime compat.Time `json:"createTime"`
	UpdateTime compat.Time `json:"updateTime"`
	CreateUser compat.ID   `json:"createUser"`
	UpdateUser compat.ID   `json:"updateUser"`
}

// Dish is the dish entity JSON (admin dish list).
type Dish struct {
	ID          compat.ID    `json:"id"`
	Name        string       `json:"name"`
	CategoryID  compat.ID    `json:"categoryId"`
	Price       compat.Money `json:"price"`
	Image       string       `json:"image"`
	Description string       `json:"description"`
	Status      int          `json:"status"`
	CreateTime  compat.Time  `json:"createTime"`
	UpdateTime  compat.Time  `json:"updateTime"`
	CreateUser  compat.ID    `json:"createUser"`
	UpdateUser  compat.ID    `json:"updateUser"`
}

// DishVO is a dish with its category name and flavors (admin page and detail, customer list).
type DishVO struct {
	ID           compat.ID    `json:"id"`
	Name         string       `json:"name"`
	CategoryID   compat.ID    `json:"categoryId"`
	Price        compat.Money `json:"price"`
	Image        string       `json:"image"`
	Description  string       `json:"description"`
	Status       int          `json:"status"`
	UpdateTime   compat.Time  `json:"updateTime"`
	CategoryName *string      `json:"categoryName"`
	Flavors      []DishFlavor `json:"flavors"`
}

// DishFlavor is one flavor of a dish; Value is a JSON array string of its options, e.g. ["不辣","微辣"].
type DishFlavor struct {
	ID     compat.ID `json:"id"`
	DishID compat.ID `json:"dishId"`
	Name   string    `json:"name"`
	Value  string    `json:"value"`
}

// Setmeal is the set meal entity JSON (customer list).
type Setmeal struct {
	ID          compat.ID    `json:"id"`
	CategoryID  compat.ID    `json:"categoryId"`
	Name        string       `json:"name"`
	Price       compat.Money `json:"price"`
	Status      int          `json:"status"`
	Description string       `json:"description"`
	Image       string       `json:"image"`
	CreateTime  compat.Time  `json:"createTime"`
	UpdateTime  compat.Time  `json:"updateTime"`
	CreateUser  compat.ID    `json:"createUser"`
	UpdateUser  compat.ID    `json:"updateUser"`
}

// SetmealVO is a set meal with its category name and dishes (admin page and detail).
type SetmealVO struct {
	ID            compat.ID     `json:"id"`
	CategoryID    compat.ID     `json:"categoryId"`
	Name          string        `json:"name"`
	Price         compat.Money  `json:"price"`
	Status        int           `json:"status"`
	Description   string        `json:"description"`
	Image         string        `json:"image"`
	UpdateTime    compat.Time   `json:"updateTime"`
	CategoryName  *string       `json:"categoryName"`
	SetmealDishes []SetmealDish `json:"setmealDishes"`
}

// SetmealDish is one dish of a set meal; Name and Price are copies of the dish's at the last save.
type SetmealDish struct {
	ID        compat.ID    `json:"id"`
	SetmealID compat.ID    `json:"setmealId"`
	DishID    compat.ID    `json:"dishId"`
	Name      string       `json:"name"`
	Price     compat.Money `json:"price"`
	Copies    int          `json:"copies"`
}

// DishItemVO is a dish of a set meal as the customer sees it.
type DishItemVO struct {
	Name        string `json:"name"`
	Copies      int    `json:"copies"`
	Image       string `json:"image"`
	Description string `json:"description"`
}

// ---- rows as read by SQL: the list queries read columns, not records, because they are the hot paths ----

var categoryColumns = []string{"c.id", "c.type", "c.name", "c.sort", "c.status", "c.created", "c.updated", "c.created_by", "c.updated_by"}

type categoryRow struct {
	ID        string         `db:"id"`
	Type      int            `db:"type"`
	Name      string         `db:"name"`
	Sort      int            `db:"sort"`
	Status    int            `db:"status"`
	Created   types.DateTime `db:"created"`
	Updated   types.DateTime `db:"updated"`
	CreatedBy string         `db:"created_by"`
	UpdatedBy string         `db:"updated_by"`
}

func (r categoryRow) category() Category {
	return Category{
		ID:         compat.ParseID(r.ID),
		Type:       r.Type,
		Name:       r.Name,
		Sort:       r.Sort,
		Status:     r.Status,
		CreateTime: compat.TimeOf(r.Created.Time()),
		UpdateTime: compat.TimeOf(r.Updated.Time()),
		CreateUser: compat.ParseID(r.CreatedBy),
		UpdateUser: compat.ParseID(r.UpdatedBy),
	}
}

var dishColumns = []string{"d.id", "d.name", "d.category", "d.price", "d.image", "d.description", "d.status", "d.created", "d.updated", "d.created_by", "d.updated_by"}

type dishRow struct {
	ID           string         `db:"id"`
	Name         string         `db:"name"`
	Category     string         `db:"category"`
	Price        float64        `db:"price"`
	Image        string         `db:"image"`
	Description  string         `db:"description"`
	Status       int            `db:"status"`
	Created      types.DateTime `db:"created"`
	Updated      types.DateTime `db:"updated"`
	CreatedBy    string         `db:"created_by"`
	UpdatedBy    string         `db:"updated_by"`
	CategoryName sql.NullString `db:"category_name"`
}

func (r dishRow) dish() Dish {
	return Dish{
		ID:          compat.ParseID(r.ID),
		Name:        r.Name,
		CategoryID:  compat.ParseID(r.Category),
		Price:       cents(r.Price),
		Image:       r.Image,
		Description: r.Description,
		Status:      r.Status,
		CreateTime:  compat.TimeOf(r.Created.Time()),
		UpdateTime:  compat.TimeOf(r.Updated.Time()),
		CreateUser:  compat.ParseID(r.CreatedBy),
		UpdateUser:  compat.ParseID(r.UpdatedBy),
	}
}

func (r dishRow) vo() DishVO {
	vo := DishVO{
		ID:          compat.ParseID(r.ID),
		Name:        r.Name,
		CategoryID:  compat.ParseID(r.Category),
		Price:       cents(r.Price),
		Image:       r.Image,
		Description: r.Description,
		Status:      r.Status,
		UpdateTime:  compat.TimeOf(r.Updated.Time()),
		Flavors:     []DishFlavor{},
	}
	if r.CategoryName.Valid {
		name := r.CategoryName.String
		vo.CategoryName = &name
	}
	return vo
}

type flavorRow struct {
	ID    string `db:"id"`
	Dish  string `db:"dish"`
	Name  string `db:"name"`
	Value string `db:"value"`
}

func (r flavorRow) flavor() DishFlavor {
	return DishFlavor{ID: compat.ParseID(r.ID), DishID: compat.ParseID(r.Dish), Name: r.Name, Value: r.Value}
}

var setmealColumns = []string{"s.id", "s.name", "s.category", "s.price", "s.status", "s.description", "s.image", "s.created", "s.updated", "s.created_by", "s.updated_by"}

type setmealRow struct {
	ID           string         `db:"id"`
	Name         string         `db:"name"`
	Category     string         `db:"category"`
	Price        float64        `db:"price"`
	Status       int            `db:"status"`
	Description  string         `db:"description"`
	Image        string         `db:"image"`
	Created      types.DateTime `db:"created"`
	Updated      types.DateTime `db:"updated"`
	CreatedBy    string         `db:"created_by"`
	UpdatedBy    string         `db:"updated_by"`
	CategoryName sql.NullString `db:"category_name"`
}

func (r setmealRow) setmeal() Setmeal {
	return Setmeal{
		ID:          compat.ParseID(r.ID),
		CategoryID:  compat.ParseID(r.Category),
		Name:        r.Name,
		Price:       cents(r.Price),
		Status:      r.Status,
		Description: r.Description,
		Image:       r.Image,
		CreateTime:  compat.TimeOf(r.Created.Time()),
		UpdateTime:  compat.TimeOf(r.Updated.Time()),
		CreateUser:  compat.ParseID(r.CreatedBy),
		UpdateUser:  compat.ParseID(r.UpdatedBy),
	}
}

func (r setmealRow) vo() SetmealVO {
	vo := SetmealVO{
		ID:            compat.ParseID(r.ID),
		CategoryID:    compat.ParseID(r.Category),
		Name:          r.Name,
		Price:         cents(r.Price),
		Status:        r.Status,
		Description:   r.Description,
		Image:         r.Image,
		UpdateTime:    compat.TimeOf(r.Updated.Time()),
		SetmealDishes: []SetmealDish{},
	}
	if r.CategoryName.Valid {
		name := r.CategoryName.String
		vo.CategoryName = &name
	}
	return vo
}

type setmealDishRow struct {
	ID      string  `db:"id"`
	Setmeal string  `db:"setmeal"`
	Dish    string  `db:"dish"`
	Name    string  `db:"name"`
	Price   float64 `db:"price"`
	Copies  int     `db:"copies"`
}

func (r setmealDishRow) item() SetmealDish {
	return SetmealDish{
		ID:        compat.ParseID(r.ID),
		SetmealID: compat.ParseID(r.Setmeal),
		DishID:    compat.ParseID(r.Dish),
		Name:      r.Name,
		Price:     cents(r.Price),
		Copies:    r.Copies,
	}
}

// cents reads a money column; SQLite's NUMERIC columns may hand back whole numbers as floats.
func cents(v float64) compat.Money { return compat.Cents(int64(math.Round(v))) }
