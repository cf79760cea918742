# MyRestaurant in a container: one static binary, data in the /pb_data volume.
#   docker build -t myrestaurant .
#   docker run -d --name myrestaurant -p 8090:8090 -v myrestaurant-data:/pb_data myrestaurant
#   docker logs myrestaurant        # the start summary and, on the first start, the admin's password

FROM golang:1.26-bookworm AS build
# go.mod pins the Go toolchain; the image's Go fetches it through the module proxy.
ENV GOTOOLCHAIN=auto CGO_ENABLED=0
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# modernc.org/sqlite is pure Go, so the binary needs no C library and runs on any Linux image.
RUN go build -trimpath -ldflags "-s -w" -o /out/myrestaurant .

FROM alpine:3.22
# ca-certificates: the WeChat and WeChat Pay APIs are HTTPS. wget (busybox) serves the health check.
RUN apk add --no-cache ca-certificates \
 && adduser -D -H -u 10001 myrestaurant \
 && mkdir /pb_data && chown myrestaurant:myrestaurant /pb_data
COPY --from=build /out/myrestaurant /usr/local/bin/myrestaurant
USER myrestaurant
VOLUME /pb_data
EXPOSE 8090
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD wget -q -O /dev/null http://127.0.0.1:8090/api/health || exit 1
ENTRYPOINT ["myrestaurant"]
CMD ["serve", "--http", "0.0.0.0:8090", "--dir", "/pb_data"]
