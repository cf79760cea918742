package menu

import (
	"bytes"
	"hash/fnv"
	"image"
	"image/color"
	"image/png"
	"math"
	"math/rand/v2"
	"sync"
)

// The demo menu's pictures are drawn here, by code, when the demo is seeded: a plate, bowl, glass or tray seen
// from above (a drink from the side) with the dish's colours, varied by its name. They are ours, the same on every
// start, and small (a few KB each as PNG); staff replace them by uploading photos.

// pictureWidth and pictureHeight are the size of a demo picture, 4:3 as the original's photos.
const (
	pictureWidth  = 320
	pictureHeight = 240
	supersample   = 2 // drawn at twice the size and averaged down, for smooth edges
)

// vessel is what the food is served in.
type vessel int

const (
	plate vessel = iota
	bowl
	pot
	fishPlate
	bottle
	tray
)

// look is how one dish is drawn.
type look struct {
	vessel  vessel
	base    color.RGBA   // vessel colour, or the drink's
	sauce   color.RGBA   // what covers the vessel's floor; zero for none
	pieces  []color.RGBA // the food, in pieces
	garnish color.RGBA   // small bits on top; zero for none
}

var (
	white     = color.RGBA{250, 250, 246, 255}
	porcelain = color.RGBA{236, 240, 245, 255}
	blueBowl  = color.RGBA{62, 98, 160, 255}
	darkPot   = color.RGBA{70, 62, 58, 255}
	redSoup   = color.RGBA{205, 70, 40, 255}
	goldSoup  = color.RGBA{232, 176, 60, 255}
	clearSoup = color.RGBA{238, 226, 190, 255}
	fishWhite = color.RGBA{245, 236, 220, 255}
	pickle    = color.RGBA{190, 190, 90, 255}
	chili     = color.RGBA{220, 30, 30, 255}
	scallion  = color.RGBA{70, 160, 60, 255}
	leafGreen = color.RGBA{60, 140, 50, 255}
	deepGreen = color.RGBA{35, 105, 45, 255}
	braise    = color.RGBA{120, 55, 30, 255}
	pork      = color.RGBA{160, 80, 45, 255}
	fat       = color.RGBA{240, 215, 180, 255}
	riceWhite = color.RGBA{252, 252, 250, 255}
	egg       = color.RGBA{250, 205, 60, 255}
	tofu      = color.RGBA{248, 242, 225, 255}
	mushroom  = color.RGBA{190, 175, 150, 255}
	frog      = color.RGBA{235, 205, 170, 255}
	lotus     = color.RGBA{235, 225, 200, 255}
	sprout    = color.RGBA{240, 220, 120, 255}
	garlic    = color.RGBA{245, 240, 215, 255}
)

