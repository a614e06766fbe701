// The Temporal server as Vinh Danh runs it (TEMPORAL_MODE=server): the stock server, v1.29.1,
// started the way its own cmd/server starts it, with one addition: who may do what is decided by
// the client certificate the caller presented over mutual TLS (docs/security.md).
//
//   - CN=vinhdanh-product: the API and the worker. Admin: start, signal, update, query, and the
//     namespace and search-attribute setup.
//   - CN=vinhdanh-operator: operators' tools (the CLI, the Web UI). Reader of the namespace: list,
//     describe, read histories; never start, signal, update, reset, cancel or terminate.
//   - CN=temporal-internal, CN=temporal-frontend: Temporal's own services. Admin.
//   - anyone else: nothing (the default authorizer denies a caller without claims).
//
// Temporal's default authorizer applies these roles to each API; its default claim mapper reads
// JWTs instead, which would need a key service the frontend fetches at start.
package main

import (
	"crypto/x509/pkix"
	"log"
	"os"
	"path"
	"strings"

	"go.temporal.io/server/common/authorization"
	"go.temporal.io/server/common/config"
	"go.temporal.io/server/common/dynamicconfig"
	tlog "go.temporal.io/server/common/log"
	"go.temporal.io/server/temporal"
)

// Roles by the client certificate's common name.
var roles = map[string]authorization.Claims{
	"vinhdanh-product":  {System: authorization.RoleAdmin},
	"temporal-internal": {System: authorization.RoleAdmin},
	"temporal-frontend": {System: authorization.RoleAdmin},
	"vinhdanh-operator": {Namespaces: map[string]authorization.Role{"default": authorization.RoleReader}},
}

type certificateClaims struct{}

func (certificateClaims) GetClaims(info *authorization.AuthInfo) (*authorization.Claims, error) {
	return claimsFor(info.TLSSubject), nil
}

func claimsFor(subject *pkix.Name) *authorization.Claims {
	if subject == nil {
		return &authorization.Claims{}
	}
	c, ok := roles[subject.CommonName]
	if !ok {
		return &authorization.Claims{Subject: subject.CommonName}
	}
	c.Subject = subject.CommonName
	return &c
}

// arg reads `--name value` or `--name=value`; every other argument (the stock image's `start`,
// `--allow-no-auth`, ...) is ignored, so this binary can stand in for the image's temporal-server.
func arg(name, fallback string) string {
	for i, a := range os.Args[1:] {
		if v, ok := strings.CutPrefix(a, "--"+name+"="); ok {
			return v
		}
		if a == "--"+name && i+2 < len(os.Args) {
			return os.Args[i+2]
		}
	}
	return fallback
}

func main() {
	cfg, err := config.LoadConfig(arg("env", "vinhdanh"), path.Join(arg("root", "."), arg("config", "config")), arg("zone", ""))
	if err != nil {
		log.Fatalf("Unable to load configuration: %v", err)
	}
	logger := tlog.NewZapLogger(tlog.BuildZapLogger(cfg.Log))
	var dc dynamicconfig.Client = dynamicconfig.NewNoopClient()
	if cfg.DynamicConfigClient != nil {
		if dc, err = dynamicconfig.NewFileBasedClient(cfg.DynamicConfigClient, logger, temporal.InterruptCh()); err != nil {
			log.Fatalf("Unable to create dynamic config client: %v", err)
		}
	}
	s, err := temporal.NewServer(
		temporal.ForServices(temporal.DefaultServices),
		temporal.WithConfig(cfg),
		temporal.WithDynamicConfigClient(dc),
		temporal.WithLogger(logger),
		temporal.InterruptOn(temporal.InterruptCh()),
		temporal.WithAuthorizer(authorization.NewDefaultAuthorizer()),
		temporal.WithClaimMapper(func(*config.Config) authorization.ClaimMapper { return certificateClaims{} }),
	)
	if err != nil {
		log.Fatalf("Unable to create server: %v", err)
	}
	if err := s.Start(); err != nil {
		log.Fatalf("Unable to start server: %v", err)
	}
	os.Exit(0)
}
