package payment

import (
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"os"
	"strings"
)

// loadPrivateKey reads the merchant API private key: PKCS#8 ("PRIVATE KEY", as WeChat's apiclient_key.pem) or
// PKCS#1 ("RSA PRIVATE KEY").
func loadPrivateKey(file string) (*rsa.PrivateKey, error) {
	block, err := readPEM(file)
	if err != nil {
		return nil, err
	}
	if k, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {
		return k, nil
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("payment: %s is not an RSA private key in PKCS#8 or PKCS#1: %w", file, err)
	}
	rsaKey, ok := k.(*rsa.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("payment: %s holds a %T, WeChat Pay needs an RSA key", file, k)
	}
	return rsaKey, nil
}

// loadPlatformKey reads WeChat Pay's key that signs its answers and callbacks: the platform public key
// ("PUBLIC KEY", or PKCS#1 "RSA PUBLIC KEY") or a platform certificate. For a certificate it also returns the
// certificate's serial, which WeChat Pay puts in Wechatpay-Serial.
func loadPlatformKey(file string) (key *rsa.PublicKey, certSerial string, err error) {
	block, err := readPEM(file)
	if err != nil {
		return nil, "", err
	}
	var pub any
	switch block.Type {
	case "CERTIFICATE":
		cert, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, "", fmt.Errorf("payment: %s: %w", file, err)
		}
		pub, certSerial = cert.PublicKey, fmt.Sprintf("%X", cert.SerialNumber)
	case "RSA PUBLIC KEY":
		pub, err = x509.ParsePKCS1PublicKey(block.Bytes)
	default:
		pub, err = x509.ParsePKIXPublicKey(block.Bytes)
	}
	if err != nil {
		return nil, "", fmt.Errorf("payment: %s is not a public key or certificate: %w", file, err)
	}
	rsaKey, ok := pub.(*rsa.PublicKey)
	if !ok {
		return nil, "", fmt.Errorf("payment: %s holds a %T, WeChat Pay signs with RSA", file, pub)
	}
	return rsaKey, certSerial, nil
}

func readPEM(file string) (*pem.Block, error) {
	raw, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("payment: %w", err)
	}
	block, _ := pem.Decode(raw)
	if block == nil {
		return nil, fmt.Errorf("payment: %s is not a PEM file", file)
	}
	return block, nil
}

// sameSerial compares certificate serials as WeChat writes them, ignoring case and leading zeros.
func sameSerial(a, b string) bool {
	norm := func(s string) string { return strings.TrimLeft(strings.ToUpper(strings.TrimSpace(s)), "0") }
	return norm(a) == norm(b)
}