// demoLooks draws each demo dish and set meal; a name missing here gets a plain plate.
var demoLooks = map[string]look{
	"王老吉":    {vessel: bottle, base: color.RGBA{200, 30, 35, 255}, garnish: color.RGBA{240, 200, 60, 255}},
	"北冰洋":    {vessel: bottle, base: color.RGBA{240, 140, 30, 255}, garnish: color.RGBA{30, 80, 170, 255}},
	"雪花啤酒":   {vessel: bottle, base: color.RGBA{40, 120, 70, 255}, garnish: color.RGBA{230, 230, 235, 255}},
	"米饭":     {vessel: bowl, base: blueBowl, sauce: riceWhite, pieces: []color.RGBA{riceWhite}},
	"馒头":     {vessel: plate, base: porcelain, pieces: []color.RGBA{riceWhite, color.RGBA{246, 244, 236, 255}}},
	"老坛酸菜鱼":  {vessel: pot, base: darkPot, sauce: goldSoup, pieces: []color.RGBA{fishWhite, pickle}, garnish: chili},
	"经典酸菜鮰鱼": {vessel: pot, base: darkPot, sauce: goldSoup, pieces: []color.RGBA{fishWhite, pickle, fishWhite}, garnish: scallion},
	"蜀味水煮草鱼": {vessel: pot, base: darkPot, sauce: redSoup, pieces: []color.RGBA{fishWhite, sprout}, garnish: chili},
	"清炒小油菜":  {vessel: plate, base: white, pieces: []color.RGBA{leafGreen, deepGreen}, garnish: garlic},
	"蒜蓉娃娃菜":  {vessel: plate, base: white, sauce: clearSoup, pieces: []color.RGBA{color.RGBA{200, 225, 140, 255}, color.RGBA{235, 240, 200, 255}}, garnish: garlic},
	"清炒西兰花":  {vessel: plate, base: white, pieces: []color.RGBA{deepGreen, leafGreen}, garnish: garlic},
	"炝炒圆白菜":  {vessel: plate, base: white, pieces: []color.RGBA{color.RGBA{210, 225, 170, 255}, color.RGBA{230, 235, 200, 255}}, garnish: chili},
	"清蒸鲈鱼":   {vessel: fishPlate, base: white, sauce: color.RGBA{150, 100, 50, 255}, pieces: []color.RGBA{color.RGBA{200, 200, 195, 255}}, garnish: scallion},
	"东坡肘子":   {vessel: plate, base: white, sauce: braise, pieces: []color.RGBA{pork, braise}, garnish: scallion},
	"梅菜扣肉":   {vessel: bowl, base: porcelain, sauce: braise, pieces: []color.RGBA{pork, fat, color.RGBA{80, 60, 30, 255}}},
	"剁椒鱼头":   {vessel: fishPlate, base: white, sauce: redSoup, pieces: []color.RGBA{fishWhite}, garnish: chili},
	"金汤酸菜牛蛙": {vessel: pot, base: darkPot, sauce: goldSoup, pieces: []color.RGBA{frog, pickle}, garnish: chili},
	"香锅牛蛙":   {vessel: pot, base: darkPot, sauce: color.RGBA{170, 60, 30, 255}, pieces: []color.RGBA{frog, lotus, leafGreen}, garnish: chili},
	"馋嘴牛蛙":   {vessel: pot, base: darkPot, sauce: redSoup, pieces: []color.RGBA{frog, color.RGBA{120, 170, 80, 255}, sprout}, garnish: chili},
	"草鱼2斤":   {vessel: fishPlate, base: color.RGBA{60, 60, 65, 255}, sauce: redSoup, pieces: []color.RGBA{color.RGBA{200, 120, 60, 255}}, garnish: chili},
	"江团鱼2斤":  {vessel: fishPlate, base: color.RGBA{60, 60, 65, 255}, sauce: goldSoup, pieces: []color.RGBA{color.RGBA{215, 150, 80, 255}}, garnish: scallion},
	"鮰鱼2斤":   {vessel: fishPlate, base: color.RGBA{60, 60, 65, 255}, sauce: color.RGBA{190, 90, 40, 255}, pieces: []color.RGBA{color.RGBA{205, 135, 70, 255}}, garnish: chili},
	"鸡蛋汤":    {vessel: bowl, base: porcelain, sauce: clearSoup, pieces: []color.RGBA{egg}, garnish: color.RGBA{40, 50, 40, 255}},
	"平菇豆腐汤":  {vessel: bowl, base: porcelain, sauce: clearSoup, pieces: []color.RGBA{tofu, mushroom}, garnish: scallion},
	"酸菜鱼单人餐": {vessel: tray, base: color.RGBA{150, 95, 55, 255}, pieces: []color.RGBA{goldSoup, riceWhite, color.RGBA{200, 30, 35, 255}}},
	"商务双人餐":  {vessel: tray, base: color.RGBA{40, 40, 45, 255}, pieces: []color.RGBA{color.RGBA{200, 200, 195, 255}, pork, leafGreen, clearSoup, riceWhite}},
}

// drawnPictures keeps the pictures drawn in this process: drawing all of them takes about a second.
var drawnPictures sync.Map // name → []byte

// demoPicture is the picture of a demo dish or set meal as PNG.
func demoPicture(name string) []byte {
	if b, ok := drawnPictures.Load(name); ok {
		return b.([]byte)
	}
	b := drawPicture(name)
	drawnPictures.Store(name, b)
	return b
}

func drawPicture(name string) []byte {
	var b bytes.Buffer
	(&png.Encoder{CompressionLevel: png.DefaultCompression}).Encode(&b, drawImage(name))
	return b.Bytes()
}

// drawImage draws the picture of the named dish or set meal.
func drawImage(name string) image.Image {
	l, ok := demoLooks[name]
	if !ok {
		l = look{vessel: plate, base: white, pieces: []color.RGBA{pork}}
	}
	h := fnv.New64a()
	h.Write([]byte(name))
	c := newCanvas(rand.New(rand.NewPCG(h.Sum64(), 1)))
	c.table()
	switch l.vessel {
	case bottle:
		c.bottle(l)
	case tray:
		c.tray(l)
	case fishPlate:
		c.fish(l)
	default:
		c.dish(l)
	}
	return c.downsample()
}

// canvas is a picture being drawn at supersample times its size, in picture coordinates.
type canvas struct {
	img *image.RGBA
	rnd *rand.Rand
}

func newCanvas(rnd *rand.Rand) *canvas {
	return &canvas{img: image.NewRGBA(image.Rect(0, 0, pictureWidth*supersample, pictureHeight*supersample)), rnd: rnd}
}

// fill paints every pixel whose centre is inside, within the bounding box, with col blended by its alpha.
func (c *canvas) fill(x0, y0, x1, y1 float64, col color.RGBA, inside func(x, y float64) bool) {
	b := c.img.Bounds()
	px0, py0 := max(int(x0*supersample), b.Min.X), max(int(y0*supersample), b.Min.Y)
	px1, py1 := min(int(math.Ceil(x1*supersample)), b.Max.X), min(int(math.Ceil(y1*supersample)), b.Max.Y)
	for py := py0; py < py1; py++ {
		for px := px0; px < px1; px++ {
			if inside((float64(px)+0.5)/supersample, (float64(py)+0.5)/supersample) {
				c.blend(px, py, col)
			}
		}
	}
}

// blend paints one pixel of the supersampled picture with col over what is there.
func (c *canvas) blend(px, py int, col color.RGBA) {
	a := uint32(col.A)
	i := c.img.PixOffset(px, py)
	p := c.img.Pix[i : i+4 : i+4]
	p[0] = uint8((uint32(col.R)*a + uint32(p[0])*(255-a)) / 255)
	p[1] = uint8((uint32(col.G)*a + uint32(p[1])*(255-a)) / 255)
	p[2] = uint8((uint32(col.B)*a + uint32(p[2])*(255-a)) / 255)
	p[3] = 255
}

// ellipse fills an ellipse centred at (cx, cy) with radii rx, ry, turned by angle (radians). Each row is one span:
// the pixel centres x on it solve a·dx² + b·dx + c ≤ 0 with dx = x − cx.
func (c *canvas) ellipse(cx, cy, rx, ry, angle float64, col color.RGBA) {
	sin, cos := math.Sincos(angle)
	irx, iry := 1/(rx*rx), 1/(ry*ry)
	qa := cos*cos*irx + sin*sin*iry
	r := max(rx, ry)
	bounds := c.img.Bounds()
	py0, py1 := max(int((cy-r)*supersample), bounds.Min.Y), min(int(math.Ceil((cy+r)*supersample)), bounds.Max.Y)
	for py := py0; py < py1; py++ {
		dy := (float64(py)+0.5)/supersample - cy
		qb := 2 * dy * sin * cos * (irx - iry)
		qc := dy*dy*(sin*sin*irx+cos*cos*iry) - 1
		disc := qb*qb - 4*qa*qc
		if disc < 0 {
			continue
		}
		root := math.Sqrt(disc)
		x0, x1 := cx+(-qb-root)/(2*qa), cx+(-qb+root)/(2*qa)
		// Pixel px has its centre at (px+0.5)/supersample: the first and last centres within [x0, x1].
		px0 := max(int(math.Ceil(x0*supersample-0.5)), bounds.Min.X)
		px1 := min(int(math.Floor(x1*supersample-0.5)), bounds.Max.X-1)
		for px := px0; px <= px1; px++ {
			c.blend(px, py, col)
		}
	}
}

// roundRect fills a rectangle with rounded corners of radius r, one span per row.
func (c *canvas) roundRect(x0, y0, x1, y1, r float64, col color.RGBA) {
	bounds := c.img.Bounds()
	py0, py1 := max(int(y0*supersample), bounds.Min.Y), min(int(math.Ceil(y1*supersample)), bounds.Max.Y)
	for py := py0; py < py1; py++ {
		y := (float64(py) + 0.5) / supersample
		if y < y0 || y > y1 {
			continue
		}
		dy := max(y0+r-y, 0, y-(y1-r))
		if dy > r {
			continue
		}
		inset := r - math.Sqrt(r*r-dy*dy) // how far the rounded corner pulls the row in
		px0 := max(int(math.Ceil((x0+inset)*supersample-0.5)), bounds.Min.X)
		px1 := min(int(math.Floor((x1-inset)*supersample-0.5)), bounds.Max.X-1)
		for px := px0; px <= px1; px++ {
			c.blend(px, py, col)
		}
	}
}

func shade(col color.RGBA, f float64) color.RGBA {
	s := func(v uint8) uint8 { return uint8(min(255, float64(v)*f)) }
	return color.RGBA{s(col.R), s(col.G), s(col.B), col.A}
}

func withAlpha(col color.RGBA, a uint8) color.RGBA { col.A = a; return col }

// between is a random number in [lo, hi).
func (c *canvas) between(lo, hi float64) float64 { return lo + c.rnd.Float64()*(hi-lo) }

// table is a wooden table top: planks of a warm brown.
func (c *canvas) table() {
	wood := color.RGBA{176, 128, 86, 255}
	for i := 0; i < 5; i++ {
		y := float64(i) * pictureHeight / 5
		c.roundRect(0, y, pictureWidth, y+pictureHeight/5, 0, shade(wood, c.between(0.9, 1.05)))
		c.roundRect(0, y, pictureWidth, y+1.2, 0, shade(wood, 0.7))
	}
}

// scatter draws n pieces of the colours in a circle of radius r around (cx, cy).
func (c *canvas) scatter(cx, cy, r float64, n int, size float64, colours []color.RGBA) {
	for i := 0; i < n; i++ {
		a, d := c.between(0, 2*math.Pi), r*math.Sqrt(c.rnd.Float64())
		col := colours[i%len(colours)]
		x, y := cx+d*math.Cos(a), cy+d*math.Sin(a)
		rx, ry := size*c.between(0.7, 1.3), size*c.between(0.4, 0.8)
		turn := c.between(0, math.Pi)
		c.ellipse(x+1.5, y+2, rx, ry, turn, withAlpha(color.RGBA{0, 0, 0, 255}, 40))
		c.ellipse(x, y, rx, ry, turn, col)
		c.ellipse(x-rx*0.25, y-ry*0.3, rx*0.35, ry*0.3, turn, withAlpha(white, 70))
	}
}

func (c *canvas) sprinkle(cx, cy, r float64, n int, col color.RGBA) {
	if col.A == 0 {
		return
	}
	for i := 0; i < n; i++ {
		a, d := c.between(0, 2*math.Pi), r*math.Sqrt(c.rnd.Float64())
		c.ellipse(cx+d*math.Cos(a), cy+d*math.Sin(a), c.between(2, 4), c.between(1.2, 2.2), c.between(0, math.Pi), col)
	}
}

// dish is a plate, bowl or pot from above with its food.
func (c *canvas) dish(l look) {
	cx, cy := pictureWidth/2.0, pictureHeight/2.0+4
	outer, inner := 104.0, 84.0
	switch l.vessel {
	case bowl:
		outer, inner = 100, 86
	case pot:
		outer, inner = 108, 96
		c.ellipse(cx-outer-8, cy, 16, 9, 0, shade(l.base, 0.8)) // handles
		c.ellipse(cx+outer+8, cy, 16, 9, 0, shade(l.base, 0.8))
	}
	c.ellipse(cx+6, cy+8, outer, outer, 0, withAlpha(color.RGBA{0, 0, 0, 255}, 60))
	c.ellipse(cx, cy, outer, outer, 0, l.base)
	c.ellipse(cx, cy, inner+4, inner+4, 0, shade(l.base, 0.88))
	c.ellipse(cx, cy, inner, inner, 0, shade(l.base, 1.04))
	if l.sauce.A != 0 {
		c.ellipse(cx, cy, inner-2, inner-2, 0, l.sauce)
	}
	if len(l.pieces) > 0 {
		if l.vessel == bowl && l.sauce == riceWhite { // a heap of rice: many small grains
			c.scatter(cx, cy, inner-14, 140, 4, []color.RGBA{riceWhite, shade(riceWhite, 0.93)})
		} else {
			c.scatter(cx, cy, inner-26, 9+c.rnd.IntN(5), 20, l.pieces)
		}
	}
	c.sprinkle(cx, cy, inner-20, 18, l.garnish)
	c.ellipse(cx-outer*0.55, cy-outer*0.55, outer*0.18, outer*0.07, -math.Pi/4, withAlpha(white, 90)) // shine
}

// fish is a whole fish on an oval plate.
func (c *canvas) fish(l look) {
	cx, cy := pictureWidth/2.0, pictureHeight/2.0+4
	c.ellipse(cx+6, cy+8, 138, 88, 0, withAlpha(color.RGBA{0, 0, 0, 255}, 60))
	c.ellipse(cx, cy, 138, 88, 0, l.base)
	c.ellipse(cx, cy, 124, 76, 0, shade(l.base, 0.92))
	if l.sauce.A != 0 {
		c.ellipse(cx, cy, 118, 70, 0, l.sauce)
	}
	body := l.pieces[0]
	tail := cx + 78
	c.fill(tail-6, cy-36, tail+34, cy+36, shade(body, 0.9), func(x, y float64) bool { // the tail, a triangle
		return x >= tail-4 && math.Abs(y-cy) <= (x-tail+6)*0.95
	})
	c.ellipse(cx, cy, 88, 34, 0, body)
	c.ellipse(cx+4, cy-10, 70, 12, 0, withAlpha(white, 60))
	for i := 0; i < 4; i++ { // cuts across the back
		c.ellipse(cx-40+float64(i)*24, cy-6, 3, 16, 0.3, shade(body, 0.8))
	}
	c.ellipse(cx-64, cy-6, 5, 5, 0, color.RGBA{30, 30, 30, 255}) // the eye
	c.sprinkle(cx, cy, 70, 26, l.garnish)
}

// bottle is a drink standing beside a glass.
func (c *canvas) bottle(l look) {
	c.roundRect(0, pictureHeight*0.72, pictureWidth, pictureHeight, 0, withAlpha(color.RGBA{0, 0, 0, 255}, 30))
	x := pictureWidth/2.0 - 70
	c.roundRect(x+6, 50, x+76, 210, 12, withAlpha(color.RGBA{0, 0, 0, 255}, 50))
	c.roundRect(x, 44, x+70, 204, 12, l.base)
	c.roundRect(x, 44, x+70, 58, 6, color.RGBA{200, 200, 205, 255}) // the lid
	c.roundRect(x, 100, x+70, 150, 0, l.garnish)                    // the label
	c.roundRect(x+10, 110, x+60, 140, 4, shade(l.base, 1.1))
	c.roundRect(x+8, 62, x+18, 196, 5, withAlpha(white, 70))
	gx := pictureWidth/2.0 + 30
	c.roundRect(gx, 110, gx+56, 204, 8, withAlpha(white, 120)) // the glass, with the drink in it
	c.roundRect(gx+4, 130, gx+52, 200, 6, withAlpha(l.base, 200))
	c.roundRect(gx+6, 114, gx+12, 196, 3, withAlpha(white, 90))
}

// tray is a set meal: small bowls on a tray.
func (c *canvas) tray(l look) {
	c.roundRect(30, 30, pictureWidth-24, pictureHeight-22, 16, withAlpha(color.RGBA{0, 0, 0, 255}, 60))
	c.roundRect(24, 24, pictureWidth-30, pictureHeight-28, 16, l.base)
	c.roundRect(32, 32, pictureWidth-38, pictureHeight-36, 12, shade(l.base, 1.15))
	n := len(l.pieces)
	cols := (n + 1) / 2
	for i, food := range l.pieces {
		row, col := i/cols, i%cols
		w := (pictureWidth - 90.0) / float64(cols)
		cx := 50 + w/2 + float64(col)*w
		cy := 82.0 + float64(row)*84
		r := min(w/2-4, 38)
		c.ellipse(cx+3, cy+4, r, r, 0, withAlpha(color.RGBA{0, 0, 0, 255}, 50))
		c.ellipse(cx, cy, r, r, 0, porcelain)
		c.ellipse(cx, cy, r-6, r-6, 0, food)
		c.scatter(cx, cy, r-16, 4, 6, []color.RGBA{shade(food, 0.85), shade(food, 1.1)})
	}
}

// downsample averages the supersampled picture down to its size.
func (c *canvas) downsample() image.Image {
	out := image.NewRGBA(image.Rect(0, 0, pictureWidth, pictureHeight))
	for y := 0; y < pictureHeight; y++ {
		for x := 0; x < pictureWidth; x++ {
			var sum [3]int
			for sy := 0; sy < supersample; sy++ {
				for sx := 0; sx < supersample; sx++ {
					i := c.img.PixOffset(x*supersample+sx, y*supersample+sy)
					sum[0] += int(c.img.Pix[i])
					sum[1] += int(c.img.Pix[i+1])
					sum[2] += int(c.img.Pix[i+2])
				}
			}
			n := supersample * supersample
			i := out.PixOffset(x, y)
			out.Pix[i], out.Pix[i+1], out.Pix[i+2], out.Pix[i+3] = uint8(sum[0]/n), uint8(sum[1]/n), uint8(sum[2]/n), 255
		}
	}
	return out
}
